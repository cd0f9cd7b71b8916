import type { DnsAnswer } from '../../dns/types.js';
import { dirname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { startServe } from '../../node.js';
import { openSqliteStore } from '../../store/sqlite.js';
import { loadOrCreateTls, readTls } from '../../sink/smtp/tls.js';
import { networkMatcher } from '../../sink/smtp/trust.js';
import { makeDirectQuery, makeResolver } from '../resolver.js';
import { makeProber, makeWebProber } from '../probe.js';
import { observability } from '../../observe/index.js';
import { startMetricsServer } from '../../observe/metrics-server.js';
import { observedDirect, observedResolver } from '../../dns/observed.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { parseDuration, parseTimeout, wholeNumber } from '../args.js';
import { digestChannels, secretFrom, webhookUrl } from '../monitor-args.js';
import { emailAlerts } from '../alert-email.js';
import { runMonitorRound } from '../../monitor/service.js';
import { startSchedule } from '../../monitor/schedule.js';
import { monitorGauges } from '../../monitor/gauges.js';
import { readServerSettings } from '../../config/server.js';
import { DEFAULT_SINK_DOMAIN } from '../../config/defaults.js';
import { SERVE_OPTIONS } from '../options.js';
import { httpConfig } from '../../http/deps.js';
import { isIP } from 'node:net';
import { shown } from '../../core/errors.js';
import { isToken } from '../../sink/tokens.js';

/** Runs until SIGINT/SIGTERM. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: SERVE_OPTIONS,
  });
  // Listened for from the start: a signal during start-up drains once everything is up, not a bare exit 143.
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  let stopping = false;
  void stopSignal.then(() => (stopping = true));
  const port = wholeNumber(values['http-port'], '--http-port', 0, 65535);
  const smtpPort = wholeNumber(values['smtp-port'], '--smtp-port', 0, 65535);
  const settings = readServerSettings(
    {
      rateLimitPerMinute: values['rate-limit'],
      rateLimitBurst: values['rate-limit-burst'],
      rateLimitV6Prefix: values['rate-limit-v6-prefix'],
      maxAudits: values['max-audits'],
      maxMessageBytes: values['max-message-mb'],
      retentionDays: values['retention-days'],
      authservId: values['authserv-id'],
      sinkDomain: values['sink-domain'],
      publicUrl: values['public-url'],
      // --dnsbl, else PTRCHECK_DNSBL: the same as every auditing command.
      dnsbl: values.dnsbl ?? io.env.PTRCHECK_DNSBL,
      trustedReceivers: values['trusted-receiver'],
    },
    'cli',
  );
  const { retentionDays, maxMessageBytes } = settings;
  const domain = settings.sinkDomain ?? DEFAULT_SINK_DOMAIN;
  const trustedNetworks = values['trusted-network'] ?? ['127.0.0.1', '::1'];
  try {
    networkMatcher(trustedNetworks);
  } catch (e) {
    throw new UsageError(`--trusted-network: ${(e as Error).message}`);
  }
  if (Boolean(values['tls-key']) !== Boolean(values['tls-cert'])) throw new UsageError('--tls-key and --tls-cert go together');
  const reportsLocal = dmarcLocalPart(values['dmarc-local-part']);
  // Listening addresses are IP literals (or localhost): a name would be resolved through the system's resolver.
  if (!isIP(values.host) && values.host !== 'localhost') throw new UsageError(`--host '${shown(values.host)}' is not an IP address to listen on (e.g. 127.0.0.1, ::1, 0.0.0.0)`);
  // Every setting is checked before anything opens or listens: a bad one is one line and exit 2.
  const operatorTls = values['no-smtp'] || !values['tls-key'] ? undefined : tlsFromFiles(values['tls-key'], values['tls-cert']!);

  const timeoutMs = parseTimeout(values.timeout);
  const drainSeconds = wholeNumber(values['drain-seconds'], '--drain-seconds', 0, 3600);
  // Monitoring: the admin API needs a token; the schedule, its settings.
  const adminToken = values['admin-token-file'] !== undefined ? secretFrom(values['admin-token-file'], '--admin-token-file') : io.env.PTRCHECK_ADMIN_TOKEN?.trim() || undefined;
  const monitorIntervalMs = parseDuration(values['monitor-interval'], '--monitor-interval', 60_000, 7 * 86_400_000);
  const confirmAfterMs = parseDuration(values['confirm-after'], '--confirm-after', 0, 3_600_000);
  const webhooks = (values.webhook ?? []).map((u) => webhookUrl(u));
  const webhookSecret = values['webhook-secret-file'] !== undefined ? secretFrom(values['webhook-secret-file']) : undefined;
  const digests = digestChannels(values, emailAlerts(values['alert-email'], values['smtp-relay']), settings.publicUrl);
  const prober = values['probe-smtp'] ? makeProber(values['probe-port'], timeoutMs, true) : undefined;
  const webProber = values['probe-web'] ? await makeWebProber(values['probe-web-port'], timeoutMs, io.env, true) : undefined;
  // A public server asks only public nameserver addresses, unless the operator set a port (a lab, the tests).
  const logFormat = values['log-format'];
  if (logFormat !== 'json' && logFormat !== 'text' && logFormat !== 'off') throw new UsageError(`--log-format '${shown(logFormat)}' must be json, text or off`);
  const metricsPort = values['metrics-port'] !== undefined ? wholeNumber(values['metrics-port'], '--metrics-port', 0, 65535) : undefined;
  if (metricsPort !== undefined && !isIP(values['metrics-host'])) throw new UsageError(`--metrics-host '${shown(values['metrics-host'])}' is not an IP address to listen on`);
  const watching = observability({ logFormat, metrics: metricsPort !== undefined });
  const { observer, logger } = watching;
  const see = (a: DnsAnswer): void => observer.dns?.(a);
  const portGiven = values['authoritative-port'] !== undefined || io.env.PTRCHECK_AUTHORITATIVE_PORT !== undefined;
  const direct = observedDirect(makeDirectQuery({ port: values['authoritative-port'], timeoutMs, allowPrivate: portGiven }, io.env), see);
  const resolver = observedResolver(makeResolver({ dns: values.dns, doh: values.doh, timeoutMs, maxTtl: 60 }, io.env), see);
  const closeDns = (): void => (resolver.close(), direct.close());
  let store;
  try {
    store = openSqliteStore(values.db);
  } catch (e) {
    throw new UsageError(`cannot open the database '${values.db}': ${(e as Error).message}`);
  }
  const tls = values['no-smtp']
    ? undefined
    : operatorTls
      ? operatorTls
      : await loadOrCreateTls(join(dirname(values.db), `${basename(values.db)}.tls-key.pem`), join(dirname(values.db), `${basename(values.db)}.tls-cert.pem`), domain).catch((e: Error) => {
          store.close();
          closeDns();
          throw new UsageError(`cannot keep a STARTTLS certificate beside the database: ${e.message}`);
        });
  const running = await startServe({
    resolver, direct, store, port, host: values.host, retentionDays, config: httpConfig(settings),
    ...(adminToken ? { admin: { token: adminToken, monitors: store.monitors } } : {}),
    ...(prober ? { prober } : {}),
    ...(webProber ? { webProber } : {}),
    observer,
    smtp: values['no-smtp'] ? null : {
      domain, port: smtpPort, host: values.host, trustedNetworks, maxMessageBytes,
      ...(tls ? { tls } : {}),
      ...(settings.publicUrl ? { publicUrl: settings.publicUrl } : {}),
      ...(reportsLocal ? { reports: { localPart: reportsLocal, monitors: store.monitors } } : {}),
    },
  }).catch((e: Error) => {
    // Nothing may keep running after a failed start (startServe closed what it had opened).
    store.close();
    closeDns();
    throw new UsageError(`cannot start: ${e.message}`);
  });
  // Every listener is up before the server says it serves.
  const metricsServer = watching.registry && metricsPort !== undefined
    ? await startMetricsServer(watching.registry, values['metrics-host'], metricsPort).catch(async (e: Error) => {
        await running.close();
        store.close();
        closeDns();
        throw new UsageError(`cannot serve metrics on ${values['metrics-host']}:${metricsPort}: ${e.message}`);
      })
    : undefined;
  io.stdout(`ptrcheck serving ${running.http.url} (database ${values.db})\n`);
  if (metricsServer) io.stdout(`ptrcheck metrics on ${metricsServer.url}\n`);
  if (running.smtp) {
    io.stdout(`ptrcheck SMTP sink on ${values.host}:${running.smtp.port} for *@${domain}\n`);
    if (reportsLocal) io.stdout(`ptrcheck DMARC aggregate reports to ${reportsLocal}@${domain} add their passing sources to the monitor targets\n`);
    // Test mail reaches the sink only through the domain's MX: say so at start rather than leave users waiting (in the background: a slow resolver must not hold up a shutdown).
    void resolver.query(domain, 'MX').then((mx) => {
      if (mx.outcome !== 'ok' && !stopping) {
        logger.warn({ event: 'warning', check: 'sink-mx', domain, rcode: mx.rcode }, `${domain} has no MX record (${mx.rcode}): mail to its test addresses cannot arrive from the Internet; publish "${domain}. 3600 IN MX 10 <this host's name>."`);
      }
    });
  }
  // Rounds on a schedule, resumed at every start; a confirmation asks an uncached resolver.
  const confirmResolver = values.monitor ? makeResolver({ dns: values.dns, doh: values.doh, timeoutMs, maxTtl: 0 }, io.env) : undefined;
  const gauges = monitorGauges(store.monitors);
  const schedule = confirmResolver
    ? startSchedule({
        intervalMs: monitorIntervalMs,
        round: () => runMonitorRound({ store: store.monitors, resolver, confirmResolver, direct, dnsbl: settings.dnsbl, webhooks, secret: webhookSecret, confirmAfterMs, digests }).then((r) => {
          logger.info({ event: 'monitor-round', targets: r.monitors, addresses: r.addresses, transitions: r.transitions.length, undecided: r.temporary, unconfirmed: r.unconfirmed }, `monitor round: ${r.addresses} address(es), ${r.transitions.length} transition(s)`);
          gauges.looked(r.lastLook);
        }).then(async () => {
          if (observer.monitors) observer.monitors({ at: Date.now(), targets: await gauges.snapshot() });
        }),
        onError: (e) => logger.error({ event: 'error', where: 'monitor' }, `monitor round failed: ${(e as Error).message}`),
      })
    : undefined;
  if (schedule) io.stdout(`ptrcheck monitoring every ${values['monitor-interval']} (first round in 10 s)\n`);
  await stopSignal;
  // A second signal means now: whatever is in flight is dropped (unacknowledged mail is the client's to retry).
  const now = (): never => {
    io.stderr('ptrcheck: second signal: stopping at once\n');
    process.exit(1);
  };
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  io.stdout(`ptrcheck draining: not ready, new SMTP clients get 421 and new HTTP requests 503, messages in DATA and requests under way finish (at most ${drainSeconds} s)\n`);
  const deadline = Date.now() + drainSeconds * 1000;
  // A round under way finishes (its states are stored as it goes) or is abandoned at the deadline; the next start resumes.
  await Promise.all([running.drain(deadline), schedule ? Promise.race([schedule.stop(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]) : undefined]);
  confirmResolver?.close();
  await metricsServer?.close();
  await Promise.race([running.close(), new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
  store.close();
  closeDns();
  io.stdout('ptrcheck stopped\n');
  await watching.flush();
  // Anything still open (a stuck client past the deadline) must not keep the process alive.
  setImmediate(() => process.exit(0));
  return 0;
}

/** --dmarc-local-part: a local part as test addresses are written (lower case), or off. */
function dmarcLocalPart(value: string): string | undefined {
  if (value === 'off') return undefined;
  const local = value.toLowerCase();
  if (!isToken(local)) throw new UsageError(`--dmarc-local-part '${shown(value)}' is not a local part (letters, digits, '.', '_', '+', '-'), or off`);
  return local;
}

function tlsFromFiles(key: string, cert: string) {
  try {
    return readTls(key, cert);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
