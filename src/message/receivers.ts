/**
 * Big mailbox providers as receivers: which of their hosts pass mail along
 * inside the receiving side, and which of their hosts *send* (another
 * customer's outbound service, delivering to this one). A chain inside one
 * provider (Microsoft 365 → Microsoft 365, Gmail → Gmail, Yahoo → Yahoo)
 * stops at that boundary, not at its bottom. Names are believed only with
 * an address in the provider's own networks (a HELO alone is the sender's word).
 */
import ipaddr from 'ipaddr.js';

export interface ReceivingProvider {
  name: string;
  /** Organizational domains of the provider's receiving hosts (`by`). */
  orgs: readonly string[];
  /** Networks the provider's own hosts use (documented ranges; private addresses count everywhere). */
  networks: readonly string[];
  /** Host names of the provider's internal relays. */
  internal: RegExp;
  /** Host names of the provider's outbound services: a hop from one of them is where mail entered. */
  outbound: RegExp;
}

export const RECEIVING_PROVIDERS: readonly ReceivingProvider[] = [
  {
    name: 'Microsoft 365',
    orgs: ['outlook.com', 'office365.com'],
    // Exchange Online Protection's published ranges (Microsoft 365 URLs and IP address ranges, Exchange Online, ID 1/2).
    networks: ['40.92.0.0/15', '40.107.0.0/16', '52.100.0.0/14', '104.47.0.0/17', '2a01:111:f400::/48', '2a01:111:f403::/48', '2603:1000::/24'],
    internal: /\.(prod\.outlook\.com|prod\.protection\.outlook\.com|outlook\.office365\.com|mail\.protection\.outlook\.com)$/i,
    outbound: /\.outbound\.protection\.outlook\.com$/i,
  },
  {
    name: 'Google',
    orgs: ['google.com'],
    networks: ['209.85.128.0/17', '74.125.0.0/16', '64.233.160.0/19', '66.102.0.0/20', '66.249.80.0/20', '72.14.192.0/18', '108.177.8.0/21', '172.217.0.0/19', '173.194.0.0/16', '2001:4860:4000::/36', '2404:6800:4000::/36', '2607:f8b0:4000::/36', '2800:3f0:4000::/36', '2a00:1450:4000::/36', '2c0f:fb50:4000::/36', '2002::/16'],
    internal: /^(mx|mx\d*)\.google\.com$|\.prod\.google\.com$/i,
    // Gmail and Workspace outbound: mail-sor-f41.google.com, mail-wm1-f54.google.com, …
    outbound: /^mail-[a-z0-9-]+\.google\.com$/i,
  },
  {
    name: 'Yahoo',
    orgs: ['yahoo.com', 'aol.com', 'yahoodns.net'],
    networks: ['66.163.184.0/21', '66.196.64.0/18', '67.195.0.0/16', '68.180.128.0/17', '74.6.0.0/16', '98.136.0.0/14', '106.10.128.0/18', '124.108.96.0/19', '2001:4998::/32'],
    internal: /\.mail\.[a-z0-9.-]+\.yahoo\.com$/i,
    // Yahoo/AOL consumer and business outbound: sonic310-21.consmr.mail.ne1.yahoo.com
    outbound: /^sonic[a-z0-9-]*\.(consmr|bizmail|smtp)\.mail\.[a-z0-9.-]+\.yahoo\.com$/i,
  },
  {
    name: 'Apple iCloud',
    orgs: ['icloud.com', 'me.com'],
    networks: ['17.0.0.0/8'],
    internal: /^(mx\d+\.mail\.icloud\.com|[a-z0-9-]+\.mail\.icloud\.com)$/i,
    // iCloud outbound: st43p00im-ztbu10073601.me.com, pv50p00im-ztdg10021101.me.com
    outbound: /^[a-z0-9]+p00im-[a-z0-9-]+\.me\.com$/i,
  },
];

export function providerByOrg(org: string | undefined): ReceivingProvider | undefined {
  return org ? RECEIVING_PROVIDERS.find((p) => p.orgs.includes(org)) : undefined;
}

export function inNetworks(ip: string, networks: readonly string[]): boolean {
  const addr = ipaddr.parse(ip);
  return networks.some((cidr) => {
    const [net, bits] = ipaddr.parseCIDR(cidr);
    return net.kind() === addr.kind() && addr.match(net, bits);
  });
}
