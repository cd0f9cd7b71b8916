/**
 * The rule catalogue, in report order. A catalogue test checks that every
 * file under rules/ is here and that ids match file names.
 */
import type { Rule } from '../src/core/rule.js';
import ipPublic from './ip-public.js';
import ptrPresent from './ptr-present.js';
import ptrSingle from './ptr-single.js';
import ptrHostname from './ptr-hostname.js';
import ptrNotGeneric from './ptr-not-generic.js';
import fcrdns from './fcrdns.js';
import ptrWebsite from './ptr-website.js';
import heloFqdn from './helo-fqdn.js';
import heloLiteralMatch from './helo-literal-match.js';
import heloResolves from './helo-resolves.js';
import heloMatchesIp from './helo-matches-ip.js';
import heloMatchesPtr from './helo-matches-ptr.js';
import heloNotGeneric from './helo-not-generic.js';
import heloNotImpersonating from './helo-not-impersonating.js';
import fromDomainResolves from './from-domain-resolves.js';
import fromAligned from './from-aligned.js';
import spfPass from './spf-pass.js';
import dkimPass from './dkim-pass.js';
import dmarcPolicy from './dmarc-policy.js';
import dmarcPass from './dmarc-pass.js';
import smtpStarttls from './smtp-starttls.js';
import messageIdPresent from './message-id-present.js';
import listUnsubscribe from './list-unsubscribe.js';
import dnsblClean from './dnsbl-clean.js';
import mailFromBounces from './mail-from-bounces.js';
import ptrPropagated from './ptr-propagated.js';
import forwardPropagated from './forward-propagated.js';
import reverseZoneDelegation from './reverse-zone-delegation.js';
import reverseZoneServers from './reverse-zone-servers.js';
import smtpBanner from './smtp-banner.js';

export const catalogue: readonly Rule[] = [
  ipPublic, ptrPresent, ptrSingle, ptrHostname, ptrNotGeneric, fcrdns, ptrWebsite,
  ptrPropagated, forwardPropagated, reverseZoneDelegation, reverseZoneServers, dnsblClean,
  heloFqdn, heloLiteralMatch, heloResolves, heloMatchesIp, heloMatchesPtr, heloNotGeneric, heloNotImpersonating,
  fromDomainResolves, mailFromBounces, fromAligned, spfPass, dkimPass, dmarcPolicy, dmarcPass,
  smtpStarttls, smtpBanner, messageIdPresent, listUnsubscribe,
];

export function ruleById(id: string): Rule | undefined {
  return catalogue.find((r) => r.meta.id === id);
}
