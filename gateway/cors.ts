import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from 'cors';

// CORS for dashboards served from another origin (the `cors` middleware): only the exact origins listed in
// CORS_ORIGINS (comma-separated, e.g. `https://dash.example.gov.cn,http://10.1.2.3:8080`); none by default,
// so browsers refuse cross-origin calls until an operator names the origin. Tokens travel in the
// Authorization header, never cookies: credentials are not allowed.

export type CorsHandler = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

export function corsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const o of origins) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(o);
    } catch {
      /* reported below */
    }
    if (!parsed || parsed.origin !== o) {
      throw new Error(`CORS_ORIGINS 中的 ${o} 不是确切的来源，应形如 https://dash.example.gov.cn (scheme://host[:port], no path)`);
    }
  }
  return origins;
}

/** Null when no origin is allowed. */
export function corsHandler(origins: string[]): CorsHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: origins,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-request-id',
      'apollographql-client-name',
      'apollographql-client-version',
      'apollo-require-preflight',
      'traceparent',
      'tracestate',
    ],
    exposedHeaders: ['x-request-id', 'retry-after'],
    credentials: false,
    maxAge: 600,
    optionsSuccessStatus: 204,
  }) as CorsHandler;
}
