import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };
// JSON lines on stdout; every request's child logger carries reqId so one request can be followed across services.
export function createLogger(service: string, level = process.env.LOG_LEVEL || 'info', destination?: DestinationStream): Logger {
  return destination ? pino({ name: service, level, base: { service } }, destination) : pino({ name: service, level, base: { service } });
}
