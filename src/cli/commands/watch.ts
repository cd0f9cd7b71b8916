/**
 * ptrcheck watch <ip>: looks again every --interval until the zone's own
 * servers and every resolver show the expected PTR (and its name resolves
 * back), then exits 0; exits 1 at --timeout. A live table on a terminal,
 * one JSON line per look otherwise.
 */
import { parseArgs } from 'node:util';
import dns from 'node:dns';
import { parseIp } from '../../core/ip.js';
import { InputError } from '../../core/errors.js';
import { hostnameSyntaxProblems } from '../../core/names.js';
import { createNodeResolver, type ClosableResolver } from '../../dns/node.js';
import { watchOnce } from '../../watch/poll.js';
import { renderWatch } from '../../watch/text.js';
import { parseDuration, wholeNumber } from '../args.js';
import type { CliIo } from '../io.js';
import { WATCH_OPTIONS } from '../options.js';
import { makeDirectQuery, parseServer } from '../resolver.js';
import { UsageError } from '../usage.js';
import { shown } from '../../core/errors.js';

const SECOND = 1000;
const DAY = 86_400_000;

export async function watchCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: WATCH_OPTIONS });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'watch needs an IP address: ptrcheck watch <ip> [--expect NAME]' : `watch takes one IP address, got ${positionals.length}`);
  const ip = positionals[0]!;
  try {
    parseIp(ip);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  if (values.expect !== undefined && hostnameSyntaxProblems(values.expect).length > 0) throw new UsageError(`--expect '${shown(values.expect)}' is not a host name`);
  const intervalMs = parseDuration(values.interval, '--interval', SECOND, DAY);
  const timeoutMs = parseDuration(values.timeout, '--timeout', SECOND, 7 * DAY);
  const dnsTimeoutMs = values['dns-timeout'] !== undefined ? wholeNumber(values['dns-timeout'], '--dns-timeout', 1, 60_000) : 2000;
  const configured = values.dns ?? io.env.PTRCHECK_DNS;
  if (configured !== undefined && configured.trim() === '') throw new UsageError(`${values.dns !== undefined ? '--dns' : 'PTRCHECK_DNS'} is empty: give HOST:PORT`);
  const servers = [
    ...(configured !== undefined ? configured.split(',').map((s) => parseServer(s)) : dns.getServers().map((s) => parseServer(s, 'system resolver'))),
    ...(values.resolver ?? []).map((s) => parseServer(s, '--resolver')),
  ];
  if (servers.length === 0) throw new UsageError('no DNS server configured on this system; pass --dns HOST:PORT');
  const direct = makeDirectQuery({ port: values['authoritative-port'], timeoutMs: dnsTimeoutMs, allowPrivate: true }, io.env);
  // No cache of our own: each look must see what each resolver answers now.
  const resolvers = servers.map((s) => ({ label: s.host.includes(':') ? `[${s.host}]:${s.port}` : `${s.host}:${s.port}`, resolver: createNodeResolver({ servers: [s], timeoutMs: dnsTimeoutMs, retries: 1 }) as ClosableResolver }));
  const json = values.json === true || !io.tty;
  const started = Date.now();
  try {
    for (;;) {
      const state = await watchOnce(ip, values.expect, { resolver: resolvers[0]!.resolver, resolvers, direct });
      const elapsed = Date.now() - started;
      if (json) await io.write(`${JSON.stringify({ event: 'look', elapsedMs: elapsed, ...state })}\n`);
      else io.stdout(`\x1b[H\x1b[2J${renderWatch(state, elapsed)}`);
      if (state.done) {
        if (json) await io.write(`${JSON.stringify({ event: 'done', elapsedMs: elapsed })}\n`);
        return 0;
      }
      // The last look is at the timeout itself, so a change that lands just in time still counts.
      const left = timeoutMs - elapsed;
      if (left <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(intervalMs, left)));
    }
    const elapsed = Date.now() - started;
    if (json) await io.write(`${JSON.stringify({ event: 'timeout', elapsedMs: elapsed })}\n`);
    else io.stderr(`ptrcheck: gave up after ${Math.round(elapsed / 1000)} s (--timeout ${values.timeout}); not every server shows it yet\n`);
    return 1;
  } finally {
    for (const r of resolvers) r.resolver.close();
    direct.close();
  }
}
