/**
 * What kind of refusal a receiver's reply is, judged from the receiver's own
 * words and its enhanced status code only (never from ptrcheck's meaning
 * text: Gmail's 5.7.1 meaning mentions PTR, its "No such user" does not).
 * Every pattern is a fixed wording or of bounded length, run on one reply
 * (at most 2,000 characters).
 */
export type BounceCategory = 'ptr' | 'helo' | 'authentication' | 'blocklist' | 'reputation' | 'mailbox' | 'size' | 'content' | 'other';

/** The categories about the sending IP or host: what an audit of that IP re-checks or explains. */
export const IP_CATEGORIES: ReadonlySet<BounceCategory> = new Set(['ptr', 'helo', 'blocklist', 'reputation']);

/** A URL or domain in the message on a list (URIBL, SURBL, DBL) is about the content, whatever else the reply logs. */
const CONTENT_LISTS = /\b(URIBL|SURBL)\b|Blacklisted (URL|Link)|URL in (the )?message|\bDBL\b/i;

/** Tried in order; the first that matches decides. Mailbox, size and content come first: their wordings are specific. */
const RULES: [BounceCategory, RegExp][] = [
  ['mailbox', /\b(user unknown|unknown user|no such (user|mailbox|recipient|account)|mailbox (unavailable|not found|does not exist|is full|full|disabled|inactive)|recipient (address )?rejected: (user unknown|undeliverable|access denied)|does not exist|invalid (recipient|mailbox)|address rejected|account (is )?(disabled|suspended|inactive)|over ?quota|quota exceeded|not our customer|no mailbox|unrouteable address|user not found|recipient not found|RecipientNotFound|unknown recipient)\b/i],
  ['size', /\b(message (size )?(is )?too (big|large)|exceeds? (the )?(maximum|size|message size)|size limit|message size exceeds)\b/i],
  ['content', /\b(spam|virus|malware|phishing|content (rejected|filter)|message content|suspicious (content|link)|attachment)\b/i],
];

/** Words about the sending host, each family tried before the generic ones. */
const IP_RULES: [BounceCategory, RegExp][] = [
  ['ptr', /\bPTR\b|\breverse (dns|hostname|lookup|mapping|resolution)\b|\brdns\b|cannot find your (reverse )?hostname|IP name lookup failed|Fix reverse DNS|DY-001|dynamically[- ]assigned|\bc=rdns\b|unverifiable sending IP|unverifyable sending IP|Dialup\/transient IP|\(DIAL\)|dynamic (ip|address|range)|generic (reverse|hostname|PTR)|use the smtp server of your ISP|use your (ISP|provider)'?s? (smtp|mail|outgoing) server|residential/i],
  ['helo', /\b(HELO|EHLO)\b(?!=)/i], // not "HELO=[…]", a field a receiver logs beside another complaint
  ['blocklist', /spamhaus|\bblock ?list|\bblacklist|\bdenylist|\bDNSBL\b|\bRBL\b|\[BL\d+\]|\bBL000000\b|\(BL\)|blocked using|\bListed by\b|listed (at|on|in) |listed as abusive|spamcop|sorbs|uceprotect|barracudacentral|abuseat/i],
];

/** The sending IP's standing: complaints, volume, a provider's own IP blocks. */
const REPUTATION = /reputation|not accepting connections|Host network not allowed|mismatches client ip|daily (relay|sending) quota|\bOFR_?\d{3}|\bLPN\d{3}|complaints|\[TSS\d+\]|unusual rate|banned sending IP|\bS3150\b|\bSC-00[14]\b|Sender IP rejected|Your IP\b.{0,60}\bnot allowed|\(NOWL\)|new or untrusted IP|temporarily (blocked|deferred)|has been (temporarily )?blocked|\bIB[13]\d\d\b|\bOFR\d{3}|Access from ip address\b.{0,60}\bblocked|\(AS\d{6,10}\)|\bRP-00[123]\b|poor reputation|too many (connections|messages) from your IP/i;

/** Sender authentication (SPF/DKIM/DMARC): a failed SMTP login is not one. */
const AUTH = /\b(SPF|DKIM|DMARC)\b|unauthenticated|authentication information|Purported Responsible Address|\bSender ID\b|invalid ip for sending mail of domain|not allowed to send (mail|email) from|sender authentication|required authentication level|authentication (failed|required) for (this )?(sender|domain)|does not meet .{0,40}authentication/i;
const SMTP_LOGIN = /authentication failures|\bSASL\b|\bAUTH (LOGIN|PLAIN)\b|too many (failed )?(login|auth)/i;

/** Enhanced codes that say what they are whatever the words. */
const BY_CODE: Readonly<Record<string, BounceCategory>> = {
  '5.7.25': 'ptr', '5.7.26': 'authentication', '5.7.27': 'authentication', '5.7.9': 'authentication', '5.7.515': 'authentication', '5.7.23': 'authentication',
  '5.1.1': 'mailbox', '5.1.10': 'mailbox', '5.2.1': 'mailbox', '5.2.2': 'mailbox', '4.2.2': 'mailbox', '5.1.6': 'mailbox', '5.3.4': 'size', '5.2.3': 'size', '5.7.506': 'helo',
};

export function categorize(reply: string, enhanced: string | undefined, receiver: string | undefined): BounceCategory {
  // Gmail uses X.7.23 for a PTR (a rate limit); the registry says SPF.
  if (enhanced === '4.7.23' && receiver === 'gmail') return 'ptr';
  if (CONTENT_LISTS.test(reply)) return 'content';
  // The host's name and listings first; then authentication ("blocked because the sender is unauthenticated"); then reputation.
  for (const [category, pattern] of IP_RULES.slice(0, 3)) if (pattern.test(reply)) return category;
  if (AUTH.test(reply) && !SMTP_LOGIN.test(reply)) return 'authentication';
  if (REPUTATION.test(reply)) return 'reputation';
  const byCode = enhanced ? BY_CODE[enhanced] : undefined;
  if (byCode) return byCode;
  for (const [category, pattern] of RULES) if (pattern.test(reply)) return category;
  return 'other';
}

/**
 * Per-method results a receiver lists in its reply: Microsoft's 5.7.515 ends "Spf= Fail , Dkim= Pass , DMARC= Pass".
 * Undefined when the reply lists none.
 */
export function authenticationResults(reply: string): Partial<Record<'spf' | 'dkim' | 'dmarc', string>> | undefined {
  const out: Partial<Record<'spf' | 'dkim' | 'dmarc', string>> = {};
  for (const m of reply.matchAll(/\b(SPF|DKIM|DMARC)\s*=\s*(pass|fail|softfail|neutral|none|temperror|permerror|bestguesspass)\b/gi)) {
    out[m[1]!.toLowerCase() as 'spf' | 'dkim' | 'dmarc'] ??= m[2]!.toLowerCase();
  }
  return Object.keys(out).length > 0 ? out : undefined;
}
