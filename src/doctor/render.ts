/** `ptrcheck doctor`'s text: the settings read, each address with its HELO and PTR and what the receivers do, then what to change. */
import { shown } from '../core/errors.js';
import type { DoctorAddress, DoctorResult } from './result.js';
import type { MtaView } from './mta.js';

function header(mta: MtaView): string {
  if (mta.kind === 'none') return 'ptrcheck doctor: no mail server configuration found';
  const from = mta.source === 'postconf' ? `postconf -c ${mta.config}` : mta.source === 'main.cf' ? `${mta.config}/main.cf` : mta.config;
  return `ptrcheck doctor: ${mta.kind === 'postfix' ? 'Postfix' : 'Exim'}, settings from ${from}`;
}

function settingLines(mta: MtaView): string[] {
  const width = Math.max(0, ...Object.keys(mta.settings).map((k) => k.length)) + 2;
  return Object.entries(mta.settings).map(([k, v]) => `  ${k.padEnd(width)}${v === '' ? '(not set)' : shown(v, 120)}${mta.defaulted.includes(k) && v !== '' ? '  (default)' : ''}`);
}

function outcome(a: DoctorAddress): string {
  const names = (ids: string[]) => {
    const list = a.report.receivers.filter((r) => ids.includes(r.id)).map((r) => r.name);
    return list.length <= 4 ? list.join(', ') : `${list.slice(0, 3).join(', ')} and ${list.length - 3} more mailbox providers`;
  };
  if (a.verdict === 'rejected') return `REJECTED by ${names(a.rejectedBy)}`;
  if (a.verdict === 'unknown') return `could not tell (DNS lookups failed temporarily): ${names(a.cannotTell)} undecided`;
  if (a.verdict === 'at-risk') return `accepted, but deferred or junked by ${names(a.atRiskBy)}`;
  return 'ok: no mailbox provider rejects it';
}

function addressLines(a: DoctorAddress): string[] {
  const ptr = a.report.ptr.length > 0 ? a.report.ptr.join(', ') : a.report.results.find((r) => r.rule === 'ptr-present')?.status === 'error' ? '(lookup failed)' : 'none';
  const fcrdns = a.report.results.find((r) => r.rule === 'fcrdns')?.status ?? 'skip';
  const via = a.source === 'given' ? '--ip' : a.source === 'bind' ? (a.family === 'ipv4' ? 'smtp_bind_address' : 'smtp_bind_address6') : 'interface';
  return [
    `  ${a.ip} (${a.family === 'ipv4' ? 'IPv4' : 'IPv6'}, ${via})`,
    `    HELO ${a.helo === undefined ? '(unknown)' : shown(a.helo)}   PTR ${ptr}   FCrDNS ${fcrdns}`,
    `    ${outcome(a)}`,
  ];
}

export function renderDoctor(r: DoctorResult): string {
  const mta = r.mta;
  const both = mta.families.ipv4 && mta.families.ipv6;
  const order = !both ? '' : mta.prefer === 'any' ? '; either family may be tried first' : `; ${mta.prefer === 'ipv4' ? 'IPv4' : 'IPv6'} tried first`;
  const families = both ? 'IPv4 and IPv6' : mta.families.ipv4 ? 'IPv4 only' : 'IPv6 only';
  const lines = [
    header(mta),
    ...settingLines(mta),
    ...mta.notes.map((n) => `  note: ${n}`),
    '',
    `Sends from (${families}${order}):`,
    ...r.addresses.flatMap(addressLines),
    ...r.notes.map((n) => `  note: ${n}`),
    '',
  ];
  if (r.advice.length > 0) lines.push('What to change:', ...r.advice.map((a) => `  - ${a.text}`), '');
  const rejected = r.addresses.filter((a) => a.verdict === 'rejected').length;
  const unknown = r.addresses.filter((a) => a.verdict === 'unknown').length;
  lines.push(
    rejected > 0
      ? `${rejected} of ${r.addresses.length} address${r.addresses.length === 1 ? '' : 'es'} would be rejected (exit 1)`
      : unknown > 0
        ? `no address would be rejected for sure; ${unknown} could not be told (exit 0)`
        : `no mailbox provider would reject mail from ${r.addresses.length === 1 ? 'this address' : 'these addresses'} (exit 0)`,
    '',
  );
  return lines.join('\n');
}
