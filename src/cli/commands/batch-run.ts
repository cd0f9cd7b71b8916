/**
 * The batch run itself (in the bounded-heap child process that batch.ts
 * starts): read, audit, write.
 */
import { createReadStream } from 'node:fs';
import { boundedLines, readBounded } from '../read.js';
import { fileErrorWords as why, shown } from '../../core/errors.js';
import { parseArgs } from 'node:util';
import { auditForBatch } from '../../batch/audit.js';
import { InputError } from '../../core/errors.js';
import { batchItems, entryText, type BatchItem } from '../../batch/input.js';
import { BATCH_OPTIONS } from '../options.js';
import { runBatch } from '../../batch/runner.js';
import { compact, CSV_DMARC_COLUMNS, CSV_HEADER, csvRow, Summary } from '../../batch/records.js';
import { MAX_REPORT_BYTES, readDmarcReport, type DmarcRow } from '../../batch/dmarc-report.js';
import { makeResolver } from '../resolver.js';
import type { PacingStats } from '../../dns/pacing.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { dnsblZones, parseTimeout, wholeNumber } from '../args.js';

/** Addresses in flight at most: each holds its audit's state (a few KB) and the child's heap is bounded. */
export const MAX_CONCURRENCY = 10_000;

/**
 * Answers the batch keeps (least recently used go first): enough for the names many addresses
 * share (a pool's one forward name stays, being asked often), small enough that the
 * one-off answers of a run die young instead of filling the old generation (5,000 cost ~5 %
 * more CPU than 500 over 65,536 addresses).
 */
const BATCH_CACHE_ENTRIES = 1_000;

/** Bad input lines reported one by one before they are only counted. */
const SHOWN_BAD_LINES = 20;

export async function runBatchCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: BATCH_OPTIONS,
  });
  const dnsbl = dnsblZones(values.dnsbl, io.env);
  const transport = values['dns-transport'];
  if (transport !== 'udp' && transport !== 'tcp') throw new UsageError(`--dns-transport '${transport}' is not udp or tcp`);
  const concurrency = wholeNumber(values.concurrency, '--concurrency', 1, MAX_CONCURRENCY);
  const qps = values.qps === undefined ? undefined : wholeNumber(values.qps, '--qps', 1, 1_000_000);
  const maxPerCidr = wholeNumber(values['max-per-cidr'], '--max-per-cidr', 1, 2 ** 32);
  const format = values.format;
  if (format !== 'ndjson' && format !== 'csv') throw new UsageError(`--format '${format}' is not ndjson or csv`);
  if (positionals.length > 1) throw new UsageError('batch takes one input file (or - for standard input)');
  if (positionals.length === 0 && !values['from-dmarc']) throw new UsageError('batch needs an input file of IPs and CIDRs (or -), or --from-dmarc REPORT');

  let dmarc: Map<string, DmarcRow> | undefined;
  let items: AsyncIterable<BatchItem>;
  let total: number | undefined;
  if (values['from-dmarc']) {
    const path = values['from-dmarc'];
    const bytes = await readBounded(path, MAX_REPORT_BYTES);
    const report = await readDmarcReport(bytes, path).catch((e: unknown) => {
      throw e instanceof InputError ? new UsageError(e.message) : e;
    });
    dmarc = new Map();
    for (const row of report.rows) {
      const prev = dmarc.get(row.ip);
      dmarc.set(row.ip, prev ? { ...prev, count: prev.count + row.count } : row);
    }
    items = batchItems([...dmarc.keys()], { maxPerCidr });
    total = dmarc.size;
  } else {
    const path = positionals[0]!;
    items = batchItems(lines(path, io), { maxPerCidr });
    if (path !== '-' && io.progress) total = await countAddresses(path, maxPerCidr);
  }

  // Paced: a public resolver rate-limits bulk clients; the adaptive limit backs off where it does, --qps caps it always.
  const pacing = qps === undefined ? {} : { capQps: qps };
  const resolver = makeResolver({ dns: values.dns, doh: values.doh, timeoutMs: parseTimeout(values.timeout), maxEntries: BATCH_CACHE_ENTRIES, transport, pacing }, io.env);
  const summary = new Summary();
  const started = performance.now();
  let done = 0;
  let lastDraw = 0;
  const draw = (final = false): void => {
    if (!io.progress) return;
    const now = performance.now();
    if (!final && now - lastDraw < 200) return;
    lastDraw = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    const eta = total !== undefined && rate > 0 ? ` ETA ${Math.ceil((total - done) / rate)} s` : '';
    io.stderr(`\r${done}${total !== undefined ? `/${total}` : ''} audited, ${rate.toFixed(0)}/s${eta}   ${final ? '\n' : ''}`);
  };
  try {
    if (format === 'csv') await io.write(`${CSV_HEADER}${dmarc ? CSV_DMARC_COLUMNS : ''}\n`);
    const out = lineWriter(io);
    const auditIp = (ip: string) => auditForBatch(ip, resolver, dnsbl);
    for await (const ev of runBatch(items, concurrency, auditIp)) {
      if (ev.kind === 'error') {
        // The first bad lines are shown, the rest counted: a binary file must not become megabytes of stderr.
        if (++summary.invalid <= SHOWN_BAD_LINES) io.stderr(`${io.progress ? '\r' : ''}ptrcheck: line ${ev.item.line}: ${ev.item.message} (skipped)\n`);
        continue;
      }
      done++;
      const rec = compact(ev.report, ev.item.line, dmarc?.get(ev.item.source) ?? dmarc?.get(ev.item.ip));
      summary.add(rec);
      draw();
      if (values['only-failing'] && rec.verdict === 'pass') continue;
      await out.push(format === 'csv' ? `${csvRow(rec, Boolean(dmarc))}\n` : `${JSON.stringify(rec)}\n`);
    }
    await out.flush();
  } finally {
    resolver.close();
  }
  draw(true);
  if (summary.invalid > SHOWN_BAD_LINES) io.stderr(`ptrcheck: … and ${summary.invalid - SHOWN_BAD_LINES} more bad lines (${summary.invalid} in all), skipped\n`);
  // An input with no address at all is a mistake (an empty, binary or wrong file), not a clean run.
  if (summary.total === 0) throw new UsageError(summary.invalid > 0 ? `no address in the input: ${summary.invalid} bad line(s) and nothing else` : 'no address in the input (it is empty, or only comments)');
  io.stderr(summary.text(performance.now() - started));
  const paced = resolver.pacing?.();
  if (paced) io.stderr(pacingText(paced, qps));
  return summary.verdicts.fail! > 0 ? 1 : 0;
}

/**
 * Output lines leave in chunks (a write per line was a visible share of a
 * batch run), yet promptly: whatever is buffered goes out at the end of the
 * event-loop turn. A full chunk waits for the reader (backpressure).
 */
function lineWriter(io: CliIo, chunk = 32 * 1024): { push(line: string): Promise<void>; flush(): Promise<void> } {
  let buf = '';
  let scheduled = false;
  const flush = async (): Promise<void> => {
    if (buf === '') return;
    const text = buf;
    buf = '';
    await io.write(text);
  };
  return {
    async push(line) {
      buf += line;
      if (buf.length >= chunk) return flush();
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          void flush();
        });
      }
    },
    flush,
  };
}

/** The resolver's side of the run, when it had to be paced (or was capped): never silent about a slow or refusing resolver. */
function pacingText(p: PacingStats, qps: number | undefined): string {
  const limited = p.limited === 0 ? '' : `; ${p.limited} answer(s) came back REFUSED, SERVFAIL or timed out: ${p.recovered} answered when asked again (more slowly), ${p.unrecovered} still failing (those addresses are 'error', never 'fail')`;
  const limit = Number.isFinite(p.limit) ? `; rate limit at the end ${Math.round(p.limit)} queries/s${p.decreases > 0 ? ` (lowered ${p.decreases} time(s) on bursts of refusals)` : ''}${qps !== undefined ? `, capped by --qps ${qps}` : ''}` : '';
  if (limited === '' && limit === '') return '';
  return `DNS: ${p.queries} questions${limited}${limit}\n`;
}

async function* lines(path: string, io: CliIo): AsyncGenerator<string> {
  try {
    yield* boundedLines((path === '-' ? io.stdin() : createReadStream(path)) as AsyncIterable<Buffer>);
  } catch (e) {
    throw new UsageError(`cannot read '${shown(path)}': ${why(e)}`);
  }
}

/** For the progress bar's ETA: how many addresses the file holds (CIDRs counted, not expanded). */
async function countAddresses(path: string, maxPerCidr: number): Promise<number> {
  let n = 0;
  for await (const raw of boundedLines(createReadStream(path) as AsyncIterable<Buffer>)) {
    const t = entryText(raw);
    if (!t) continue;
    const m = /\/(\d+)$/.exec(t);
    if (!m) n++;
    else {
      const size = 2 ** ((t.includes(':') ? 128 : 32) - Number(m[1]));
      if (size <= maxPerCidr) n += size;
    }
  }
  return n;
}
