import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { httpErrorBody, sendJson } from '../../kernel/http.js';
import type { GatewayRoute } from '../../gateway/routes.js';

// GET /dashboard — the reference statistics dashboard (issue 7): static files bundled with the project
// (apps/dashboard/public/), plain JavaScript and inline SVG charts. The page talks only to /graphql (and the
// analysts' CSV exports) on its own origin; the Content-Security-Policy forbids loading anything else.

const DIR = new URL('./public/', import.meta.url);
const FILES: Record<string, { file: string; type: string }> = {
  '/dashboard': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dashboard/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/dashboard/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/dashboard/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  '/dashboard/dashboard.graphql': { file: 'dashboard.graphql', type: 'application/graphql; charset=utf-8' },
};

/** Nothing but this origin: scripts, styles, fetches; no frames, no plugins, no third-party anything. */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const cache = new Map<string, Buffer>();
const read = (file: string) => {
  let b = cache.get(file);
  if (!b) {
    b = readFileSync(new URL(file, DIR));
    if (process.env.NODE_ENV === 'production') cache.set(file, b);
  }
  return b;
};

/** Request handler for `/dashboard` and its assets (wire it into the gateway's router). */
export function serveDashboard(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const entry = FILES[path];
  if (!entry) return sendJson(res, 404, httpErrorBody('NOT_FOUND', '未找到 (not found)'));
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return sendJson(res, 405, httpErrorBody('BAD_REQUEST', '只支持 GET (method not allowed)'));
  const body = read(entry.file);
  res.writeHead(200, {
    'content-type': entry.type,
    'content-length': String(body.length),
    'content-security-policy': DASHBOARD_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Mounted by the gateway at /dashboard (static files: no token, no rate limit, as before). */
export const dashboardRoute: GatewayRoute = {
  name: 'dashboard',
  matches: (path) => path === '/dashboard' || path.startsWith('/dashboard/'),
  handle: (req, res) => serveDashboard(req, res),
};
