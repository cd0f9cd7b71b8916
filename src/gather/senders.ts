/**
 * Sender domains (header From, MAIL FROM): can they receive mail? MX, and
 * A/AAAA for the implicit MX (RFC 5321 §5.1), asked together.
 */
import type { Resolver } from '../dns/types.js';
import type { DomainEvidence } from '../core/types.js';
import { parseAddressField, parseMailbox, type ParsedAddress } from '../core/address.js';
import { organizationalDomain } from '../core/names.js';

export async function gatherSender(role: DomainEvidence['role'], raw: string, resolver: Resolver): Promise<DomainEvidence> {
  const parsed = senderAddress(role, raw);
  const base: DomainEvidence = { role, address: parsed.address, nullMx: false };
  if (parsed.problem || !parsed.domain) return { ...base, problem: parsed.problem ?? 'no domain' };
  const domain = parsed.domain;
  const [mx, a, aaaa] = await Promise.all([resolver.query(domain, 'MX'), resolver.query(domain, 'A'), resolver.query(domain, 'AAAA')]);
  const out: DomainEvidence = { ...base, domain, mx, a, aaaa, nullMx: mx.records.length === 1 && /^0\s*\.?$/.test(mx.records[0]!.data.trim()) };
  const org = organizationalDomain(domain);
  if (org) out.orgDomain = org;
  return out;
}

/** The address a sender domain check judges: MAIL FROM as is; of a From field, the first mailbox. */
export function senderAddress(role: DomainEvidence['role'], raw: string): ParsedAddress {
  return role === 'from' ? firstOf(parseAddressField(raw)) : parseMailbox(raw);
}

/** A From field with several mailboxes: judge the first, note the rest. */
function firstOf(list: ReturnType<typeof parseAddressField>): ReturnType<typeof parseAddressField>[number] {
  const first = list[0]!;
  if (list.length > 1 && !first.problem) {
    const domains = new Set(list.map((a) => a.domain));
    if (domains.size > 1) return { ...first, problem: `${list.length} From addresses in different domains: DMARC cannot judge such a message` };
  }
  return first;
}
