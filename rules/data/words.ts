/**
 * Words in host names, as receivers' generic-rDNS heuristics read them
 * (SpamAssassin RDNS_DYNAMIC, rspamd hfilter, Spamhaus PBL naming advice).
 * Matched against the labels left of the organizational domain only: a
 * company may well be called "broadband-experts.com".
 */

/** Say on their own that the address is a dynamic or residential pool. */
export const DYNAMIC_WORDS: readonly string[] = [
  'dyn', 'dynamic', 'dynip', 'dhcp', 'dsl', 'adsl', 'vdsl', 'xdsl', 'sdsl', 'hdsl', 'ppp', 'pppoe', 'pppoa',
  'pool', 'pools', 'cable', 'cablemodem', 'broadband', 'bb', 'dial', 'dialup', 'dialin', 'residential',
  'resident', 'modem', 'cpe', 'ftth', 'fttx', 'fttc', 'fttb', 'fttp', 'catv', 'cmts', 'mobile', 'lte',
  'wireless', 'wlan', 'wifi', 'cgnat', 'gprs', 'umts', 'subscriber', 'subscribers', 'unassigned', 'ddns', 'hsd', 'dip',
];

/** Prefixes that make a token dynamic however it continues (dynamicip, dhcp123pool). */
export const DYNAMIC_PREFIXES: readonly string[] = ['dyn', 'dhcp', 'pppo', 'dialup', 'broadband', 'residential', 'adsl', 'vdsl', 'xdsl'];

/** Only suggestive: they count together with an IP address embedded in the name. */
export const WEAK_WORDS: readonly string[] = [
  'client', 'clients', 'cust', 'customer', 'customers', 'host', 'hosts', 'ip', 'ips', 'user', 'users', 'home',
  'res', 'rev', 'reverse', 'nat', 'node', 'addr', 'address', 'generic', 'unknown', 'ptr',
];

/** A label made of these marks a deliberately named mail host. */
export const MAIL_WORDS: readonly string[] = [
  'mail', 'mx', 'smtp', 'smtps', 'out', 'outbound', 'outgoing', 'relay', 'mta', 'mailout', 'smtpout', 'mailer',
  'mailgw', 'mailhost', 'email', 'bounce', 'bounces', 'postfix', 'exim', 'sendmail', 'mo', 'send', 'sender',
];

/** Marks an address the provider assigned for good, which receivers treat like a named host. */
export const STATIC_WORDS: readonly string[] = ['static', 'fixed', 'staticip', 'dedicated'];
