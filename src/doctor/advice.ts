/**
 * What to change, in the MTA's own terms: the setting to write (Postfix's
 * smtp_helo_name, inet_protocols, smtp_address_preference; Exim's
 * helo_data, disable_ipv6) or the DNS record to ask for, each with the
 * receivers that care and the reply they send. Judged from the audits'
 * results and receivers' predictions only; a rule that could not be judged
 * gives "could not tell", never a change to make.
 */
import type { Report } from '../core/types.js';
import { shown } from '../core/errors.js';
import type { DoctorAddress } from './result.js';
import type { MtaView } from './mta.js';

export interface Advice {
  /** The MTA setting the advice is about, when it is one. */
  setting?: string;
  /** The address it is about, when it is one. */
  ip?: string;
  text: string;
}

const status = (r: Report, rule: string) => r.results.find((x) => x.rule === rule)?.status;
const fam = (a: DoctorAddress) => (a.family === 'ipv4' ? 'IPv4' : 'IPv6');
const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');

function mtaName(mta: MtaView): string {
  return mta.kind === 'postfix' ? 'Postfix' : mta.kind === 'exim' ? 'Exim' : 'This host';
}

/** The HELO setting's name in this MTA. */
function heloSetting(mta: MtaView): string | undefined {
  return mta.kind === 'postfix' ? 'smtp_helo_name' : mta.kind === 'exim' ? 'helo_data' : undefined;
}

function set(mta: MtaView, value: string): string {
  const s = heloSetting(mta);
  if (s === 'helo_data') return `set \`helo_data = ${value}\` in the remote_smtp transport`;
  return s ? `set \`${s} = ${value}\`` : `make the MTA announce ${value} in HELO`;
}

/** "Gmail and Outlook.com reject …" with the first one's reply, shortened. */
function who(a: DoctorAddress, ids: readonly string[], verb: string): string {
  const rs = a.report.receivers.filter((r) => ids.includes(r.id));
  const names = rs.map((r) => r.name);
  const listed = names.length <= 3 ? names.join(names.length === 2 ? ' and ' : ', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  const reply = rs.find((r) => r.reply !== '')?.reply;
  return `${listed} ${verb}${reply ? ` (${shown(reply, 70)})` : ''}`;
}

/** The IPv6 way out when the PTR cannot be fixed at once. */
function ipv6Off(mta: MtaView): string {
  if (mta.kind === 'postfix') return 'or set `smtp_address_preference = ipv4` (IPv4 tried first) or `inet_protocols = ipv4` (no IPv6 mail at all)';
  if (mta.kind === 'exim') return 'or set `disable_ipv6 = true`';
  return 'or stop sending mail over IPv6';
}

function sendsOver(mta: MtaView, a: DoctorAddress): string {
  if (!mta.families[a.family]) return `${a.ip} (given with --ip)`;
  if (a.family === 'ipv4') return `${mtaName(mta)} sends from ${a.ip}`;
  const how = mta.kind === 'postfix' ? ` (\`inet_protocols = ${mta.settings.inet_protocols}\`)` : '';
  return `${mtaName(mta)} sends over ${fam(a)}${how} from ${a.ip}`;
}

function forAddress(mta: MtaView, a: DoctorAddress, out: Advice[], oneHelo: boolean): void {
  const r = a.report;
  const rm = r.remediation;
  const blockers = a.rejectedBy.length > 0 ? a.rejectedBy : a.atRiskBy;
  const verb = a.rejectedBy.length > 0 ? (a.family === 'ipv6' ? `reject ${fam(a)} mail without one` : 'reject mail from it') : 'defer or junk mail from it';
  const zone = rm.zone ? `, who holds the reverse zone ${rm.zone}${rm.nameservers.length > 0 ? ` (${rm.nameservers.slice(0, 2).join(', ')})` : ''}` : '';
  const where = `at your provider${zone}: ${rm.record}`;
  if (status(r, 'ptr-present') === 'fail') {
    const text = `${sendsOver(mta, a)}, which has no PTR${blockers.length > 0 ? `: ${who(a, blockers, verb)}` : ''}; add the PTR ${where}`;
    out.push({ ip: a.ip, ...(a.family === 'ipv6' && mta.kind === 'postfix' ? { setting: 'inet_protocols' } : {}), text: a.family === 'ipv6' ? `${text}, ${ipv6Off(mta)}` : text });
  } else if (status(r, 'fcrdns') === 'fail') {
    // The remediation's name is the PTR name when that one can be kept (only its A/AAAA is missing), else the name to switch to.
    const keep = r.ptr.some((p) => bare(p) === bare(rm.hostname));
    const fix = keep ? `add the forward record ${rm.forwardRecord}` : `change the PTR ${where}, and publish ${rm.forwardRecord}`;
    const names = r.ptr.length <= 3 ? r.ptr.join(', ') : `${r.ptr.slice(0, 3).join(', ')} and ${r.ptr.length - 3} more`;
    const text = `${a.ip}'s PTR ${r.ptr.length === 1 ? `name ${names} does` : `names ${names} do`} not resolve back to it${blockers.length > 0 ? `: ${who(a, blockers, 'refuse or defer such mail')}` : ''}; ${fix}`;
    out.push({ ip: a.ip, text: a.family === 'ipv6' ? `${text}, ${ipv6Off(mta)}` : text });
  } else if (status(r, 'ptr-not-generic') === 'fail' || status(r, 'ptr-hostname') === 'fail') {
    out.push({ ip: a.ip, text: `${a.ip}'s PTR name ${r.ptr[0] ?? ''} looks like a provider's default or dynamic name${blockers.length > 0 ? `: ${who(a, blockers, 'reject such mail')}` : ''}; ask your provider for a PTR with your mail host's name${a.helo ? `, e.g. ${a.helo}` : ''}` });
  }
  if (a.helo === undefined) return;
  const setting = heloSetting(mta);
  // The name to announce: the PTR name, once it is confirmed and a real host name (not a pool or default name).
  const good = status(r, 'fcrdns') === 'pass' && r.ptr.length > 0 && status(r, 'ptr-not-generic') !== 'fail' && status(r, 'ptr-hostname') !== 'fail';
  const ptrName = good ? r.ptr.find((p) => bare(p) === bare(a.helo!)) ?? r.ptr[0]! : undefined;
  const head = { ...(setting ? { setting } : {}), ip: a.ip };
  if (status(r, 'helo-fqdn') === 'fail') {
    const gmail = a.report.receivers.find((x) => x.id === 'gmail' && x.outcome === 'rejected' && x.rules.includes('helo-fqdn'));
    out.push({ ...head, text: `the HELO name ${shown(a.helo)} is not a fully qualified domain name${gmail ? `: Gmail rejects it (${shown(gmail.reply, 100)})` : ''}; ${ptrName ? set(mta, ptrName) : `${set(mta, 'a fully qualified name')} (the PTR name, once the PTR is right)`}` });
  } else if (status(r, 'helo-resolves') === 'fail') {
    const publish = `publish ${bare(a.helo)}. IN ${a.family === 'ipv4' ? 'A' : 'AAAA'} ${a.ip}`;
    out.push({ ...head, text: `the HELO name ${shown(a.helo)} does not resolve (no A/AAAA record): receivers that check it (Postfix's reject_unknown_helo_hostname, rspamd, SpamAssassin) refuse or score it; ${ptrName ? `${set(mta, ptrName)}, or ${publish}` : publish}` });
  } else if (oneHelo && ptrName !== undefined && bare(a.helo) !== bare(ptrName)) {
    out.push({ ...head, text: `${mtaName(mta)} announces HELO ${shown(a.helo)} from ${a.ip}, whose PTR name is ${ptrName}: GMX and WEB.DE want the HELO to be the PTR name; ${set(mta, ptrName)}` });
  }
}

/** A rejection none of the advice above explains: name who rejects and the rules behind it, so it is never silent. */
function unexplained(a: DoctorAddress, out: Advice[]): void {
  if (a.verdict !== 'rejected' || out.some((x) => x.ip === a.ip)) return;
  const rules = [...new Set(a.report.receivers.filter((r) => a.rejectedBy.includes(r.id)).flatMap((r) => r.rules))];
  out.push({ ip: a.ip, text: `${a.ip}: ${who(a, a.rejectedBy, 'reject mail from it')}, for ${rules.join(', ') || 'their own reasons'}; the report's results (--json) say what to fix` });
}

export function advise(mta: MtaView, addresses: readonly DoctorAddress[]): Advice[] {
  const out: Advice[] = [];
  // One HELO for every address: when their PTR names differ, no HELO equals them all (said once, below).
  const confirmed = [...new Set(addresses.filter((a) => status(a.report, 'fcrdns') === 'pass' && a.report.ptr.length > 0).map((a) => bare(a.report.ptr[0]!)))];
  for (const a of addresses) {
    if (a.verdict === 'unknown') {
      const lookups = [...new Set(a.report.dns.filter((d) => ['servfail', 'refused', 'timeout'].includes(d.outcome)).map((d) => `${d.type} ${d.name} ${d.rcode}`))].slice(0, 3);
      out.push({ ip: a.ip, text: `could not tell for ${a.ip}: ${a.cannotTell.length > 0 ? `${a.report.receivers.filter((r) => a.cannotTell.includes(r.id)).map((r) => r.name).slice(0, 3).join(', ')} could reject it, ` : ''}but DNS lookups failed temporarily${lookups.length > 0 ? ` (${lookups.join('; ')})` : ''}; run ptrcheck doctor again later` });
      continue;
    }
    forAddress(mta, a, out, confirmed.length <= 1);
    unexplained(a, out);
  }
  if (confirmed.length > 1 && heloSetting(mta)) {
    out.push({ setting: heloSetting(mta)!, text: `the addresses have different PTR names (${confirmed.join(', ')}) but ${mtaName(mta)} announces one HELO${addresses[0]?.helo ? ` (${shown(addresses[0].helo)})` : ''}, and GMX and WEB.DE want the HELO to be the PTR name: give every sending address a PTR with the same name (that name with an A and an AAAA record for them), and ${set(mta, 'that name')}` });
  }
  if (mta.hostnameFromMachine !== undefined) {
    const suggestion = confirmed[0] ?? 'mail.example.com';
    out.push(mta.kind === 'postfix'
      ? { setting: 'myhostname', text: `myhostname is not set in main.cf: Postfix uses this machine's name (${shown(mta.hostnameFromMachine)}) and announces it in HELO; set \`myhostname = ${suggestion}\` (the name the PTR gives)` }
      : { setting: 'primary_hostname', text: `primary_hostname is not set: Exim uses this machine's name (${shown(mta.hostnameFromMachine)}) and announces it in HELO; set \`primary_hostname = ${suggestion}\`` });
  }
  const seen = new Set<string>();
  return out.filter((a) => (seen.has(a.text) ? false : (seen.add(a.text), true)));
}
