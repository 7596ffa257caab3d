import type { Config } from './config.js';
import { DatabaseUnavailableError, withServerConnection } from './db.js';
import { loadKeyMaterial, type KeyMaterial } from './identity.js';
import { createLogger, type Logger } from './logger.js';
import type { RunningService } from './server.js';
import { drainSettings } from './drain.js';
import { asService } from './tracing.js';

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
    // Traced as the process's own service (`npm start`, whose logger is `sanxiang`, is the launcher: `sanxiang-start`).
    if (opts.needsDatabase !== false)
      await asService(name === 'sanxiang' ? 'start' : name, () => withServerConnection(config.databaseUrl, (c) => c.query('SELECT 1')));
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
    // Read at the signal, not at start: a bad value must not keep the process from stopping (the defaults apply).
    let settings = { drainMs: 0, graceMs: 10_000 };
    try {
      settings = drainSettings(signal);
    } catch (err) {
      log.warn({ err }, 'invalid drain settings; stopping without a drain period');
    }
    log.info({ signal, ...settings }, 'stopping');
    // Never hang on shutdown: an orchestrator (or Ctrl-C) expects the process to go away.
    setTimeout(
      () => {
        log.error('shutdown took too long; exiting anyway');
        process.exit(1);
      },
      settings.drainMs + settings.graceMs + 5_000,
    ).unref();
    // Graceful drain (kernel/drain.ts): every service of the process turns /ready false and keeps serving with
    // `Connection: close` for the drain period, so balancers stop sending before anything stops listening.
    for (const s of services) s.drain?.();
    if (settings.drainMs) await new Promise((resolve) => setTimeout(resolve, settings.drainMs));
    // Then in reverse order (the gateway first): each waits for its requests in flight.
    for (const s of [...services].reverse()) await s.close(settings.graceMs).catch((err: unknown) => log.error({ err, service: s.name }, 'close failed'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
