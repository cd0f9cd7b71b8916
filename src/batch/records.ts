/**
 * Batch records: a compact one per IP (NDJSON or CSV) and a summary.
 */
import type { Report, Status } from '../core/types.js';
import type { DmarcRow } from './dmarc-report.js';

export interface CompactResult {
  ip: string;
  line: number;
  ptr: string[];
  fcrdns: Status;
  iprev: Report['iprev'];
  /** ptr-not-generic's finding: clean, mail-host, static, cloud-default, ip-in-name, dynamic-word, dynamic-pool. */
  generic: string;
  score: number;
  verdict: Report['verdict'];
  /** Rules that did not pass, as rule:status. */
  failing: string[];
  dmarc?: Omit<DmarcRow, 'ip'>;
}

/** What a batch line is made from: a full report, or the batch audit's compact one (batch/audit.ts). */
export interface BatchReport {
  target: { ip: string };
  ptr: string[];
  iprev: Report['iprev'];
  score: number;
  verdict: Report['verdict'];
  results: { rule: string; status: Status; messageId: string; evidence: Record<string, unknown> }[];
}

export function compact(report: BatchReport, line: number, dmarc?: DmarcRow): CompactResult {
  const by = (rule: string) => report.results.find((r) => r.rule === rule);
  const generic = by('ptr-not-generic');
  const out: CompactResult = {
    ip: report.target.ip,
    line,
    ptr: report.ptr,
    fcrdns: by('fcrdns')?.status ?? 'skip',
    iprev: report.iprev,
    generic: generic?.status === 'skip' ? 'no-ptr' : String(generic?.evidence.kind ?? generic?.messageId ?? ''),
    score: report.score,
    verdict: report.verdict,
    failing: report.results.filter((r) => r.status === 'fail' || r.status === 'warn' || r.status === 'error').map((r) => `${r.rule}:${r.status}`),
  };
  if (dmarc) {
    const { ip: _ip, ...rest } = dmarc;
    out.dmarc = rest;
  }
  return out;
}

export const CSV_HEADER = 'ip,ptr,fcrdns,iprev,generic,score,verdict,failing_rules';

export function csvRow(r: CompactResult, withDmarc: boolean): string {
  const cells = [r.ip, r.ptr.join(' '), r.fcrdns, r.iprev, r.generic, String(r.score), r.verdict, r.failing.join(' ')];
  if (withDmarc) cells.push(String(r.dmarc?.count ?? ''), r.dmarc?.disposition ?? '', r.dmarc?.dkim ?? '', r.dmarc?.spf ?? '', r.dmarc?.headerFrom ?? '');
  return cells.map(csvCell).join(',');
}

export const CSV_DMARC_COLUMNS = ',dmarc_count,dmarc_disposition,dmarc_dkim,dmarc_spf,header_from';

/** RFC 4180 quoting, and a leading ' on anything a spreadsheet would run as a formula (PTR names come from strangers). */
function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export class Summary {
  total = 0;
  invalid = 0;
  readonly verdicts: Record<string, number> = { pass: 0, warn: 0, fail: 0 };
  readonly failingRules: Record<string, number> = {};

  add(r: CompactResult): void {
    this.total++;
    this.verdicts[r.verdict] = (this.verdicts[r.verdict] ?? 0) + 1;
    for (const f of r.failing) this.failingRules[f] = (this.failingRules[f] ?? 0) + 1;
  }

  text(elapsedMs: number): string {
    const rate = this.total / Math.max(elapsedMs / 1000, 0.001);
    const rules = Object.entries(this.failingRules).sort((a, b) => b[1] - a[1]).map(([k, v]) => `  ${k.padEnd(28)} ${v}`);
    return [
      `ptrcheck batch: ${this.total} addresses in ${(elapsedMs / 1000).toFixed(1)} s (${rate.toFixed(0)}/s); pass ${this.verdicts.pass}, warn ${this.verdicts.warn}, fail ${this.verdicts.fail}; ${this.invalid} bad input line(s)`,
      ...(rules.length > 0 ? ['not passing, by rule:', ...rules] : []),
    ].join('\n') + '\n';
  }
}
