import type { GatewayRoute } from '../gateway/routes.js';
import { annualReportRoute } from './annual-report/route.js';
import { dashboardRoute } from './dashboard/route.js';
import { exportsRoute } from './exports/route.js';

// The applications built on the supergraph, as the routes the gateway mounts beside /graphql.
// Each reads the supergraph through the gateway's /graphql like any client (the exports stream the owning
// subgraph's CSV with an internal token instead: rows are too many for one GraphQL response).

export function applicationRoutes(): GatewayRoute[] {
  return [dashboardRoute, exportsRoute, annualReportRoute];
}
