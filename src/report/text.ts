/**
 * The terminal rendering: the verdict at a glance, then each check, what to
 * fix first, the remediation, and the DNS lookups. Pure: colour is a flag
 * the CLI sets from the TTY and NO_COLOR.
 */
import { isNullPath } from '../core/claims.js';
import type { Report, ReportResult, ReportZoneServers, Status, ZoneServerRow } from '../core/types.js';
import { rowAnswer, ZONE_CHECK_WHY } from './zone-words.js';
import { DISPLAY_ORDER } from '../core/status.js';
import { requirementDetailLines, requirementSummaryLines } from './requirements-text.js';

export interface TextOptions {
  color: boolean;
}

const SGR = { reset: 0, bold: 1, dim: 2, red: 31, green: 32, yellow: 33, blue: 34, magenta: 35, cyan: 36 } as const;
type Style = keyof typeof SGR;

const MARK: Record<Status, { sym: string; style: Style }> = {
  pass: { sym: '✔', style: 'green' },
  warn: { sym: '▲', style: 'yellow' },
  fail: { sym: '✖', style: 'red' },
  error: { sym: '?', style: 'magenta' },
  info: { sym: 'i', style: 'blue' },
  skip: { sym: '–', style: 'dim' },
};

/**
 * PTR names, HELO, headers and DNS answers are attacker-controlled: a control
 * character in them must not reach the terminal (escape sequences, fake lines).
 */
export function sanitize<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`) as T;
  }
  if (Array.isArray(value)) return value.map(sanitize) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'authenticationResults' ? v : sanitize(v)])) as T;
  }
  return value;
}

export function renderText(raw: Report, options: TextOptions): string {
  const report = sanitize(raw);
  const paint = (style: Style, s: string): string => (options.color ? `\x1b[${SGR[style]}m${s}\x1b[0m` : s);
  const verdictStyle: Style = report.verdict === 'pass' ? 'green' : report.verdict === 'warn' ? 'yellow' : 'red';
  const out: string[] = [];
  const ptr = report.ptr.length > 0 ? report.ptr.join(', ') : '(no PTR)';
  out.push(`${paint('bold', 'ptrcheck')}  ${report.target.ip}  →  ${ptr}`);
  const partial = report.partial ? paint('magenta', '  (incomplete: some lookups failed temporarily; run again)') : '';
  out.push(`${paint(verdictStyle, paint('bold', ` ${report.verdict.toUpperCase()} `))}  score ${report.score}/100  iprev=${report.iprev}${partial}`);
  out.push('');

  const msg = report.message;
  if (msg) {
    const hop = msg.hop ? `Received: hop ${msg.hop.index + 1} of ${msg.receivedCount}${msg.hop.by ? ` (by ${msg.hop.by})` : ''}` : `the ${msg.ipSource}`;
    out.push(...field('Message', `${msg.subject ? `"${msg.subject}" ` : ''}${msg.messageId ?? '(no Message-ID)'}, ${msg.size} bytes, ${msg.headerCount} header fields`));
    const bounce = isNullPath(report.target.mailFrom) ? ' (null reverse-path: a bounce or notification; SPF checks the HELO)' : '';
    out.push(...field('Connecting IP', `${report.target.ip} from ${hop}; HELO ${report.target.helo ?? '(none)'}; MAIL FROM ${report.target.mailFrom ?? '(none)'}${bounce}`));
    if (msg.hop?.reason) out.push(...field('Why that hop', msg.hop.reason));
    out.push('');
  }
  if (report.requirements?.length) out.push(...requirementSummaryLines(report.requirements, paint), '');
  const ran = report.results.filter((r) => r.status !== 'skip');
  for (const r of ran) out.push(...resultLines(r, paint));
  const skipped = new Map<string, string[]>();
  for (const r of report.results.filter((x) => x.status === 'skip')) skipped.set(r.message, [...(skipped.get(r.message) ?? []), r.rule]);
  for (const [why, rules] of skipped) out.push(...wrap(`${rules.join(', ')}: ${why}`, paint('dim', `  ${MARK.skip.sym} skip  `), ' '.repeat(10)).map((l) => paint('dim', l)));

  const fixes = report.results
    .filter((r) => r.remedy)
    .sort((a, b) => DISPLAY_ORDER[a.status] - DISPLAY_ORDER[b.status]);
  if (fixes.length > 0) {
    out.push('', paint('bold', 'What to fix first'));
    fixes.forEach((r, i) => out.push(...wrap(`${i + 1}. ${r.remedy}`, '  ', '     ')));
  }

  const m = report.remediation;
  out.push('', paint('bold', m.needed ? 'Remediation' : 'Reverse DNS (nothing to fix)'));
  out.push(...field('Reverse name', m.reverseName + (m.delegatedTo ? `  → CNAME ${m.delegatedTo} (RFC 2317)` : '')));
  if (m.zone) out.push(...field('Zone', m.zone + (m.nameservers.length ? `  (NS ${m.nameservers.join(', ')})` : '')));
  out.push(...field('Controlled by', m.controlledBy));
  if (m.needed) {
    const stand = m.hostnameIsPlaceholder ? paint('yellow', '   (replace mail.example.com with your mail server\'s name)') : '';
    out.push(...field('PTR record', paint('cyan', m.record) + stand));
    out.push(...field('Matching record', `${paint('cyan', m.forwardRecord)}   (in the forward zone, at the domain's DNS host)`));
    if (m.providerSteps) out.push(...field('How', m.providerSteps));
  }
  out.push(...field('Verify', m.verify[0] ?? ''));
  for (const cmd of m.verify.slice(1)) out.push(`${' '.repeat(19)}${cmd}`);
  if (m.needed) out.push(...field('Propagation', m.propagation));
  if (report.zoneServers) out.push('', ...zoneServerLines(report.zoneServers, paint));
  if (report.receivers?.length) out.push('', ...receiverLines(report, paint));
  const open = report.requirements ? requirementDetailLines(report.requirements, paint, wrap) : [];
  if (open.length) out.push('', ...open);

  out.push('', paint('bold', 'Authentication-Results'), ...report.authenticationResults.split('\r\n').map((l, i) => `${i === 0 ? '  ' : '      '}${l.trim()}`));

  const total = report.dns.reduce((s, d) => s + d.ms, 0);
  out.push('', paint('bold', `DNS lookups (${report.dns.length}, ${report.elapsedMs} ms elapsed, ${Math.round(total * 10) / 10} ms summed)`));
  for (const d of report.dns) {
    const answers = d.answers.length > 0 ? d.answers.join(', ') : d.detail ?? '';
    const rc = d.outcome === 'ok' ? d.rcode : paint(d.outcome === 'nxdomain' || d.outcome === 'nodata' ? 'yellow' : 'magenta', d.rcode);
    out.push(paint('dim', `  ${d.type.padEnd(5)}`) + `${d.name}  ${rc}  ${answers}` + paint('dim', `  ttl ${d.ttl}  ${d.ms} ms ${d.transport}`));
  }
  return out.join('\n') + '\n';
}

function zoneServerLines(z: ReportZoneServers, paint: (s: Style, t: string) => string): string[] {
  const out = [paint('bold', `The reverse zone's own servers (asked directly ${ZONE_CHECK_WHY[z.why] ?? ''})`)];
  const line = (who: string, row: ZoneServerRow, extra: string) => `  ${who.padEnd(44)} ${rowAnswer(row).padEnd(28)} ${paint('dim', extra)}`;
  out.push(line(`your resolver ${z.resolver.server}`, z.resolver, z.resolver.ttl ? `cached ${z.resolver.ttl} s more` : ''));
  for (const r of z.servers) out.push(line(`${r.server}${r.address ? ` ${r.address}` : ''}`, r, r.serial !== undefined ? `serial ${r.serial}` : ''));
  if (z.delegatedFurther) {
    out.push(`  delegated further to ${z.delegatedFurther.zone}:`);
    for (const r of z.delegatedFurther.servers) out.push(line(`${r.server}${r.address ? ` ${r.address}` : ''}`, r, ''));
  }
  for (const f of z.forward) {
    out.push(`  ${f.name} at ${f.zone ?? 'its zone'}:`);
    if (f.resolver) out.push(line(`your resolver ${f.resolver.server}`, f.resolver, f.resolver.ttl ? `cached ${f.resolver.ttl} s more` : ''));
    for (const r of f.servers) out.push(line(`${r.server}${r.address ? ` ${r.address}` : ''}`, r, ''));
  }
  if (z.path.length > 0) out.push(...field('Delegation', z.path.map((s) => `${s.zone} (${s.nameservers.join(', ') || 'no NS seen'})`).join(' → ')));
  return out;
}

const OUTCOME_STYLE: Record<string, Style> = { accept: 'green', 'spam-risk': 'yellow', deferred: 'yellow', rejected: 'red', unknown: 'magenta' };

function receiverLines(report: Report, paint: (s: Style, t: string) => string): string[] {
  const out = [paint('bold', 'How receivers will treat this')];
  for (const r of report.receivers) {
    const unknown = r.possible?.length
      ? paint('magenta', ` (cannot tell: ${r.possible.join(' or ')}; ${r.unknown?.join(', ')} could not be checked, try again)`)
      : r.unknown?.length ? paint('magenta', ` (could change: ${r.unknown.join(', ')} not judged)`) : '';
    out.push(`  ${paint(OUTCOME_STYLE[r.outcome] ?? 'dim', r.outcome.padEnd(9))} ${r.name}${r.rules.length ? paint('dim', `  [${r.rules.join(', ')}]`) : ''}${unknown}`);
    if (r.outcome !== 'accept' && r.outcome !== 'unknown' && r.reply) out.push(...wrap(r.reply, ' '.repeat(12), ' '.repeat(12)).map((l) => paint('dim', l)));
  }
  return out;
}

function resultLines(r: ReportResult, paint: (s: Style, t: string) => string): string[] {
  const mark = MARK[r.status];
  const head = `  ${paint(mark.style, `${mark.sym} ${r.status.padEnd(5)}`)} ${r.rule.padEnd(23)} ${r.title}`;
  return [head, ...wrap(r.message, ' '.repeat(38), ' '.repeat(38)).map((l) => paint('dim', l))];
}

function field(label: string, value: string): string[] {
  return wrap(value, `  ${label.padEnd(17)}`, ' '.repeat(19));
}

/** Wraps at 100 columns; a long token (a record, a command) stays whole. */
function wrap(text: string, first: string, rest: string, width = 100): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && visible(line) + 1 + visible(word) > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function visible(s: string): number {
  return s.replace(/\x1b\[\d+m/g, '').length;
}
