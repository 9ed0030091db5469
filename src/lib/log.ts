import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON-lines logger per process; request handlers take a child carrying the request id. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
}
