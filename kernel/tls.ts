import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { rootCertificates } from 'node:tls';
import { Agent, setGlobalDispatcher } from 'undici';

/**
 * TLS settings as certificate files (issue 29), one reader for every process:
 *
 * - to the database: DATABASE_TLS_CA (the CA that signed the server's certificate; setting it turns TLS on and the
 *   server's certificate is verified), DATABASE_TLS_CERT + DATABASE_TLS_KEY (a client certificate, for accounts
 *   created `REQUIRE X509`);
 * - between the gateway and the subgraphs: a service given TLS_CERT + TLS_KEY serves HTTPS on its port; clients
 *   (the gateway, subgraph-to-subgraph calls, probes) trust TLS_CA in addition to the system's CAs. The addresses then
 *   say `https://` (<NAME>_URL, or SUBGRAPH_SCHEME=https for the localhost defaults).
 *
 * Key files may be passphrase-less PEM only; a file that cannot be read is a configuration error at start.
 */
export interface TlsFiles {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

function read(env: NodeJS.ProcessEnv, name: string): Buffer | undefined {
  const path = env[name];
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new Error(`${name}=${path} 无法读取 (cannot read the certificate file): ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function pair(env: NodeJS.ProcessEnv, cert: string, key: string): Pick<TlsFiles, 'cert' | 'key'> {
  const c = read(env, cert);
  const k = read(env, key);
  if (Boolean(c) !== Boolean(k)) throw new Error(`${cert} 与 ${key} 须同时设置 (set both or neither)`);
  return c && k ? { cert: c, key: k } : {};
}

/** mysql2's `ssl` option, or undefined without DATABASE_TLS_CA. */
export function databaseTls(env: NodeJS.ProcessEnv = process.env): { ca: Buffer; cert?: Buffer; key?: Buffer; rejectUnauthorized: true } | undefined {
  const ca = read(env, 'DATABASE_TLS_CA');
  const client = pair(env, 'DATABASE_TLS_CERT', 'DATABASE_TLS_KEY');
  if (!ca) {
    if (client.cert) throw new Error('DATABASE_TLS_CERT 需要 DATABASE_TLS_CA (a client certificate needs the CA to verify the server)');
    return undefined;
  }
  return { ca, ...client, rejectUnauthorized: true };
}

/** The certificate and key a service serves HTTPS with, or undefined (plain HTTP). */
export const serverTls = (env: NodeJS.ProcessEnv = process.env): Pick<TlsFiles, 'cert' | 'key'> | undefined => {
  const p = pair(env, 'TLS_CERT', 'TLS_KEY');
  return p.cert ? p : undefined;
};

/** The extra CA clients trust for the project's own services, or undefined. */
export const clientCa = (env: NodeJS.ProcessEnv = process.env): Buffer | undefined => read(env, 'TLS_CA');

/**
 * An HTTP server, or an HTTPS one with TLS_CERT/TLS_KEY: what every service listens with. Also makes this process's
 * own clients (fetch: subgraph-to-subgraph calls, the witness) trust TLS_CA besides the system's CAs.
 */
export function createServiceServer(handler: (req: IncomingMessage, res: ServerResponse) => void, env: NodeJS.ProcessEnv = process.env): HttpServer {
  trustServiceCa(env);
  const tls = serverTls(env);
  // node:https's Server has node:http's interface (close*Connections, keepAliveTimeout, …) over TLS.
  return tls ? (createHttpsServer({ cert: tls.cert, key: tls.key }, handler) as unknown as HttpServer) : createHttpServer(handler);
}

/** `https` when this process serves TLS (its own URLs say so), else `http`. */
export const serviceScheme = (env: NodeJS.ProcessEnv = process.env): 'http' | 'https' => (env.TLS_CERT ? 'https' : 'http');

let trustedCa: Buffer | undefined;
/** fetch (undici's global dispatcher) trusts TLS_CA in addition to Node's CAs; once per process. */
export function trustServiceCa(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const ca = clientCa(env);
  if (ca && !trustedCa?.equals(ca)) {
    trustedCa = ca;
    setGlobalDispatcher(new Agent({ connect: { ca: [...rootCertificates, ca.toString()] } }));
  }
  return ca;
}
