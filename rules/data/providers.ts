/**
 * Cloud and hosting providers: the default PTR names they give every
 * address (generic to receivers), the domains their reverse zones are
 * served from (to say who controls a PTR), and where their customers set
 * reverse DNS themselves.
 */

export interface Provider {
  name: string;
  /** Default reverse names for customer addresses. */
  defaultNames: readonly RegExp[];
  /** Organizational domains seen in the provider's reverse zones' SOA and NS names. */
  dnsDomains: readonly string[];
  /** How a customer sets the PTR. */
  howToSet: string;
}

export const PROVIDERS: readonly Provider[] = [
  {
    name: 'Amazon Web Services (EC2)',
    defaultNames: [/^ec2-\d+-\d+-\d+-\d+\.([a-z0-9-]+\.)?compute(-1)?\.amazonaws\.com$/, /^ip-\d+-\d+-\d+-\d+\.([a-z0-9-]+\.)?(compute|ec2)\.internal$/],
    dnsDomains: ['amazonaws.com', 'amazon.com', 'awsdns.com'],
    howToSet: 'Allocate an Elastic IP, create the A record first, then set its reverse DNS in the EC2 console (Elastic IPs → Actions → Update reverse DNS) or with `aws ec2 modify-address-attribute --allocation-id eipalloc-… --domain-name {hostname}`. Sending on port 25 also needs AWS to lift its limit.',
  },
  {
    name: 'Google Cloud',
    defaultNames: [/\.bc\.googleusercontent\.com$/],
    dnsDomains: ['googleusercontent.com', 'google.com', 'googledomains.com'],
    howToSet: 'Verify the domain, then set a custom PTR on the VM\'s external IP: `gcloud compute instances update-access-config VM --zone ZONE --public-ptr --public-ptr-domain={hostname}.`. Google Cloud blocks outbound port 25: relay through a mail service.',
  },
  {
    name: 'Microsoft Azure',
    defaultNames: [/\.cloudapp\.(net|azure\.com)$/],
    dnsDomains: ['azure.com', 'cloudapp.net', 'azure-dns.com', 'azure-dns.net', 'microsoft.com'],
    howToSet: 'Set the reverse FQDN of the public IP: `az network public-ip update -g GROUP -n IPNAME --reverse-fqdn {hostname}.` (the name must already resolve to the IP).',
  },
  {
    name: 'Hetzner',
    defaultNames: [/^static\.[\d.]+\.clients\.your-server\.de$/],
    dnsDomains: ['your-server.de', 'hetzner.com', 'hetzner.de', 'first-ns.de', 'second-ns.de', 'second-ns.com'],
    howToSet: 'Hetzner Robot or Cloud Console → the server → IPs / Networking → edit the reverse DNS entry to {hostname}.',
  },
  {
    name: 'OVHcloud',
    defaultNames: [/^([a-z0-9-]+\.)?ip-\d+-\d+-\d+\.(eu|net|us)$/, /^vps-[0-9a-f]+\.vps\.ovh\.(net|ca|us)$/],
    dnsDomains: ['ovh.net', 'ovh.ca', 'ovh.com', 'ovh.us'],
    howToSet: 'OVHcloud Control Panel → Network → Public IP addresses → … → Modify the reverse path, set to {hostname}. (the A record must exist first).',
  },
  {
    name: 'Akamai / Linode',
    defaultNames: [/^li\d+-\d+\.members\.linode\.com$/, /\.ip\.linodeusercontent\.com$/],
    dnsDomains: ['linode.com', 'linodeusercontent.com'],
    howToSet: 'Cloud Manager → the Linode → Network → the IP → Edit RDNS, set to {hostname} (the A/AAAA record must exist first).',
  },
  {
    name: 'Vultr',
    defaultNames: [/\.vultrusercontent\.com$/],
    dnsDomains: ['vultr.com', 'vultrusercontent.com'],
    howToSet: 'Vultr console → the server → Settings → IPv4 / IPv6 → Reverse DNS, set to {hostname}.',
  },
  {
    name: 'DigitalOcean',
    defaultNames: [],
    dnsDomains: ['digitalocean.com'],
    howToSet: 'DigitalOcean sets the PTR from the Droplet\'s name: rename the Droplet to exactly {hostname}.',
  },
  {
    name: 'Contabo',
    defaultNames: [/^vmi\d+\.contaboserver\.net$/],
    dnsDomains: ['contaboserver.net', 'contabo.net', 'contabo.com'],
    howToSet: 'Contabo customer control panel → Reverse DNS management → set the entry to {hostname}.',
  },
  {
    name: 'Scaleway',
    defaultNames: [/\.rev\.poneytelecom\.eu$/, /\.instances\.scw\.cloud$/],
    dnsDomains: ['poneytelecom.eu', 'scw.cloud', 'online.net', 'scaleway.com'],
    howToSet: 'Scaleway console → the Flexible IP → Edit reverse DNS, set to {hostname}.',
  },
  {
    name: 'GoDaddy',
    defaultNames: [/^ip-\d+-\d+-\d+-\d+\.ip\.secureserver\.net$/],
    dnsDomains: ['secureserver.net', 'godaddy.com'],
    howToSet: 'GoDaddy sets reverse DNS on request: open a support ticket asking for {hostname}.',
  },
];

export function providerByDefaultName(name: string): Provider | undefined {
  return PROVIDERS.find((p) => p.defaultNames.some((re) => re.test(name)));
}

export function providerByDnsDomain(domains: readonly string[]): Provider | undefined {
  return PROVIDERS.find((p) => domains.some((d) => p.dnsDomains.includes(d)));
}
