// One place that reads the environment, so every process (npm start, start:<name>, tests) agrees.
process.env.APOLLO_TELEMETRY_DISABLED = '1'; // intranet deployments: never phone home
import { clockFromEnv, type Clock } from './clock.js';
import { readSecret } from './secrets.js';

/** Services in port order: gateway is PORT, then PORT+1, PORT+2, … in this order. */
export const SERVICE_ORDER = ['powers', 'cases', 'reviews', 'inspections'] as const;
export type ServiceName = (typeof SERVICE_ORDER)[number];

export interface Config {
  port: number;
  databaseUrl: string;
  dbPrefix: string;
  keyDir: string;
  logLevel: string;
  /** The business clock (Beijing dates; pinned by SANXIANG_TODAY). */
  clock: Clock;
  servicePort(name: ServiceName): number;
  /** `<NAME>_URL`, else localhost:<NAME>_PORT for our own services, else the registry's default. */
  serviceUrl(name: string, fallback?: string): string;
  databaseName(name: ServiceName): string;
}

function intEnv(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`环境变量 ${key}=${raw} 不是有效端口号 (invalid port)`);
  }
  return n;
}

/**
 * DATABASE_URL (or DATABASE_URL_FILE), with the bootstrap account's password from DATABASE_PASSWORD (or
 * DATABASE_PASSWORD_FILE) when given: the URL can then sit in a unit file and the password in a credential file.
 */
export function databaseUrlFrom(env: NodeJS.ProcessEnv): string {
  const url = readSecret('DATABASE_URL', env) || 'mysql://root@127.0.0.1:3306';
  const password = readSecret('DATABASE_PASSWORD', env);
  if (password === undefined) return url;
  const m = /^(mysql:\/\/)(?:([^:@/]*)(?::[^@/]*)?@)?(.*)$/.exec(url);
  if (!m) return url;
  return `${m[1]}${m[2] || 'root'}:${encodeURIComponent(password)}@${m[3]}`;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intEnv(env, 'PORT', 4000);
  const dbPrefix = env.DB_PREFIX || 'sanxiang';
  if (!/^[A-Za-z0-9_]{1,40}$/.test(dbPrefix)) {
    throw new Error(`DB_PREFIX=${dbPrefix} 只能包含字母、数字和下划线 (letters, digits, underscore)`);
  }
  const servicePort = (name: ServiceName) => intEnv(env, `${name.toUpperCase()}_PORT`, port + 1 + SERVICE_ORDER.indexOf(name));
  return {
    port,
    databaseUrl: databaseUrlFrom(env),
    dbPrefix,
    keyDir: env.SANXIANG_KEY_DIR || new URL('../.keys/', import.meta.url).pathname,
    logLevel: env.LOG_LEVEL || 'info',
    clock: clockFromEnv(env),
    servicePort,
    serviceUrl: (name, fallback) => {
      const given = env[`${name.toUpperCase()}_URL`];
      if (given) return given;
      // Our own services on this machine speak TLS when this process does (same environment under npm start).
      const scheme = env.SUBGRAPH_SCHEME || (env.TLS_CERT ? 'https' : 'http');
      if ((SERVICE_ORDER as readonly string[]).includes(name)) return `${scheme}://localhost:${servicePort(name as ServiceName)}/graphql`;
      if (fallback) return fallback;
      throw new Error(`子图 ${name} 没有地址：请设置 ${name.toUpperCase()}_URL`);
    },
    databaseName: (name) => `${dbPrefix}_${name}`,
  };
}

/** loadConfig for an entry point: a bad setting is one clear line and exit code 1, not a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    console.error(`配置错误 (invalid configuration): ${(err as Error).message}`);
    process.exit(1);
  }
}
