/**
 * Big mailbox providers as receivers: which of their hosts pass mail along
 * inside the receiving side, and which of their hosts *send* (another
 * customer's outbound service, delivering to this one). A chain inside one
 * provider (Microsoft 365 → Microsoft 365, Gmail → Gmail, Yahoo → Yahoo)
 * stops at that boundary, not at its bottom. Names are believed only with
 * an address in the provider's own networks (a HELO alone is the sender's word).
 */
import ipaddr from 'ipaddr.js';

export interface ProviderNetwork {
  cidr: string;
  /** Where the range is published: the provider's own list, or the address registry's allocation to it. */
  source: string;
  /** When the project entered it (from that source). */
  added: string;
}

const nets = (source: string, added: string, cidrs: readonly string[]): ProviderNetwork[] => cidrs.map((cidr) => ({ cidr, source, added }));

export interface ReceivingProvider {
  name: string;
  /** Organizational domains of the provider's receiving hosts (`by`). */
  orgs: readonly string[];
  /** Networks the provider's own hosts use, each with where it is published and when it was entered here (private addresses count everywhere). */
  networks: readonly ProviderNetwork[];
  /** Host names of the provider's internal relays. */
  internal: RegExp;
  /** Host names of the provider's outbound services: a hop from one of them is where mail entered. */
  outbound: RegExp;
}

export const RECEIVING_PROVIDERS: readonly ReceivingProvider[] = [
  {
    name: 'Microsoft 365',
    orgs: ['outlook.com', 'office365.com'],
    networks: [
      ...nets('Microsoft 365 URLs and IP address ranges, Exchange Online (https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges)', '2026-12-01',
        ['40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48', '2603:1000::/24']),
      // EOP's internal hops (…FT0nn.eop-nam04.prod.protection.outlook.com) use addresses in Microsoft's own /32, not in the list above.
      ...nets('RIPE NCC allocation 2a01:111::/32 to Microsoft (inet6num, AS8075); seen on EOP internal hops (2a01:111:e400:…) in real headers', '2026-12-07', ['2a01:111::/32']),
    ],
    internal: /\.(prod\.outlook\.com|prod\.protection\.outlook\.com|outlook\.office365\.com|mail\.protection\.outlook\.com)$/i,
    outbound: /\.outbound\.protection\.outlook\.com$/i,
  },
  {
    name: 'Google',
    orgs: ['google.com'],
    networks: nets('Google\'s SPF record (_netblocks.google.com, _netblocks2.google.com) and its internal 2002::/16 hops', '2026-12-01',
      ['209.85.128.0/17', '74.125.0.0/16', '64.233.160.0/19', '66.102.0.0/20', '66.249.80.0/20', '72.14.192.0/18', '108.177.8.0/21', '172.217.0.0/19', '173.194.0.0/16', '2001:4860:4000::/36', '2404:6800:4000::/36', '2607:f8b0:4000::/36', '2800:3f0:4000::/36', '2a00:1450:4000::/36', '2c0f:fb50:4000::/36', '2002::/16']),
    internal: /^(mx|mx\d*)\.google\.com$|\.prod\.google\.com$/i,
    // Gmail and Workspace outbound: mail-sor-f41.google.com, mail-wm1-f54.google.com, …
    outbound: /^mail-[a-z0-9-]+\.google\.com$/i,
  },
  {
    name: 'Yahoo',
    orgs: ['yahoo.com', 'aol.com', 'yahoodns.net'],
    networks: nets('Yahoo\'s SPF record (_spf.mail.yahoo.com) and its IPv6 allocation', '2026-12-01',
      ['66.163.184.0/21', '66.196.64.0/18', '67.195.0.0/16', '68.180.128.0/17', '74.6.0.0/16', '98.136.0.0/14', '106.10.128.0/18', '124.108.96.0/19', '2001:4998::/32']),
    internal: /\.mail\.[a-z0-9.-]+\.yahoo\.com$/i,
    // Yahoo/AOL consumer and business outbound: sonic310-21.consmr.mail.ne1.yahoo.com
    outbound: /^sonic[a-z0-9-]*\.(consmr|bizmail|smtp)\.mail\.[a-z0-9.-]+\.yahoo\.com$/i,
  },
  {
    name: 'Apple iCloud',
    orgs: ['icloud.com', 'me.com'],
    networks: nets('ARIN allocation 17.0.0.0/8 to Apple', '2026-12-01', ['17.0.0.0/8']),
    internal: /^(mx\d+\.mail\.icloud\.com|[a-z0-9-]+\.mail\.icloud\.com)$/i,
    // iCloud outbound: st43p00im-ztbu10073601.me.com, pv50p00im-ztdg10021101.me.com
    outbound: /^[a-z0-9]+p00im-[a-z0-9-]+\.me\.com$/i,
  },
];

export function providerByOrg(org: string | undefined): ReceivingProvider | undefined {
  return org ? RECEIVING_PROVIDERS.find((p) => p.orgs.includes(org)) : undefined;
}

export function inNetworks(ip: string, networks: readonly ProviderNetwork[]): boolean {
  const addr = ipaddr.parse(ip);
  return networks.some(({ cidr }) => {
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return net.kind() === addr.kind() && addr.match(net, bits);
  });
}
