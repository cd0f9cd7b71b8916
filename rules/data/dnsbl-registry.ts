/**
 * Known DNS lists (RFC 5782): what each answer code means, where to ask for
 * removal, which receivers in rules/receivers are documented to use the list,
 * and which lists are dead (never asked, their answers never a listing).
 * Checked 2026-12-07 with these sources (read as search excerpts, so every
 * meaning here is a summary, not a quote):
 * - Spamhaus: docs.spamhaus.com "Available Zones" (zone codes), spamhaus.org
 *   news 788 (2019: the 127.255.255.0/24 error range, .254 public resolver,
 *   .255 excessive queries), spamhaus.com "help for legacy blocklist users",
 *   spamhaus.org/zen ("zen replaces sbl-xbl"), the IPv6 strategy statement
 *   S012 and the DQS query docs (IPv6 in nibble form, RFC 5782).
 *   127.255.255.252 ("typing error in the DNSBL name") is quoted by
 *   mail-in-a-box PR #2332 from Spamhaus's FAQ; not read on Spamhaus's page.
 * - rspamd conf/modules.d/rbl.conf (a stored version): zen.spamhaus.org and
 *   list.dnswl.org with ipv6 = true, bl.mailspike.net codes, dnsbl-1.uceprotect.net.
 * - SpamAssassin rules/20_dnsbl_tests.cf: zen.spamhaus.org, bl.spamcop.net.
 * - Cox's AUP#IPBL codes and GoDaddy's IB104-IB106 (rules/receivers/cox.ts,
 *   godaddy.ts); Barracuda's gateway (rules/receivers/barracuda.ts).
 * - dnswl.org (trust levels; ?p=152 and a 2021 SpamAssassin-users post by its
 *   operator: 127.0.0.255 for queries over the limit), mailspike.org/usage.html,
 *   psbl.surriel.com/howto, whatismyipaddress.com/blacklist/s5h (IPv6),
 *   UCEPROTECT level 2/3 policy as summarised by whatismyipaddress.com and suped.com.
 * - Dead lists: The Register via powermta.ninja and heise.de (SORBS, 2024-06-05),
 *   Wikipedia "Not Just Another Bogus List" (NJABL, 2013-03-01),
 *   wordtothewise.com 2015-01 (AHBL answers every query as listed), vamsoft.com
 *   (DSBL: servers offline 2009-03-09).
 * Delisting pages: check.spamhaus.org, barracudacentral.org/rbl/removal-request
 * and uceprotect.net/en/rblcheck.php are the lists' usual removal pages but
 * were not read here; the others appear in the sources above.
 * ipv6: true only where a source says the list answers nibble-form queries;
 * false means "not confirmed", and ptrcheck then does not ask it for IPv6.
 */

export type DnsListKind = 'block' | 'allow';
/** scoring: a listing counts against the sender; informational: shown, never deducted. */
export type DnsListRole = 'scoring' | 'informational';

export interface DnsList {
  zone: string;
  /** Also every zone under it (a dead operator's subzones). */
  subzones?: true;
  name: string;
  kind: DnsListKind;
  role: DnsListRole;
  /** What the list holds: an IP list is asked with the address, a domain list never is. */
  keys: 'ip' | 'domain';
  ipv6: boolean;
  /** Listing codes (A records) and their meanings. */
  codes: Readonly<Record<string, string>>;
  /** Codes that mean the query itself failed: never a listing. */
  errors: Readonly<Record<string, string>>;
  /** 127.0.x.y answers read octet by octet (DNSWL): third octet the category, fourth the trust. */
  octets?: { third: Readonly<Record<string, string>>; fourth: Readonly<Record<string, string>> };
  delist?: string;
  homepage: string;
  /** Receivers (rules/receivers ids) documented to ask this list, each with where that is said; `label` names the part that asks when the receiver's own name is about another. */
  usedBy?: readonly { receiver: string; source: string; label?: string }[];
  status: 'live' | 'dead';
  deadSince?: string;
  reason?: string;
  sources: readonly string[];
}

const SPAMHAUS_ERRORS = {
  '127.255.255.252': 'typing error in the DNSBL name',
  '127.255.255.254': 'query through a public/open resolver (not allowed)',
  '127.255.255.255': 'excessive number of queries',
};
const SPAMHAUS_SOURCES = ['https://docs.spamhaus.com/datasets/docs/source/10-data-type-documentation/datasets/040-zones.html', 'https://www.spamhaus.org/news/article/788/'];
const RSPAMD = 'https://github.com/rspamd/rspamd/blob/master/conf/modules.d/rbl.conf';
const SPAMASSASSIN = 'https://github.com/apache/spamassassin/blob/trunk/rules/20_dnsbl_tests.cf';
const UCEPROTECT = 'https://www.uceprotect.net/en/rblcheck.php';

export const DNS_LISTS: readonly DnsList[] = [
  {
    zone: 'zen.spamhaus.org', name: 'Spamhaus ZEN', kind: 'block', role: 'scoring', keys: 'ip', ipv6: true,
    codes: {
      '127.0.0.2': 'SBL: Spamhaus Block List (spam sources and operations)',
      '127.0.0.3': 'CSS: automated snowshoe-spam listing (part of the SBL)',
      '127.0.0.4': 'XBL: exploited host (CBL data: botnets, proxies, malware)',
      '127.0.0.5': 'XBL (code currently unused)',
      '127.0.0.6': 'XBL (code currently unused)',
      '127.0.0.7': 'XBL (code currently unused)',
      '127.0.0.9': 'DROP: hijacked or spammer-run network (always with an SBL listing)',
      '127.0.0.10': 'PBL, ISP-maintained: the network\'s owner says this address should not send mail directly',
      '127.0.0.11': 'PBL, Spamhaus-maintained: an end-user range that should not send mail directly',
      '127.0.0.30': 'BCL: botnet controller',
    },
    errors: SPAMHAUS_ERRORS,
    delist: 'https://check.spamhaus.org/',
    homepage: 'https://www.spamhaus.org/zen/',
    usedBy: [
      { receiver: 'cox', source: 'https://www.cox.com/residential/support/email-error-codes.html' },
      { receiver: 'godaddy', source: 'https://www.godaddy.com/help/fix-rejected-email-with-a-bounce-error-40685' },
      { receiver: 'spamassassin', source: SPAMASSASSIN, label: 'SpamAssassin (default rules)' },
      { receiver: 'rspamd', source: RSPAMD, label: 'rspamd (RBL module, default configuration)' },
    ],
    status: 'live',
    sources: [...SPAMHAUS_SOURCES, 'https://www.spamhaus.org/organization/statement/012/spamhaus-ipv6-blocklists-strategy-statement'],
  },
  {
    // Not retired: Spamhaus's zone table still lists it; ZEN is its superset.
    zone: 'sbl-xbl.spamhaus.org', name: 'Spamhaus SBL+XBL (ZEN without the PBL)', kind: 'block', role: 'scoring', keys: 'ip', ipv6: true,
    codes: {
      '127.0.0.2': 'SBL: Spamhaus Block List (spam sources and operations)',
      '127.0.0.3': 'CSS: automated snowshoe-spam listing (part of the SBL)',
      '127.0.0.4': 'XBL: exploited host (CBL data: botnets, proxies, malware)',
      '127.0.0.9': 'DROP: hijacked or spammer-run network (always with an SBL listing)',
      '127.0.0.30': 'BCL: botnet controller',
    },
    errors: SPAMHAUS_ERRORS,
    delist: 'https://check.spamhaus.org/',
    homepage: 'https://www.spamhaus.org/zen/',
    status: 'live',
    sources: [...SPAMHAUS_SOURCES, 'https://www.spamhaus.org/zen/'],
  },
  {
    zone: 'dbl.spamhaus.org', name: 'Spamhaus DBL (domains)', kind: 'block', role: 'scoring', keys: 'domain', ipv6: false,
    codes: {}, errors: { ...SPAMHAUS_ERRORS, '127.0.1.255': 'an IP query against a domain list' },
    homepage: 'https://www.spamhaus.org/faqs/dnsbl-usage/',
    status: 'live', sources: SPAMHAUS_SOURCES,
  },
  {
    zone: 'b.barracudacentral.org', name: 'Barracuda Reputation Block List (BRBL)', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: { '127.0.0.2': 'listed on Barracuda Reputation (spam sent to its traps or seen by its gateways)' },
    errors: {},
    delist: 'https://www.barracudacentral.org/rbl/removal-request',
    homepage: 'https://www.barracudacentral.org/',
    usedBy: [{ receiver: 'barracuda', source: 'https://campus.barracuda.com/product/emailsecuritygateway/knowledgebase/50160000000HCoVAAW/' }],
    status: 'live',
    sources: ['https://whatismyipaddress.com/blacklist/barracudacentral', 'https://www.dnsbl.info/dnsbl-details.php?dnsbl=b.barracudacentral.org'],
  },
  {
    zone: 'bl.spamcop.net', name: 'SpamCop Blocking List (SCBL)', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    // domaincare.io says "a 127.0.0.x response" with no categories; 127.0.0.2 is the usual one (not read on spamcop.net).
    codes: { '127.0.0.2': 'reported by SpamCop users as a spam source (expires about 24 hours after the last report)' },
    errors: {},
    delist: 'https://www.spamcop.net/bl.shtml',
    homepage: 'https://www.spamcop.net/bl.shtml',
    usedBy: [{ receiver: 'spamassassin', source: SPAMASSASSIN, label: 'SpamAssassin (default rules)' }],
    status: 'live',
    sources: ['https://www.spamcop.net/bl.shtml', 'https://domaincare.io/blacklists/spamcop'],
  },
  {
    zone: 'dnsbl-1.uceprotect.net', name: 'UCEPROTECT Level 1', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: { '127.0.0.2': 'this address hit UCEPROTECT\'s spam traps (expires 7 days after the last hit)' },
    errors: {},
    delist: UCEPROTECT, homepage: 'https://www.uceprotect.net/',
    usedBy: [{ receiver: 'rspamd', source: RSPAMD, label: 'rspamd (RBL module, default configuration)' }],
    status: 'live', sources: ['https://www.suped.com/learn/blocklists/uceprotect-dnsbl-level-2', RSPAMD],
  },
  {
    zone: 'dnsbl-2.uceprotect.net', name: 'UCEPROTECT Level 2', kind: 'block', role: 'informational', keys: 'ip', ipv6: false,
    codes: { '127.0.0.2': 'the allocation around this address holds too many Level 1 listings (the address itself may be clean)' },
    errors: {},
    delist: UCEPROTECT, homepage: 'https://www.uceprotect.net/',
    status: 'live', sources: ['http://whatismyipaddress.com/staticpages/index.php/dnsbl-details?dnsbl=dnsbl-2.uceprotect.net', 'https://www.suped.com/learn/blocklists/uceprotect-dnsbl-level-2'],
  },
  {
    zone: 'dnsbl-3.uceprotect.net', name: 'UCEPROTECT Level 3', kind: 'block', role: 'informational', keys: 'ip', ipv6: false,
    codes: { '127.0.0.2': 'the whole network (ASN) this address is in is listed; few receivers use Level 3' },
    errors: {},
    delist: UCEPROTECT, homepage: 'https://www.uceprotect.net/',
    status: 'live', sources: ['https://www.suped.com/learn/blocklists/uceprotect-dnsbl-level-3', 'https://helohub.com/rbl-detail/uceprotect-3'],
  },
  {
    zone: 'psbl.surriel.com', name: 'Passive Spam Block List (PSBL)', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: { '127.0.0.2': 'sent mail to PSBL\'s spam traps' },
    errors: {},
    delist: 'https://psbl.org/remove', homepage: 'https://psbl.org/',
    status: 'live', sources: ['http://psbl.surriel.com/howto/', 'https://domaincare.io/blacklists/psbl'],
  },
  {
    zone: 'bl.mailspike.net', name: 'Mailspike BL', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: {
      '127.0.0.2': 'ZBI: seen in a distributed spam wave (zero-hour data)',
      '127.0.0.10': 'reputation L5: worst possible',
      '127.0.0.11': 'reputation L4: very bad',
      '127.0.0.12': 'reputation L3: bad',
    },
    errors: {},
    delist: 'https://mailspike.io/ip_verify', homepage: 'https://mailspike.org/',
    usedBy: [{ receiver: 'rspamd', source: RSPAMD, label: 'rspamd (RBL module, default configuration)' }],
    status: 'live', sources: ['https://mailspike.org/usage.html', 'https://mailspike.io/ip_verify/about', RSPAMD],
  },
  {
    zone: 'all.s5h.net', name: 's5h.net RBL', kind: 'block', role: 'scoring', keys: 'ip', ipv6: true,
    // Its codes were not found in the sources read (it says it follows RFC 5782): every answer reads as an undocumented listing.
    codes: {},
    errors: {},
    delist: 'http://www.usenix.org.uk/content/rblremove', homepage: 'http://www.s5h.net/rblcheck',
    status: 'live', sources: ['http://www.s5h.net/rblcheck', 'https://whatismyipaddress.com/blacklist/s5h'],
  },
  {
    zone: 'list.dnswl.org', name: 'DNSWL (dnswl.org)', kind: 'allow', role: 'scoring', keys: 'ip', ipv6: true,
    codes: {},
    errors: { '127.0.0.255': 'query blocked: over the free limit (100,000 queries a day) or through a shared resolver that is' },
    octets: {
      third: {
        '2': 'financial services', '3': 'email service provider', '4': 'organisation', '5': 'service or network provider',
        '6': 'personal or private server', '7': 'travel or leisure industry', '8': 'public sector or government',
        '9': 'media and tech company', '10': 'special case', '11': 'education or academic', '12': 'healthcare',
        '13': 'manufacturing or industrial', '14': 'retail, wholesale or services', '15': 'email marketing provider',
      },
      fourth: { '0': 'none', '1': 'low', '2': 'medium', '3': 'high' },
    },
    homepage: 'https://www.dnswl.org/',
    usedBy: [{ receiver: 'rspamd', source: RSPAMD, label: 'rspamd (RBL module, default configuration)' }],
    status: 'live', sources: ['https://www.dnswl.org/?p=152', 'https://mail-archive.com/community@mailsbestfriend.com/msg00263.html', RSPAMD],
  },
  {
    zone: 'sorbs.net', subzones: true, name: 'SORBS', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: {}, errors: {}, homepage: 'http://www.sorbs.net/',
    status: 'dead', deadSince: '2024-06-05',
    reason: 'Proofpoint decommissioned SORBS; its servers no longer answer and it holds no reputation data',
    sources: ['https://powermta.ninja/sorbs-blacklist-shuts-down', 'https://heise.de/en/news/Blocked-out-Antispam-blocklist-SORBS-is-switched-off-9752522.html'],
  },
  {
    zone: 'njabl.org', subzones: true, name: 'NJABL', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: {}, errors: {}, homepage: 'http://www.njabl.org/',
    status: 'dead', deadSince: '2013-03-01',
    reason: 'its zones were emptied in 2013; the domain has since been taken by a squatter whose wildcard answers every query',
    sources: ['https://en.wikipedia.org/wiki/Not_Just_Another_Bogus_List'],
  },
  {
    zone: 'ahbl.org', subzones: true, name: 'AHBL', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: {}, errors: {}, homepage: 'http://www.ahbl.org/',
    status: 'dead', deadSince: '2015-01-01',
    reason: 'shut down; since 2015 it answers every query as listed, to make users stop asking',
    sources: ['https://wordtothewise.com/2015/01/ahbl-wildcards-internet', 'https://www.idea11.com.au/blog/blacklisted-at-dnsbl-ahbl-org/'],
  },
  {
    zone: 'dsbl.org', subzones: true, name: 'DSBL', kind: 'block', role: 'scoring', keys: 'ip', ipv6: false,
    codes: {}, errors: {}, homepage: 'http://dsbl.org/',
    status: 'dead', deadSince: '2009-03-09',
    reason: 'stopped in May 2008; its nameservers went offline in March 2009',
    sources: ['https://vamsoft.com/company/news/dsbl-shutdown'],
  },
];
