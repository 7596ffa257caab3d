import type { Config } from './config.js';
import { DatabaseUnavailableError, withServerConnection } from './db.js';
import { loadKeyMaterial, type KeyMaterial } from './identity.js';
import { createLogger, type Logger } from './logger.js';
import type { RunningService } from './server.js';

/**
 * Process wrapper shared by every entry point: checks MySQL first (clear message, exit 1), starts
 * the services, and closes them in reverse order on Ctrl-C / SIGTERM.
 */
export async function runService(
  name: string,
  start: (env: { config: Config; keys: KeyMaterial; log: Logger }) => Promise<RunningService[]>,
  config: Config,
  opts: { needsDatabase?: boolean; verifyOnlyKeys?: boolean } = {},
): Promise<void> {
  const log = createLogger(name, config.logLevel);
  let services: RunningService[] = [];
  try {
    if (opts.needsDatabase !== false) await withServerConnection(config.databaseUrl, (c) => c.query('SELECT 1'));
    const keys = await loadKeyMaterial(config.keyDir, { verifyOnly: opts.verifyOnlyKeys });
    services = await start({ config, keys, log });
  } catch (err) {
    if (err instanceof DatabaseUnavailableError) {
      console.error(err.message);
    } else {
      console.error(`启动失败 (failed to start ${name}):`, err);
    }
    await Promise.allSettled(services.map((s) => s.close()));
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // Never hang on shutdown: an orchestrator (or Ctrl-C) expects the process to go away.
    setTimeout(() => {
      log.error('shutdown took too long; exiting anyway');
      process.exit(1);
    }, 15_000).unref();
    for (const s of [...services].reverse()) await s.close().catch((err: unknown) => log.error({ err, service: s.name }, 'close failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
