/**
 * What `serve` reports about itself, set up in one place: pino log lines
 * (json, text or off) and, when a metrics port is given, Prometheus metrics,
 * combined into one Observer for the rest of the server.
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Observer } from '../core/observer.js';
import { combine, createLogger, logObserver, type LogFormat } from './logs.js';
import { createMetrics } from './metrics.js';

export interface Observability {
  observer: Observer;
  logger: Logger;
  /** Present when metrics are on. */
  registry?: Registry;
  /** Writes out buffered log lines; resolves when they are written (or after a second). */
  flush(): Promise<void>;
}

export function observability(o: { logFormat: LogFormat; metrics: boolean }): Observability {
  const logger = createLogger(o.logFormat);
  const metrics = o.metrics ? createMetrics() : undefined;
  return {
    logger,
    observer: combine(...(metrics ? [metrics.observer] : []), logObserver(logger)),
    ...(metrics ? { registry: metrics.registry } : {}),
    flush: () => new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      logger.flush(() => (clearTimeout(timer), resolve()));
    }),
  };
}
