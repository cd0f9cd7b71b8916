import rule from './ptr-not-generic.js';
import { testRule, type RuleCase } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { Status } from '../src/core/types.js';

const V4 = '203.0.113.5';
const V6 = '2001:db8::1:c000:250';

/** [ip, PTR name, status, message id, why] */
type Row = [string, string, Status, string, string];

const rows: Row[] = [
  // Named mail hosts and ordinary names pass.
  [V4, 'mail.example.com', 'pass', 'mail-host', 'the classic mail host name'],
  [V4, 'mx1.example.com', 'pass', 'mail-host', 'mx with a number'],
  [V4, 'smtp.example.org', 'pass', 'mail-host', 'smtp label'],
  [V4, 'out.example.net', 'pass', 'mail-host', 'out label'],
  [V4, 'relay2.example.com', 'pass', 'mail-host', 'relay with a number'],
  [V4, 'outbound-7.example.com', 'pass', 'mail-host', 'outbound with a number'],
  [V4, 'mta3.eu.example.com', 'pass', 'mail-host', 'mta in a deeper subdomain'],
  [V4, 'smtp-out3.mail.example.co.uk', 'pass', 'mail-host', 'mail words under a two-label public suffix'],
  [V4, 'mail-203-0-113-5.example.com', 'pass', 'mail-host', 'a deliberate mail name may carry the address'],
  [V4, 'mx113.example.com', 'pass', 'mail-host', 'one octet in the name is not the address'],
  [V4, 'www.example.com', 'pass', 'clean', 'an ordinary host name'],
  [V4, 'example.com', 'pass', 'clean', 'the organizational domain itself'],
  [V4, 'server1.example.co.uk', 'pass', 'clean', 'a named server'],
  [V4, 'www.broadband-experts.com', 'pass', 'clean', 'pool words in the company\'s own domain do not count'],
  [V4, 'dsl-reports.com', 'pass', 'clean', 'dsl in the organizational domain does not count'],
  [V4, 'host.example.com', 'pass', 'clean', 'a weak word alone is not generic'],
  [V4, 'ip.example.com', 'pass', 'clean', '"ip" alone is not generic'],
  [V4, 'res.example.net', 'pass', 'clean', '"res" alone is not generic'],
  [V4, 'host203.example.net', 'pass', 'clean', 'a weak word with one octet is not enough'],
  [V4, '5.example.com', 'pass', 'clean', 'a single number matching the last octet'],
  [V4, 'ns-113.example.com', 'pass', 'clean', 'one octet, no pool words'],
  ['198.51.100.7', 'smtp7.example.com', 'pass', 'mail-host', 'a digit that happens to equal the last octet'],
  // Static assignments are treated like named hosts.
  [V4, 'static-203-0-113-5.isp.example.net', 'pass', 'static', 'static marks a fixed assignment'],
  [V4, '203-0-113-5.static.isp.example.net', 'pass', 'static', 'static as its own label'],
  [V4, 'fixed-ip-203-0-113-5.example.net', 'pass', 'static', 'fixed marks a fixed assignment'],
  [V4, 'dedicated-5.example.net', 'pass', 'static', 'dedicated server naming'],
  // The address spelled out in the name.
  [V4, '203-0-113-5.example.net', 'warn', 'ip-in-name', 'octets with dashes'],
  [V4, '203.0.113.5.example.net', 'warn', 'ip-in-name', 'octets as labels'],
  [V4, '5.113.0.203.example.net', 'warn', 'ip-in-name', 'octets reversed as labels'],
  [V4, '5-113-0-203.example.net', 'warn', 'ip-in-name', 'octets reversed with dashes'],
  [V4, '203000113005.example.net', 'warn', 'ip-in-name', 'zero-padded digits run together'],
  [V4, 'n203-000-113-005.example.net', 'warn', 'ip-in-name', 'zero-padded octets with dashes'],
  [V4, 'cb007105.example.net', 'warn', 'ip-in-name', 'hexadecimal: cb 00 71 05'],
  [V4, 'h3405803781.example.net', 'warn', 'ip-in-name', 'the address as one decimal number'],
  [V4, '0-113-5.example.net', 'warn', 'ip-in-name', 'the last three octets'],
  [V4, 'x203x0x113x5.example.net', 'warn', 'ip-in-name', 'octets with letters between'],
  [V4, 'host-113-5.example.net', 'warn', 'ip-in-name', 'last two octets with a weak word'],
  [V4, 'cust-113-5.example.net', 'warn', 'ip-in-name', 'last two octets with "cust"'],
  [V4, '113-5.res.example.net', 'warn', 'ip-in-name', 'last two octets with "res"'],
  [V4, 'ip-203-0-113-5.eu', 'warn', 'ip-in-name', 'the address in the registrable domain itself (ip-….eu style)'],
  [V4, '203.0.113.5', 'warn', 'ip-in-name', 'the PTR name is the address'],
  ['10.0.0.1', '10-0-0-1.example.net', 'warn', 'ip-in-name', 'private addresses are judged the same way'],
  [V6, '2001-db8--1-c000-250.example.net', 'warn', 'ip-in-name', 'IPv6 with dashes for colons'],
  [V6, '20010db80000000000000001c0000250.example.net', 'warn', 'ip-in-name', 'IPv6 as 32 hex digits'],
  [V6, '0.5.2.0.0.0.0.c.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.example.net', 'warn', 'ip-in-name', 'IPv6 nibbles reversed, ip6.arpa style'],
  [V6, 'host-1-c000-250.example.net', 'warn', 'ip-in-name', 'the last IPv6 groups with a weak word'],
  ['2001:db8::25', 'server.example.com', 'pass', 'clean', 'an IPv6 host with a plain name'],
  ['2001:db8::25', 'mail6.example.com', 'pass', 'mail-host', 'an IPv6 mail host'],
  // Pool words alone.
  [V4, 'dsl.example.net', 'warn', 'dynamic-word', 'dsl label'],
  [V4, 'pool-a.example.net', 'warn', 'dynamic-word', 'pool label'],
  [V4, 'dhcp-client.example.net', 'warn', 'dynamic-word', 'dhcp label'],
  [V4, 'customer.broadband.example.net', 'warn', 'dynamic-word', 'broadband label'],
  [V4, 'dynamicip.example.net', 'warn', 'dynamic-word', 'dyn prefix in a joined word'],
  [V4, 'cpe-abc.example.net', 'warn', 'dynamic-word', 'customer premises equipment'],
  [V4, 'ppp.example.net', 'warn', 'dynamic-word', 'ppp label'],
  [V4, 'static.dsl.example.net', 'warn', 'dynamic-word', 'static does not excuse a dsl name'],
  // Pool words with the address: residential pools.
  [V4, '203-0-113-5.dsl.example.net', 'fail', 'dynamic-pool', 'address and dsl'],
  [V4, 'dyn-203-0-113-5.example.net', 'fail', 'dynamic-pool', 'address and dyn'],
  [V4, '5.113.0.203.dynamic.example.net', 'fail', 'dynamic-pool', 'reversed address and dynamic'],
  [V4, 'pool-113-5.example.net', 'fail', 'dynamic-pool', 'last two octets and pool'],
  [V4, 'adsl-203-0-113-5.example.net', 'fail', 'dynamic-pool', 'address and adsl'],
  [V4, 'cable-203-0-113-5.example.net', 'fail', 'dynamic-pool', 'address and cable'],
  [V4, '203-0-113-5.ftth.example.net', 'fail', 'dynamic-pool', 'address and ftth'],
  [V4, 'dhcp-cb007105.example.net', 'fail', 'dynamic-pool', 'hex address and dhcp'],
  [V4, 'ppp-203-0-113-5.residential.example.net', 'fail', 'dynamic-pool', 'address, ppp and residential'],
  [V4, 'mail-203-0-113-5.dsl.example.net', 'fail', 'dynamic-pool', 'a mail label does not excuse a dsl pool name'],
  [V4, 'static-203-0-113-5.dsl.example.net', 'fail', 'dynamic-pool', 'static does not excuse a dsl pool name'],
  [V6, '2001-db8--1-c000-250.dyn.example.net', 'fail', 'dynamic-pool', 'IPv6 address and dyn'],
  // Cloud and hosting defaults.
  [V4, 'ec2-203-0-113-5.compute-1.amazonaws.com', 'warn', 'cloud-default', 'AWS us-east-1 default'],
  [V4, 'ec2-203-0-113-5.eu-west-1.compute.amazonaws.com', 'warn', 'cloud-default', 'AWS regional default'],
  [V4, '5.113.0.203.bc.googleusercontent.com', 'warn', 'cloud-default', 'Google Cloud default'],
  [V4, 'static.5.113.0.203.clients.your-server.de', 'warn', 'cloud-default', 'Hetzner default, despite "static"'],
  [V4, 'ns3012345.ip-203-0-113.eu', 'warn', 'cloud-default', 'OVHcloud default'],
  [V4, 'li123-45.members.linode.com', 'warn', 'cloud-default', 'Linode legacy default'],
  [V4, '203-0-113-5.ip.linodeusercontent.com', 'warn', 'cloud-default', 'Akamai/Linode default'],
  [V4, '203.0.113.5.vultrusercontent.com', 'warn', 'cloud-default', 'Vultr default'],
  [V4, 'vmi123456.contaboserver.net', 'warn', 'cloud-default', 'Contabo default'],
  [V4, 'myvm.westeurope.cloudapp.azure.com', 'warn', 'cloud-default', 'Azure default'],
  [V4, 'ip-203-0-113-5.ip.secureserver.net', 'warn', 'cloud-default', 'GoDaddy default'],
  [V4, '5-113-0-203.rev.poneytelecom.eu', 'warn', 'cloud-default', 'Scaleway default'],
];

const cases: RuleCase[] = [
  ...rows.map(([ip, name, status, messageId, why]): RuleCase => ({
    why: `${name} (${ip}): ${why}`,
    evidence: evidenceFor(ip, { ptr: [name] }),
    status,
    messageId,
    data: { name },
  })),
  {
    why: 'several PTRs: the worst name decides',
    evidence: evidenceFor(V4, { ptr: ['mail.example.com', '203-0-113-5.dsl.example.net'] }),
    status: 'fail',
    messageId: 'dynamic-pool',
    data: { name: '203-0-113-5.dsl.example.net' },
  },
  { why: 'no PTR: nothing to judge', evidence: evidenceFor(V4, { ptr: 'nxdomain' }), status: 'skip', messageId: 'no-ptr' },
  { why: 'PTR lookup REFUSED: not judged', evidence: evidenceFor(V4, { ptr: 'refused' }), status: 'error', messageId: 'runner/temporary', data: { lookups: ['PTR 5.113.0.203.in-addr.arpa REFUSED'] } },
  {
    why: 'PTR evidence absent: the runner skips',
    evidence: { ...evidenceFor(V4), ptr: undefined },
    status: 'skip',
    messageId: 'runner/missing-input',
  },
];

testRule(rule, cases);
