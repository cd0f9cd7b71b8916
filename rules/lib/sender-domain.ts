/**
 * Whether a sender domain can receive mail, judged once for the two rules
 * that ask (from-domain-resolves: both domains; mail-from-bounces: the
 * envelope sender alone, where bounces go). Both rules carry these words.
 */
import type { DomainEvidence, RuleOutcome } from '../../src/core/types.js';
import { isTemporary } from '../../src/core/temporary.js';

export const SENDER_DOMAIN_MESSAGES = {
  mx: '{domain} ({role}) has mail servers: {hosts}.',
  'implicit-mx': '{domain} ({role}) has no MX but an address record, which serves as its mail server (RFC 5321 §5.1).',
  'null-mx': '{domain} ({role}) publishes a null MX (RFC 7505): it says it accepts no mail, so replies and bounces cannot be delivered.',
  nxdomain: '{domain} ({role}) does not exist (NXDOMAIN).',
  'no-mail-host': '{domain} ({role}) exists but has neither MX nor A/AAAA records: it cannot receive mail.',
  unusable: '{role} address {address} is unusable: {problem}.',
  temporary: 'Looking up {domain} ({role}) failed temporarily ({rcode}).',
};

export const SENDER_DOMAIN_REMEDIES = {
  'null-mx': 'Send from a domain that receives mail, or remove the null MX and publish real MX records.',
  nxdomain: 'Send from a domain that exists, with MX records.',
  'no-mail-host': 'Publish MX records for the domain (or at least an A record of a host that accepts mail for it).',
  unusable: 'Give a well-formed address: local-part@domain, with a domain that exists.',
};

export function judgeSenderDomain(s: DomainEvidence): RuleOutcome {
  const role = s.role === 'from' ? 'header From' : 'MAIL FROM';
  if (s.problem || !s.domain || !s.mx) return { status: 'fail', messageId: 'unusable', data: { role, address: s.address || '(empty)', problem: s.problem ?? 'no domain' } };
  const data = { role, domain: s.domain };
  const mx = s.mx;
  if (s.nullMx) {
    // A null-MX envelope sender cannot receive bounces; Postfix rejects it. A null-MX From only loses replies.
    return { status: s.role === 'mail-from' ? 'fail' : 'warn', messageId: 'null-mx', data };
  }
  if (mx.outcome === 'ok') return { status: 'pass', messageId: 'mx', data: { ...data, hosts: mx.records.map((r) => r.data.split(' ')[1] ?? r.data) } };
  // Without the MX answer, "no MX" is unknown: a null MX would mean no mail at all, whatever the A record says.
  if (isTemporary(mx.outcome)) return { status: 'error', messageId: 'temporary', data: { ...data, rcode: mx.rcode } };
  const hasAddress = [s.a, s.aaaa].some((a) => a?.outcome === 'ok');
  if (hasAddress) return { status: 'pass', messageId: 'implicit-mx', data };
  const temp = [mx, s.a, s.aaaa].find((a) => a && isTemporary(a.outcome));
  if (temp) return { status: 'error', messageId: 'temporary', data: { ...data, rcode: temp.rcode } };
  if (mx.outcome === 'nxdomain') return { status: 'fail', messageId: 'nxdomain', data };
  return { status: 'fail', messageId: 'no-mail-host', data };
}
