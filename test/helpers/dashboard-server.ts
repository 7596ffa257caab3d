import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { serveDashboard } from '../../apps/dashboard/route.js';
import { handleExport } from '../../apps/exports/route.js';
import { createUserTokenVerifier } from '../../kernel/identity.js';
import { createLogger } from '../../kernel/logger.js';
import { closeServer, listen } from '../../kernel/server.js';
import type { TestSystem } from './system.js';

// Until gateway/server.ts routes /dashboard and /exports/ itself, tests mount the two handlers on a small
// server in front of the test gateway: the same handlers, the same origin for /graphql (proxied as is).

function proxy(req: IncomingMessage, res: ServerResponse, target: URL) {
  const up = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (r) => {
    res.writeHead(r.statusCode ?? 502, r.headers);
    r.pipe(res);
  });
  up.on('error', () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  req.pipe(up);
}

export async function startFrontServer(sys: TestSystem) {
  const verify = await createUserTokenVerifier(sys.keys);
  const log = createLogger('front', 'warn');
  const urls: Record<string, string> = { cases: sys.cases.url, reviews: sys.reviews.url, inspections: sys.inspections.url, powers: sys.powers.url };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/dashboard' || path.startsWith('/dashboard/')) return serveDashboard(req, res);
    if (path.startsWith('/exports/')) return void handleExport(req, res, { keys: sys.keys, verify, log, subgraphUrl: (name) => urls[name]! });
    proxy(req, res, new URL(req.url ?? '/', sys.gateway.url));
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}`, close: () => closeServer(server) };
}
