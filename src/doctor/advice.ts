/**
 * What to change, in the MTA's own terms: the setting to write (Postfix's
 * smtp_helo_name, inet_protocols, smtp_address_preference; Exim's
 * helo_data, disable_ipv6) or the DNS record to ask for, each with the
 * receivers that care and the reply they send. Judged from the audits'
 * results and receivers' predictions only; a rule that could not be judged
 * gives "could not tell", never a change to make.
 */
import { shown } from '../core/errors.js';
import type { DoctorAddress } from './result.js';
import type { MtaView } from './mta.js';
import { heloAdvice } from './helo-advice.js';
import { bare, fam, heloSetting, mtaName, set, status, who, type Advice } from './terms.js';

export type { Advice } from './terms.js';


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
  const helo = heloAdvice(mta, a, oneHelo);
  if (helo) out.push(helo);
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
