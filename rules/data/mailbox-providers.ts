/**
 * Big mailbox providers whose names spammers put in HELO: the domains a
 * HELO may claim, and the domains their real outbound servers' PTR names
 * are in. A HELO in the first list from an IP whose confirmed PTR is not in
 * the second is impersonation.
 */

export interface MailboxProvider {
  name: string;
  heloDomains: readonly string[];
  rdnsDomains: readonly string[];
}

export const MAILBOX_PROVIDERS: readonly MailboxProvider[] = [
  { name: 'Google (Gmail)', heloDomains: ['google.com', 'gmail.com', 'googlemail.com'], rdnsDomains: ['google.com'] },
  {
    name: 'Microsoft (Outlook.com, Microsoft 365)',
    heloDomains: ['outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'microsoft.com', 'office365.com'],
    rdnsDomains: ['outlook.com', 'microsoft.com', 'hotmail.com'],
  },
  { name: 'Yahoo and AOL', heloDomains: ['yahoo.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'yahoo.co.uk', 'yahoo.co.jp'], rdnsDomains: ['yahoo.com', 'yahoo.net', 'aol.com', 'yahoodns.net'] },
  { name: 'Apple (iCloud)', heloDomains: ['icloud.com', 'me.com', 'mac.com', 'apple.com'], rdnsDomains: ['apple.com', 'icloud.com'] },
  { name: 'Zoho Mail', heloDomains: ['zoho.com', 'zohomail.com', 'zoho.eu'], rdnsDomains: ['zoho.com', 'zohomail.com', 'zoho.eu'] },
  { name: 'Proton Mail', heloDomains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'], rdnsDomains: ['protonmail.ch', 'proton.me'] },
  { name: 'GMX and WEB.DE', heloDomains: ['gmx.net', 'gmx.de', 'gmx.com', 'web.de'], rdnsDomains: ['gmx.net', 'web.de', 'kundenserver.de'] },
  { name: 'Yandex Mail', heloDomains: ['yandex.ru', 'yandex.com', 'ya.ru'], rdnsDomains: ['yandex.net', 'yandex.ru'] },
  { name: 'Mail.ru', heloDomains: ['mail.ru', 'list.ru', 'bk.ru', 'inbox.ru'], rdnsDomains: ['mail.ru'] },
  { name: 'Fastmail', heloDomains: ['fastmail.com', 'fastmail.fm', 'messagingengine.com'], rdnsDomains: ['messagingengine.com', 'fastmail.com'] },
];

export function providerClaimedBy(orgDomain: string): MailboxProvider | undefined {
  return MAILBOX_PROVIDERS.find((p) => p.heloDomains.includes(orgDomain));
}
