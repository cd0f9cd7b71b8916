import rule from './ptr-propagated.js';
import { testRule } from '../test/support/rule-tester.js';
import { answer, evidenceFor } from '../test/support/evidence.js';
import { withZoneServers, type ServerSpec } from '../test/support/zone-evidence.js';
import type { Evidence } from '../src/core/types.js';

const ZONE = '113.0.203.in-addr.arpa';
const ns1 = (ptr: ServerSpec['ptr'], soa = 2026120102): ServerSpec => ({ ns: 'ns1.rdns.example', address: '192.0.2.201', ptr, ...(soa ? { soa } : {}) });
/* soa 0: the server gave no SOA answer at all (it was asked nothing else, or that failed too). */
const ns2 = (ptr: ServerSpec['ptr'], soa = 2026120102): ServerSpec => ({ ns: 'ns2.rdns.example', address: '192.0.2.202', ptr, ...(soa ? { soa } : {}) });

/** The resolver's PTR answer replaced, TTL (what is left of it) included. */
function resolverSaid(e: Evidence, result: string[] | 'nxdomain' | 'servfail' | 'timeout', ttl: number): Evidence {
  const a = answer(e.ip!.reverseName, 'PTR', result, ttl);
  if (result === 'nxdomain') a.ttl = ttl;
  return { ...e, ptr: { ...e.ptr!, answer: a, names: Array.isArray(result) ? result : [] } };
}

const missing = evidenceFor('203.0.113.10', { ptr: 'nxdomain' });
const present = evidenceFor('203.0.113.11', { ptr: ['mx.fresh.example'] });

testRule(rule, [
  {
    why: 'servers and resolver agree on the name',
    evidence: withZoneServers(present, { why: 'asked', zone: { zone: ZONE, servers: [ns1(['mx.fresh.example']), ns2(['mx.fresh.example'])] } }),
    status: 'pass', messageId: 'agree', data: { published: 'mx.fresh.example', servers: 'ns1.rdns.example (192.0.2.201), ns2.rdns.example (192.0.2.202)' },
  },
  {
    why: 'servers and resolver agree there is none (the PTR really is missing)',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [ns1('nxdomain'), ns2('nxdomain')] } }),
    status: 'pass', messageId: 'agree', data: { published: 'none' },
  },
  {
    why: 'the new PTR is published; the resolver cached NXDOMAIN with 2460 s left: 41 minutes, negative TTL',
    evidence: withZoneServers(resolverSaid(missing, 'nxdomain', 2460), { zone: { zone: ZONE, servers: [ns1(['mail.fresh.example']), ns2(['mail.fresh.example'])] } }),
    status: 'info', messageId: 'resolver-stale',
    data: { published: 'mail.fresh.example', cached: 'none', left: '41 minutes', seconds: 2460, ttlKind: { messageId: 'negative-ttl' }, ns: '192.0.2.201', address: '203.0.113.10' },
  },
  {
    why: 'a PTR changed to a new name; the old one is cached for 3 hours 20 minutes (its own TTL)',
    evidence: withZoneServers(resolverSaid(present, ['old.fresh.example'], 12000), { zone: { zone: ZONE, servers: [ns1(['mx.fresh.example'])] } }),
    status: 'info', messageId: 'resolver-stale', data: { cached: 'old.fresh.example', published: 'mx.fresh.example', left: '3 hours 20 minutes', ttlKind: { messageId: 'record-ttl' } },
  },
  {
    why: 'a removed PTR is still cached: published none, cached a name',
    evidence: withZoneServers(resolverSaid(present, ['gone.fresh.example'], 59), { zone: { zone: ZONE, servers: [ns1('nxdomain')] } }),
    status: 'info', messageId: 'resolver-stale', data: { cached: 'gone.fresh.example', published: 'none', left: 'under a minute' },
  },
  {
    why: 'secondaries out of sync: the primary has the name at a newer serial',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [ns1(['mail.fresh.example'], 2026120102), ns2('nxdomain', 2026120101)] } }),
    status: 'warn', messageId: 'servers-disagree', data: { behind: 'ns2.rdns.example', serials: { messageId: 'serials' } },
  },
  {
    why: 'servers disagree at one serial (a broken server, not a transfer in progress): the smaller group is named',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [ns1(['mail.fresh.example']), ns2(['mail.fresh.example']), { ns: 'ns3.rdns.example', address: '192.0.2.203', ptr: 'nxdomain', soa: 2026120102 }] } }),
    status: 'warn', messageId: 'servers-disagree', data: { behind: 'ns3.rdns.example', serials: '' },
  },
  {
    why: 'one server lame, the other answers: judged from the one that answers',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [ns1('nxdomain'), ns2('lame')] } }),
    status: 'pass', messageId: 'agree',
  },
  {
    why: 'the resolver failed but the zone answers: what it publishes is still shown',
    evidence: withZoneServers(resolverSaid(missing, 'servfail', 0), { zone: { zone: ZONE, servers: [ns1(['mail.fresh.example'])] } }),
    status: 'info', messageId: 'resolver-failed', data: { rcode: 'SERVFAIL' },
  },
  {
    why: 'every server lame: nothing authoritative to compare (not a temporary failure)',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [ns1('lame'), ns2('lame')] } }),
    status: 'skip', messageId: 'no-answer',
  },
  {
    why: 'every server timed out: error, never a finding',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [ns1('timeout', 0), ns2('timeout', 0)] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'every server refused: undecided, error',
    evidence: withZoneServers(missing, { zone: { zone: ZONE, servers: [{ ...ns1('refused', 0), twice: true }] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  {
    why: 'servers disagree while the resolver timed out: the disagreement is a fact about the servers, but PTR is undecided',
    evidence: withZoneServers(resolverSaid(missing, 'timeout', 0), { zone: { zone: ZONE, servers: [ns1(['a.fresh.example']), ns2('nxdomain', 2026120101)] } }),
    status: 'error', messageId: 'runner/temporary',
  },
  { why: 'no reverse zone found', evidence: withZoneServers(missing, {}), status: 'skip', messageId: 'no-zone' },
  {
    why: 'RFC 2317: the CNAME target is what the customer zone is asked',
    evidence: withZoneServers(missing, { name: '66.64-127.113.0.203.in-addr.arpa', zone: { zone: '64-127.113.0.203.in-addr.arpa', servers: [ns1('nxdomain')] } }),
    status: 'pass', messageId: 'agree', data: { name: '66.64-127.113.0.203.in-addr.arpa' },
  },
]);
