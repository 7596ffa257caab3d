import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A plain round-robin HTTP load balancer, standing in for whatever production puts in front of the replicas
// (nginx, HAProxy, a cloud LB): not part of sanxiang. A backend that refuses the connection is skipped (nothing
// was sent, so the request goes to the next one); a backend that fails mid-request answers 502, as an LB would.

export interface Balancer {
  url: string;
  stats: { forwarded: number; refusedSkipped: number; failedInFlight: number };
  close(): Promise<void>;
}

export async function startBalancer(backends: string[]): Promise<Balancer> {
  let next = 0;
  const stats = { forwarded: 0, refusedSkipped: 0, failedInFlight: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const start = next++ % backends.length;
      const attempt = (i: number) => {
        if (i >= backends.length) {
          res.writeHead(502, { 'content-type': 'text/plain' }).end('no backend available');
          return;
        }
        const target = new URL(req.url ?? '/', backends[(start + i) % backends.length]);
        const up = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (upRes) => {
          stats.forwarded++;
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
          upRes.on('error', () => res.destroy());
        });
        let sent = false;
        up.on('socket', (s) => (s.connecting ? s.once('connect', () => (sent = true)) : (sent = true)));
        up.on('error', (err: NodeJS.ErrnoException) => {
          if (!sent && err.code === 'ECONNREFUSED') {
            stats.refusedSkipped++;
            attempt(i + 1);
          } else if (!res.headersSent) {
            stats.failedInFlight++;
            res.writeHead(502, { 'content-type': 'text/plain' }).end(`backend failed: ${err.code ?? err.message}`);
          } else {
            res.destroy();
          }
        });
        up.end(body);
      };
      attempt(0);
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
