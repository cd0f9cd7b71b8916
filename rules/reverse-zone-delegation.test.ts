import rule from './reverse-zone-delegation.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import { withZoneServers } from '../test/support/zone-evidence.js';

const V4 = evidenceFor('203.0.113.10', { ptr: 'nxdomain' });
const rir = { zone: '203.in-addr.arpa', nameservers: ['ns.rir.example'] };
const isp = { zone: '113.0.203.in-addr.arpa', nameservers: ['ns1.rdns.example', 'ns2.rdns.example'] };
const ispServers = { zone: isp.zone, servers: [{ ns: 'ns1.rdns.example', address: '192.0.2.201', ptr: 'nxdomain' as const, soa: 2026120102 }] };

const V6_BROKEN = evidenceFor('3fff:0:2::25', { ptr: 'servfail' });
const V6_NONE = evidenceFor('3fff:0:3::25', { ptr: 'nxdomain' });
const V6_48 = evidenceFor('3fff::25', { ptr: 'nxdomain' });
const REGISTRY = 'f.f.f.3.ip6.arpa';
const child = '2.0.0.0.0.0.0.0.f.f.f.3.ip6.arpa';
const registryServers = (ptr: 'nxdomain' | { referral: string; to: string[] }) => ({ zone: REGISTRY, servers: [{ ns: 'ns.rir.example', address: '192.0.2.209', ptr, soa: 2026110101 }] });

testRule(rule, [
  {
    why: 'RIR → ISP, the ISP\'s servers answer: the path is shown',
    evidence: withZoneServers(V4, { path: [rir, isp], zone: ispServers }),
    status: 'pass', messageId: 'delegated',
    data: { path: [{ messageId: 'step', zone: '203.in-addr.arpa', nameservers: 'ns.rir.example' }, { messageId: 'step', zone: isp.zone, nameservers: 'ns1.rdns.example, ns2.rdns.example' }] },
  },
  {
    why: 'RFC 2317: the block, the CNAME and the customer zone that holds the PTR',
    evidence: withZoneServers(evidenceFor('203.0.113.66', { ptr: 'nxdomain' }), {
      name: '66.64-127.113.0.203.in-addr.arpa',
      path: [rir, isp, { zone: '64-127.113.0.203.in-addr.arpa', nameservers: ['ns.customer.example'] }],
      zone: { zone: '64-127.113.0.203.in-addr.arpa', servers: [{ ns: 'ns.customer.example', address: '192.0.2.207', ptr: 'nxdomain', soa: 2026112001 }] },
      classless: { block: '203.0.113.64/26', zone: '64-127.113.0.203.in-addr.arpa', cname: '66.64-127.113.0.203.in-addr.arpa' },
    }),
    status: 'info', messageId: 'classless', data: { block: '203.0.113.64/26', cname: '66.64-127.113.0.203.in-addr.arpa', nameservers: 'ns.customer.example' },
  },
  {
    why: 'an ip6.arpa delegation to a server without the zone (REFUSED, no SOA): a definite failure, though the PTR lookup only times out',
    evidence: withZoneServers(V6_BROKEN, {
      why: 'ptr-failed',
      zone: registryServers({ referral: child, to: ['ns.customer6.example'] }),
      delegatedFurther: { zone: child, servers: [{ ns: 'ns.customer6.example', address: '192.0.2.208', soa: 'refused', ptr: 'refused', twice: true }] },
    }),
    status: 'fail', messageId: 'broken-delegation',
    data: { parent: REGISTRY, child, nameservers: 'ns.customer6.example', problems: [{ messageId: 'refused', server: 'ns.customer6.example (192.0.2.208)' }] },
  },
  {
    why: 'a delegation to a server that answers without authority: lame, broken',
    evidence: withZoneServers(V6_BROKEN, {
      zone: registryServers({ referral: child, to: ['cache.example'] }),
      delegatedFurther: { zone: child, servers: [{ ns: 'cache.example', address: '192.0.2.210', soa: 'lame' }] },
    }),
    status: 'fail', messageId: 'broken-delegation', data: { problems: [{ messageId: 'lame' }] },
  },
  {
    why: 'a delegation to a server that does not answer: broken (the child servers, not a lookup of ours, are what fails)',
    evidence: withZoneServers(V6_BROKEN, {
      zone: registryServers({ referral: child, to: ['quiet.example'] }),
      delegatedFurther: { zone: child, servers: [{ ns: 'quiet.example', address: '192.0.2.211', soa: 'timeout' }] },
    }),
    status: 'fail', messageId: 'broken-delegation', data: { problems: [{ messageId: 'silent' }] },
  },
  {
    why: 'a delegation whose child servers do serve the zone: fine',
    evidence: withZoneServers(V6_BROKEN, {
      path: [{ zone: REGISTRY, nameservers: ['ns.rir.example'] }],
      zone: registryServers({ referral: child, to: ['ns.customer6.example'] }),
      delegatedFurther: { zone: child, servers: [{ ns: 'ns.customer6.example', address: '192.0.2.208', soa: 2026120101, ptr: 'nxdomain' }] },
    }),
    status: 'pass', messageId: 'delegated',
  },
  {
    why: 'an IPv6 /64 with no reverse zone: only the registry\'s /16 answers NXDOMAIN',
    evidence: withZoneServers(V6_NONE, { path: [{ zone: REGISTRY, nameservers: ['ns.rir.example'], contact: 'dns-admin@rir.example' }], zone: registryServers('nxdomain') }),
    status: 'info', messageId: 'no-v6-zone', data: { zone: REGISTRY, bits: 16, zone64: '0.0.0.0.3.0.0.0.0.0.0.0.f.f.f.3.ip6.arpa', contact: ' (dns-admin@rir.example)' },
  },
  {
    why: 'an IPv6 /48 zone of the customer\'s own, without the PTR: the zone exists, just no record',
    evidence: withZoneServers(V6_48, { zone: { zone: '0.0.0.0.0.0.0.0.f.f.f.3.ip6.arpa', servers: [{ ns: 'ns1.rdns.example', address: '192.0.2.201', ptr: 'nxdomain', soa: 1 }] } }),
    status: 'pass', messageId: 'delegated',
  },
  {
    why: 'the registry\'s servers all time out: error',
    evidence: withZoneServers(V6_NONE, { zone: { zone: REGISTRY, servers: [{ ns: 'ns.rir.example', address: '192.0.2.209', ptr: 'timeout', soa: 'timeout' }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'the registry\'s servers all answer without authority: nothing to follow (not temporary)',
    evidence: withZoneServers(V6_NONE, { zone: { zone: REGISTRY, servers: [{ ns: 'ns.rir.example', address: '192.0.2.209', ptr: 'lame', soa: 'lame' }] } }),
    status: 'skip', messageId: 'no-answer', data: { zone: REGISTRY },
  },
  { why: 'no reverse zone found at all', evidence: withZoneServers(V4, {}), status: 'skip', messageId: 'no-zone' },
]);
