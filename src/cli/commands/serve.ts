import { dirname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { startServe } from '../../node.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { loadOrCreateTls } from '../../smtp/tls.js';
import { networkMatcher } from '../../smtp/trust.js';
import { makeResolver } from '../resolver.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { dnsblZones, parseTimeout, wholeNumber } from '../output.js';
import { readFileSync } from 'node:fs';

/** Runs until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'http-port': { type: 'string', default: '8025' },
      'smtp-port': { type: 'string', default: '2525' },
      host: { type: 'string', default: '127.0.0.1' },
      'sink-domain': { type: 'string', default: 'sink.localhost' },
      'public-url': { type: 'string' },
      'no-smtp': { type: 'boolean', default: false },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'trusted-network': { type: 'string', multiple: true },
      'max-message-mb': { type: 'string', default: '10' },
      db: { type: 'string', default: 'ptrcheck.sqlite' },
      dns: { type: 'string' },
      doh: { type: 'string' },
      dnsbl: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      'retention-days': { type: 'string', default: '30' },
      'rate-limit': { type: 'string', default: '30' },
    },
  });
  const port = wholeNumber(values['http-port'], '--http-port', 0, 65535);
  const smtpPort = wholeNumber(values['smtp-port'], '--smtp-port', 0, 65535);
  const retentionDays = wholeNumber(values['retention-days'], '--retention-days', 0, 36500);
  const rateLimitPerMinute = wholeNumber(values['rate-limit'], '--rate-limit', 0, 1_000_000);
  const maxMessageBytes = wholeNumber(values['max-message-mb'], '--max-message-mb', 1, 1024) * 1024 * 1024;
  const domain = values['sink-domain'].toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) throw new UsageError(`--sink-domain '${values['sink-domain']}' is not a domain name`);
  const trustedNetworks = values['trusted-network'] ?? ['127.0.0.1', '::1'];
  try {
    networkMatcher(trustedNetworks);
  } catch (e) {
    throw new UsageError(`--trusted-network: ${(e as Error).message}`);
  }
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) throw new UsageError('--tls-key and --tls-cert go together');

  const dnsbl = dnsblZones(values.dnsbl, io.env);
  const resolver = makeResolver({ dns: values.dns, doh: values.doh, timeoutMs: parseTimeout(values.timeout), maxTtl: 60 }, io.env);
  let store;
  try {
    store = openSqliteStore(values.db);
  } catch (e) {
    throw new UsageError(`cannot open the database '${values.db}': ${(e as Error).message}`);
  }
  const tls = values['no-smtp']
    ? undefined
    : values['tls-key']
      ? { key: readFileSync(values['tls-key'], 'utf8'), cert: readFileSync(values['tls-cert']!, 'utf8') }
      : await loadOrCreateTls(join(dirname(values.db), `${basename(values.db)}.tls-key.pem`), join(dirname(values.db), `${basename(values.db)}.tls-cert.pem`), domain);
  const running = await startServe({
    resolver, store, port, host: values.host, retentionDays, config: { rateLimitPerMinute, maxMessageBytes, dnsbl },
    smtp: values['no-smtp'] ? null : {
      domain, port: smtpPort, host: values.host, trustedNetworks, maxMessageBytes,
      ...(tls ? { tls } : {}),
      ...(values['public-url'] ? { publicUrl: values['public-url'].replace(/\/$/, '') } : {}),
    },
  }).catch((e: Error) => {
    throw new UsageError(`cannot start: ${e.message}`);
  });
  io.stdout(`ptrcheck serving ${running.http.url} (database ${values.db})\n`);
  if (running.smtp) io.stdout(`ptrcheck SMTP sink on ${values.host}:${running.smtp.port} for *@${domain}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  store.close();
  resolver.close();
  return 0;
}
