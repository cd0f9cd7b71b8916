/**
 * Every command's options, with their words, in one table: the commands
 * hand it to node:util parseArgs (which ignores `arg`, `help` and `env`),
 * and `ptrcheck --help` and the usage in docs/cli.md are generated from it
 * (cli/help.ts, `npm run docs`), so no flag can go undocumented.
 */
import { DEFAULT_MAX_PER_CIDR, DEFAULT_SINK_DOMAIN } from '../config/defaults.js';

interface Option {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  /** What the value is, in the usage line: HOST:PORT, MS, FILE. */
  readonly arg?: string;
  readonly help: string;
  /** The environment variable that stands in when the option is not given. */
  readonly env?: string;
}

export interface CommandSpec {
  readonly usage: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, Option>>;
}

const dns = { type: 'string', arg: 'HOST:PORT', env: 'PTRCHECK_DNS', help: "send every DNS query to this server (comma-separated for several); default: the system's resolvers" } as const;
const doh = { type: 'string', arg: 'URL', env: 'PTRCHECK_DOH', help: 'ask DNS over HTTPS (RFC 8484) instead, e.g. https://cloudflare-dns.com/dns-query' } as const;
const dnsbl = { type: 'string', multiple: true, arg: 'ZONE', env: 'PTRCHECK_DNSBL', help: 'also look the IP up on this DNS blocklist (RFC 5782), e.g. zen.spamhaus.org; repeatable' } as const;
const timeout = { type: 'string', arg: 'MS', help: 'per-attempt DNS timeout in milliseconds (default 2000; one retry)' } as const;
const authoritativePort = {
  type: 'string', arg: 'PORT', env: 'PTRCHECK_AUTHORITATIVE_PORT',
  help: "the port of direct questions to a reverse zone's own nameservers (default 53; a lab or test setup may use another)",
} as const;

/** Options every single-audit command takes. */
export const COMMON_OPTIONS = {
  dnsbl,
  dns,
  doh,
  timeout,
  authoritative: { type: 'boolean', help: "also ask the reverse zone's own nameservers when the PTR and FCrDNS pass (they always are when either fails)" },
  'authoritative-port': authoritativePort,
  json: { type: 'boolean', help: 'print the JSON report (version 1); same as --format json' },
  format: { type: 'string', arg: 'F', help: 'text (default), json, or authres (an RFC 8601 Authentication-Results header line)' },
} as const;

export const AUDIT_OPTIONS = {
  helo: { type: 'string', arg: 'NAME', help: 'the HELO/EHLO name the server announces: the HELO rules run' },
  'probe-smtp': { type: 'boolean', help: "connect to the IP's SMTP port: read its banner, EHLO and STARTTLS certificate names (sends nothing else), and compare them with the PTR" },
  'probe-port': { type: 'string', arg: 'PORT', help: 'the port --probe-smtp connects to (default 25)' },
  'probe-web': { type: 'boolean', help: "fetch https://<PTR name>/ and https://<its organisational domain>/ and look for an imprint or contact link, as T-Online does (512 KiB, 8 s and 5 redirects per page; public addresses only)" },
  'probe-web-port': { type: 'string', arg: 'PORT', help: 'a lab: the port --probe-web connects to (default 443); when given, loopback addresses are fetched too and PTRCHECK_WEB_CA (a PEM file) is trusted beside the system\'s CAs' },
  'mail-from': { type: 'string', arg: 'ADDR', help: 'the envelope sender (MAIL FROM): SPF is checked for it' },
  from: { type: 'string', arg: 'ADDR', help: "the header From address: its domain's mail hosts, alignment and DMARC policy" },
  ...COMMON_OPTIONS,
} as const;

export const MESSAGE_OPTIONS = {
  ip: { type: 'string', arg: 'IP', help: 'the connecting IP, instead of what the trusted Received: header says' },
  helo: { type: 'string', arg: 'NAME', help: 'the HELO name, instead of what the trusted Received: header says' },
  'mail-from': { type: 'string', arg: 'ADDR', help: 'the envelope sender, instead of the Return-Path: header' },
  'trusted-receiver': { type: 'string', multiple: true, arg: 'PATTERN', help: 'a host of the receiving side (mx.example.net, *.prod.outlook.com, an address or a CIDR): its Received: hops are skipped when looking for where the sender connected' },
  'max-size': { type: 'string', arg: 'MB', help: 'refuse larger messages (default 50)' },
  'probe-web': { type: 'boolean', help: "fetch https://<PTR name>/ and https://<its organisational domain>/ and look for an imprint or contact link, as T-Online does (512 KiB, 8 s and 5 redirects per page; public addresses only)" },
  'probe-web-port': { type: 'string', arg: 'PORT', help: 'a lab: the port --probe-web connects to (default 443); when given, loopback addresses are fetched too and PTRCHECK_WEB_CA (a PEM file) is trusted beside the system\'s CAs' },
  ...COMMON_OPTIONS,
} as const;

export const BATCH_OPTIONS = {
  concurrency: { type: 'string', default: '64', arg: 'N', help: 'addresses audited at once' },
  format: { type: 'string', default: 'ndjson', arg: 'ndjson|csv', help: 'one line per address, streamed as each finishes' },
  'only-failing': { type: 'boolean', default: false, help: 'print only addresses whose verdict is not pass' },
  'from-dmarc': { type: 'string', arg: 'REPORT', help: 'audit the source IPs of a DMARC aggregate report (.xml, .gz or .zip), with its counts' },
  'max-per-cidr': { type: 'string', default: String(DEFAULT_MAX_PER_CIDR), arg: 'N', help: 'refuse a CIDR line with more addresses than this' },
  qps: { type: 'string', arg: 'N', help: 'at most N DNS questions per second (a public resolver: see docs/batch.md); without it the rate adapts, backing off when the resolver refuses' },
  'dns-transport': { type: 'string', default: 'tcp', arg: 'tcp|udp', help: 'pipelined TCP (RFC 7766; falls back to UDP for a server that refuses TCP) or UDP' },
  dns,
  doh,
  dnsbl,
  timeout,
} as const;

export const SERVE_OPTIONS = {
  'http-port': { type: 'string', default: '8025', arg: 'PORT', help: 'the web page and API (0: any free port)' },
  'smtp-port': { type: 'string', default: '2525', arg: 'PORT', help: 'the SMTP sink' },
  host: { type: 'string', default: '127.0.0.1', arg: 'ADDR', help: 'the address both listen on' },
  'sink-domain': { type: 'string', default: DEFAULT_SINK_DOMAIN, arg: 'DOMAIN', help: 'test addresses are <token>@DOMAIN; mail for any other domain is refused' },
  'public-url': { type: 'string', arg: 'URL', help: 'the base URL of report links (default: each request\'s origin)' },
  'no-smtp': { type: 'boolean', default: false, help: 'run without the SMTP sink' },
  'dmarc-local-part': { type: 'string', default: 'dmarc', arg: 'LOCAL', help: 'DMARC aggregate reports mailed to LOCAL@<sink domain> (rua=mailto:…) add each source IP that passed DMARC for a watched domain to the monitor targets; off: no report address' },
  'tls-key': { type: 'string', arg: 'FILE', help: 'STARTTLS key (PEM), with --tls-cert; default: a self-signed pair kept beside the database' },
  'tls-cert': { type: 'string', arg: 'FILE', help: 'STARTTLS certificate chain (PEM)' },
  'trusted-network': { type: 'string', multiple: true, arg: 'ADDR|CIDR', help: 'peers whose XCLIENT/XFORWARD is honoured (default: loopback)' },
  'trusted-receiver': { type: 'string', multiple: true, arg: 'PATTERN', help: 'Received: hosts of the receiving side (names, *.domain, addresses, CIDRs), for message audits' },
  'max-message-mb': { type: 'string', arg: 'MB', help: 'largest message accepted over SMTP and HTTP (default 10)' },
  db: { type: 'string', default: 'ptrcheck.sqlite', arg: 'FILE', help: 'the SQLite database of reports and received mail' },
  'retention-days': { type: 'string', arg: 'N', help: 'delete reports and messages older than this (default 30; 0 keeps them)' },
  'rate-limit': { type: 'string', arg: 'N', help: 'audits per client per minute (default 30; 0: no limit)' },
  'rate-limit-burst': { type: 'string', arg: 'N', help: 'audits a client may make at once before the per-minute rate applies (default 10)' },
  'admin-token-file': { type: 'string', arg: 'FILE', help: 'turn on the monitor API (/api/v1/monitors) for requests with Authorization: Bearer <the token in this file, or in PTRCHECK_ADMIN_TOKEN>; off without either' },
  monitor: { type: 'boolean', default: false, help: 'run monitoring rounds on a schedule (ptrcheck monitor add …)' },
  'monitor-interval': { type: 'string', default: '1h', arg: 'DURATION', help: 'with --monitor: time between rounds (1m to 7d), plus a little jitter' },
  'confirm-after': { type: 'string', default: '5m', arg: 'DURATION', help: 'with --monitor: ask a changed address again this long after, with the zone\'s own servers (0s to 1h)' },
  'slack-webhook': { type: 'string', multiple: true, arg: 'URL', help: 'with --monitor: also post each round\'s transitions as one Slack/Discord-compatible message here; repeatable' },
  'alert-email': { type: 'string', arg: 'ADDR', help: 'with --monitor: also e-mail each round\'s transitions (one message) to this address, through --smtp-relay' },
  'smtp-relay': { type: 'string', arg: 'HOST:PORT', help: 'with --monitor: the SMTP relay for --alert-email (an IP address and port)' },
  webhook: { type: 'string', multiple: true, arg: 'URL', help: 'with --monitor: POST each confirmed transition here; repeatable' },
  'webhook-secret-file': { type: 'string', arg: 'FILE', help: 'with --monitor: the HMAC-SHA256 secret for X-Ptrcheck-Signature' },
  'rate-limit-v6-prefix': { type: 'string', arg: 'BITS', help: 'IPv6 clients share a rate limit per prefix of this length (default 64; IPv4: per address)' },
  'max-audits': { type: 'string', arg: 'N', help: 'audits, looks and bounce checks in flight at once, all clients together (default 32); more wait up to 2 s, then get 503' },
  'authserv-id': { type: 'string', arg: 'ID', help: 'the authserv-id of Authentication-Results (default ptrcheck)' },
  dns,
  doh,
  dnsbl,
  timeout,
  'authoritative-port': { ...authoritativePort, help: `${authoritativePort.help}; when given, nameservers at private and loopback addresses are asked too (never otherwise)` },
  'log-format': { type: 'string', default: 'json', arg: 'json|text|off', help: 'one line per request, SMTP session, stored message and audit, to stderr: JSON (default), text for a terminal, or off' },
  'metrics-port': { type: 'string', arg: 'PORT', help: 'serve Prometheus metrics at http://HOST:PORT/metrics (off unless given; 0: any free port)' },
  'metrics-host': { type: 'string', default: '127.0.0.1', arg: 'ADDR', help: 'the address /metrics listens on: keep it private' },
  'drain-seconds': { type: 'string', default: '30', arg: 'N', help: 'on SIGTERM/SIGINT: stop taking work, let messages in DATA finish, then exit 0 within this many seconds (a second signal stops at once)' },
  'probe-smtp': { type: 'boolean', default: false, help: "let audits ask for a probe of the sender's SMTP banner (probeSmtp=1): public addresses only, once per IP per 10 minutes" },
  'probe-port': { type: 'string', arg: 'PORT', help: 'the port probes connect to (default 25); when given, private and loopback addresses are probed too' },
  'probe-web': { type: 'boolean', default: false, help: "let audits ask for a look at the PTR name's website for an imprint or contact link (probeWeb=1): public addresses only, each name at most once per 10 minutes" },
  'probe-web-port': { type: 'string', arg: 'PORT', help: 'a lab: the port web probes connect to (default 443); when given, loopback addresses are fetched too and PTRCHECK_WEB_CA (a PEM file) is trusted beside the system\'s CAs' },
} as const;

export const WATCH_OPTIONS = {
  expect: { type: 'string', arg: 'NAME', help: 'the PTR name you asked for; default: any PTR name that resolves back to the IP' },
  interval: { type: 'string', default: '30s', arg: 'DURATION', help: 'time between looks (at least 1s; e.g. 30s, 5m)' },
  timeout: { type: 'string', default: '24h', arg: 'DURATION', help: 'give up after this long (exit 1; at most 7d)' },
  resolver: { type: 'string', multiple: true, arg: 'HOST:PORT', help: 'also watch this resolver\'s cache (e.g. 8.8.8.8:53); repeatable' },
  dns,
  'dns-timeout': { type: 'string', arg: 'MS', help: 'per-attempt DNS timeout in milliseconds (default 2000; one retry)' },
  'authoritative-port': authoritativePort,
  json: { type: 'boolean', help: 'one JSON line per look (the default when stdout is not a terminal)' },
} as const;

export const BOUNCE_OPTIONS = {
  json: { type: 'boolean', help: 'the decoded bounce, its audit and how things stand now, as JSON' },
  dns,
  doh,
  timeout,
  'authoritative-port': authoritativePort,
} as const;

export const BACKUP_OPTIONS = {
  db: { type: 'string', default: 'ptrcheck.sqlite', arg: 'FILE', help: 'the database `serve` uses (it may keep running)' },
} as const;

export const MONITOR_OPTIONS = {
  db: { type: 'string', default: 'ptrcheck.sqlite', arg: 'FILE', help: 'the database that keeps the watched targets and their history (the one `serve` uses)' },
  label: { type: 'string', arg: 'TEXT', help: 'add: a name for the targets, shown in alerts' },
  'from-dmarc': { type: 'string', arg: 'REPORT', help: 'add: every source IP of a DMARC aggregate report (.xml, .gz or .zip)' },
  webhook: { type: 'string', multiple: true, arg: 'URL', help: 'run: POST each confirmed transition here (signed with --webhook-secret-file); repeatable' },
  'webhook-secret-file': { type: 'string', arg: 'FILE', help: 'run: the HMAC-SHA256 secret for X-Ptrcheck-Signature' },
  'slack-webhook': { type: 'string', multiple: true, arg: 'URL', help: 'run: also post each round\'s transitions as one Slack/Discord-compatible message to this incoming-webhook URL; repeatable' },
  'alert-email': { type: 'string', arg: 'ADDR', help: 'run: also e-mail each round\'s transitions (one message) to this address, through --smtp-relay' },
  'smtp-relay': { type: 'string', arg: 'HOST:PORT', help: 'run: the SMTP relay for --alert-email (an IP address and port)' },
  'confirm-after': { type: 'string', default: '5m', arg: 'DURATION', help: 'run: ask a changed address again this long after, with the zone\'s own servers, before it counts (0s to 1h)' },
  json: { type: 'boolean', default: false, help: 'list, history, run: JSON' },
  dns,
  dnsbl,
  timeout,
  'authoritative-port': authoritativePort,
} as const;

export const DOCTOR_OPTIONS = {
  'postfix-config': { type: 'string', arg: 'DIR', help: 'the Postfix configuration directory (default /etc/postfix when it has a main.cf)' },
  'exim-config': { type: 'string', arg: 'FILE', help: 'read Exim\'s primary_hostname and helo_data from this file instead (default: /etc/exim4/exim4.conf.template or /etc/exim/exim.conf when there is no Postfix)' },
  postconf: { type: 'string', arg: 'FILE', help: 'the postconf binary that reports Postfix\'s settings (default: postconf on PATH, /usr/sbin or /usr/local/sbin); none: read main.cf directly' },
  ip: { type: 'string', multiple: true, arg: 'IP', help: 'an address the server sends from (repeatable); default: smtp_bind_address(6), else the public addresses of this machine\'s interfaces' },
  json: { type: 'boolean', help: 'the settings, each address with its report, and the advice, as JSON' },
  dns,
  doh,
  timeout,
  'authoritative-port': authoritativePort,
} as const;

export const RULES_OPTIONS = {
  json: { type: 'boolean', default: false, help: 'the catalogue as JSON' },
} as const;

export const REQUIREMENTS_OPTIONS = {
  json: { type: 'boolean', default: false, help: 'the programs as JSON' },
} as const;

export const COMMAND_SPECS: Readonly<Record<string, CommandSpec>> = {
  audit: { usage: '<ip>', summary: 'audit one sending IP (IPv4 or IPv6)', options: AUDIT_OPTIONS },
  message: { usage: '<file.eml|->', summary: 'audit a received message: the IP and HELO of its trusted Received: hop, SPF, DKIM and DMARC', options: MESSAGE_OPTIONS },
  batch: { usage: '<file|->', summary: 'audit IPs and CIDRs, one a line, streaming one record per address', options: BATCH_OPTIONS },
  serve: { usage: '', summary: 'the web page, the HTTP API and the SMTP sink (runs until SIGINT/SIGTERM)', options: SERVE_OPTIONS },
  watch: { usage: '<ip>', summary: 'watch a PTR change reach the reverse zone\'s own servers and the resolvers; exit 0 once all show it, 1 at the timeout', options: WATCH_OPTIONS },
  bounce: { usage: '<file|->', summary: 'a bounce (DSN or pasted text) → the receiver, its code\'s meaning there, the sending IP, and whether the problem is still there', options: BOUNCE_OPTIONS },
  monitor: { usage: 'add <ip|cidr|domain>... | add --from-dmarc REPORT | list | remove <id|target> | run | history <id|target>', summary: 'watch senders over time: a round looks at every target, and only a change confirmed at the reverse zone\'s own servers is a transition (alerted by webhook)', options: MONITOR_OPTIONS },
  doctor: { usage: '', summary: 'on the mail server: read its settings (Postfix, Exim), audit each address it sends from with the HELO it really sends, and say what to change; exit 1 when a mailbox provider would reject one', options: DOCTOR_OPTIONS },
  backup: { usage: '<file>', summary: 'a consistent copy of the database while serve keeps running (VACUUM INTO), checked', options: BACKUP_OPTIONS },
  rules: { usage: '', summary: 'the rule catalogue', options: RULES_OPTIONS },
  requirements: { usage: '', summary: 'what each big receiver requires of senders (Gmail, Yahoo, Outlook.com, T-Online, GMX/Web.de, IONOS), the rules that show each requirement, and where the receiver says so', options: REQUIREMENTS_OPTIONS },
};
