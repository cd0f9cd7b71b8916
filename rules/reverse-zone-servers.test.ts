import rule from './reverse-zone-servers.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import { withZoneServers, type ServerSpec } from '../test/support/zone-evidence.js';

const ZONE = '1.0.0.0.0.0.0.0.f.f.f.3.ip6.arpa';
const PARENT = 'f.f.f.3.ip6.arpa';
const NS_SET = ['ns1.rdns.example', 'ns2.rdns.example'];
const good = (n: 1 | 2, serial = 2026112501, nsSet: string[] = NS_SET): ServerSpec => ({ ns: `ns${n}.rdns.example`, address: `192.0.2.20${n}`, soa: serial, nsSet });
const base = evidenceFor('3fff:0:1::25', { ptr: ['mail6b.fresh.example'] });
const parentSays = (to: string[]) => ({ zone: PARENT, servers: [{ ns: 'ns.rir.example', address: '192.0.2.209', nsSet: { referral: ZONE, to } }] });
const path = [{ zone: PARENT, nameservers: ['ns.rir.example'] }, { zone: ZONE, nameservers: NS_SET, contact: 'hostmaster@rdns.example' }];

testRule(rule, [
  {
    why: 'two servers, one serial, one NS set, matching the parent\'s delegation',
    evidence: withZoneServers(base, { path, zone: { zone: ZONE, servers: [good(1), good(2)] }, parent: parentSays(NS_SET) }),
    status: 'pass', messageId: 'healthy', data: { serial: 2026112501, parentNote: { messageId: 'parent-note', parent: PARENT } },
  },
  {
    why: 'healthy without a parent seen (the walk found no cut above)',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1)] } }),
    status: 'pass', messageId: 'healthy', data: { parentNote: '' },
  },
  {
    why: 'a lame server (REFUSED twice) and a silent one beside a working one',
    evidence: withZoneServers(base, {
      path,
      zone: { zone: ZONE, servers: [good(1), { ns: 'lame.rdns.example', address: '192.0.2.204', soa: 'refused', twice: true }, { ns: 'quiet.rdns.example', address: '192.0.2.205', soa: 'timeout' }] },
    }),
    status: 'warn', messageId: 'problems',
    data: {
      operator: ' (hostmaster@rdns.example)',
      problems: [
        { messageId: 'refused', server: 'lame.rdns.example (192.0.2.204)', twice: { messageId: 'twice' } },
        { messageId: 'silent', server: 'quiet.rdns.example (192.0.2.205)' },
      ],
    },
  },
  {
    why: 'a server answering without AA is lame',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1), { ns: 'cache.rdns.example', address: '192.0.2.206', soa: 'lame' }] } }),
    status: 'warn', messageId: 'problems', data: { problems: [{ messageId: 'lame', server: 'cache.rdns.example (192.0.2.206)' }] },
  },
  {
    why: 'SERVFAIL from one server (it cannot load the zone)',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1), { ns: 'ns2.rdns.example', address: '192.0.2.202', soa: 'servfail', twice: true }] } }),
    status: 'warn', messageId: 'problems', data: { problems: [{ messageId: 'servfail' }] },
  },
  {
    why: 'an NS name without an address',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1), { ns: 'ghost.rdns.example', address: null }] } }),
    status: 'warn', messageId: 'problems', data: { problems: [{ messageId: 'no-address', server: 'ghost.rdns.example' }] },
  },
  {
    why: 'serials differ: a change has not reached a secondary',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1, 2026120102), good(2, 2026120101)] } }),
    status: 'warn', messageId: 'problems', data: { problems: [{ messageId: 'serials-differ' }] },
  },
  {
    why: 'the servers list different NS sets',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1), good(2, 2026112501, [...NS_SET, 'ns3.rdns.example'])] } }),
    status: 'warn', messageId: 'problems', data: { problems: [{ messageId: 'ns-differ' }] },
  },
  {
    why: 'the parent delegates to another set than the zone lists',
    evidence: withZoneServers(base, { path, zone: { zone: ZONE, servers: [good(1), good(2)] }, parent: parentSays(['ns1.rdns.example', 'old.rdns.example']) }),
    status: 'warn', messageId: 'problems',
    data: { problems: [{ messageId: 'parent-differs', parent: PARENT, parentSet: 'ns1.rdns.example, old.rdns.example', childSet: 'ns1.rdns.example, ns2.rdns.example' }] },
  },
  {
    why: 'every server answers without AA: nobody serves the zone (a definite failure)',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [{ ns: 'a.example', address: '192.0.2.1', soa: 'lame' }, { ns: 'b.example', address: '192.0.2.2', soa: 'lame' }] } }),
    status: 'fail', messageId: 'all-lame',
  },
  {
    why: 'every server refuses: undecided (a refusal may be rate limiting), error',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [{ ns: 'a.example', address: '192.0.2.1', soa: 'refused', twice: true }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'every server silent: error, never a finding',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [{ ns: 'a.example', address: '192.0.2.1', soa: 'timeout' }, { ns: 'b.example', address: '192.0.2.2', soa: 'timeout' }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'one NS name\'s address lookup failed temporarily beside a working server: unknown, not "no address"',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1), { ns: 'b.example', address: null, addressTemporary: true }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'NS addresses failed to resolve temporarily: error',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [{ ns: 'a.example', address: null, addressTemporary: true }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'a malformed answer from the only server: error',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [{ ns: 'a.example', address: '192.0.2.1', soa: 'error' }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'every nameserver at a private address: a public server does not ask them, and says so',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [{ ns: 'ns.lan', address: '10.0.0.53', soa: 'not-asked' }] } }),
    status: 'skip', messageId: 'not-asked', data: { servers: 'ns.lan (10.0.0.53)' },
  },
  {
    why: 'one private nameserver beside a public one: a finding (unreachable from the Internet)',
    evidence: withZoneServers(base, { zone: { zone: ZONE, servers: [good(1), { ns: 'ns.lan', address: '10.0.0.53', soa: 'not-asked' }] } }),
    status: 'warn', messageId: 'problems', data: { problems: [{ messageId: 'not-asked', server: 'ns.lan (10.0.0.53)' }] },
  },
  { why: 'no reverse zone found', evidence: withZoneServers(base, {}), status: 'skip', messageId: 'no-zone' },
]);
