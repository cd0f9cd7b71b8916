import rule from './forward-propagated.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import { withZoneServers, type ServerSpec } from '../test/support/zone-evidence.js';
import type { Evidence } from '../src/core/types.js';

const host = (a: ServerSpec['a']): ServerSpec => ({ ns: 'ns.fresh.example', address: '192.0.2.206', a, soa: 2026120102 });
/** The resolver's forward answer for the PTR name, with `ttl` seconds left. */
function cached(ip: string, name: string, result: string[] | 'nxdomain' | 'servfail', ttl: number): Evidence {
  const e = evidenceFor(ip, { ptr: [name], forward: { [name]: result } });
  e.forward![0]!.answer!.ttl = ttl;
  return e;
}
const zone = (a: ServerSpec['a'], more: ServerSpec[] = []) => ({ zone: 'fresh.example', servers: [host(a), ...more] });

testRule(rule, [
  {
    why: 'the DNS host and the resolver agree',
    evidence: withZoneServers(evidenceFor('203.0.113.11', { ptr: ['mx.fresh.example'] }), { why: 'asked', forward: [{ name: 'mx.fresh.example', zone: zone(['203.0.113.11']) }] }),
    status: 'pass', messageId: 'agree', data: { type: 'A', zones: 'fresh.example', details: [{ messageId: 'detail', name: 'mx.fresh.example', answer: '203.0.113.11' }] },
  },
  {
    why: 'the new A record is published; the resolver cached the old address for 41 minutes',
    evidence: withZoneServers(cached('203.0.113.12', 'mail12.fresh.example', ['203.0.113.99'], 2460), { why: 'fcrdns-failing', forward: [{ name: 'mail12.fresh.example', zone: zone(['203.0.113.12']) }] }),
    status: 'info', messageId: 'resolver-stale', data: { published: '203.0.113.12', cached: '203.0.113.99', left: '41 minutes', ns: '192.0.2.206' },
  },
  {
    why: 'the name did not exist when cached (negative caching)',
    evidence: withZoneServers(cached('203.0.113.12', 'mail12.fresh.example', 'nxdomain', 300), { why: 'fcrdns-failing', forward: [{ name: 'mail12.fresh.example', zone: zone(['203.0.113.12']) }] }),
    status: 'info', messageId: 'resolver-stale', data: { cached: 'none', left: '5 minutes' },
  },
  {
    why: 'IPv6: AAAA at the DNS host',
    evidence: withZoneServers(evidenceFor('3fff::25', { ptr: ['mail6.fresh.example'] }), { why: 'asked', forward: [{ name: 'mail6.fresh.example', zone: zone(['3fff::25']) }] }),
    status: 'pass', messageId: 'agree', data: { type: 'AAAA' },
  },
  {
    why: 'the DNS host\'s servers disagree',
    evidence: withZoneServers(cached('203.0.113.12', 'mail12.fresh.example', ['203.0.113.99'], 60), {
      why: 'fcrdns-failing',
      forward: [{ name: 'mail12.fresh.example', zone: zone(['203.0.113.12'], [{ ns: 'ns2.fresh.example', address: '192.0.2.207', a: ['203.0.113.99'] }]) }],
    }),
    status: 'warn', messageId: 'servers-disagree', data: { zone: 'fresh.example' },
  },
  {
    why: 'the PTR is missing: no name to follow',
    evidence: withZoneServers(evidenceFor('203.0.113.10', { ptr: 'nxdomain' }), {}),
    status: 'skip', messageId: 'not-checked', data: { reason: 'there is no PTR name to follow' },
  },
  {
    why: 'the name\'s zone could not be found',
    evidence: withZoneServers(cached('203.0.113.12', 'mail12.fresh.example', ['203.0.113.99'], 60), { forward: [{ name: 'mail12.fresh.example', unknownBecause: 'SOA lookup of mail12.fresh.example gave nxdomain' }] }),
    status: 'skip', messageId: 'not-checked', data: { reason: 'SOA lookup of mail12.fresh.example gave nxdomain' },
  },
  {
    why: 'the resolver\'s forward lookup failed and nothing could be compared: error',
    evidence: withZoneServers(cached('203.0.113.12', 'mail12.fresh.example', 'servfail', 0), { forward: [{ name: 'mail12.fresh.example', zone: zone(['203.0.113.12']) }] }),
    status: 'error', messageId: 'runner/temporary',
  },
]);
