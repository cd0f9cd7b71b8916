import { parseArgs } from 'node:util';
import { startHttp } from '../../node.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { makeResolver } from '../resolver.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { parseTimeout } from '../output.js';

/** Runs until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'http-port': { type: 'string', default: '8025' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: 'ptrcheck.sqlite' },
      dns: { type: 'string' },
      timeout: { type: 'string' },
      'retention-days': { type: 'string', default: '30' },
      'rate-limit': { type: 'string', default: '30' },
    },
  });
  const port = integer(values['http-port'], '--http-port', 0, 65535);
  const retentionDays = integer(values['retention-days'], '--retention-days', 0, 36500);
  const rateLimitPerMinute = integer(values['rate-limit'], '--rate-limit', 0, 1_000_000);
  const resolver = makeResolver({ dns: values.dns, timeoutMs: parseTimeout(values.timeout), maxTtl: 60 }, io.env);
  let store;
  try {
    store = openSqliteStore(values.db);
  } catch (e) {
    throw new UsageError(`cannot open the database '${values.db}': ${(e as Error).message}`);
  }
  const http = await startHttp({ resolver, store, port, host: values.host, retentionDays, config: { rateLimitPerMinute } }).catch((e: Error) => {
    throw new UsageError(`cannot listen on ${values.host}:${port}: ${e.message}`);
  });
  io.stdout(`ptrcheck serving ${http.url} (database ${values.db})\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await http.close();
  store.close();
  resolver.close();
  return 0;
}

function integer(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) throw new UsageError(`${name} '${text}' must be a whole number from ${min} to ${max}`);
  return n;
}
