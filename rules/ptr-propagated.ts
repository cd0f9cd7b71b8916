import { defineRule } from '../src/core/rule.js';
import type { Fragment } from '../src/core/types.js';
import { isTemporary } from '../src/core/temporary.js';
import { answerOf, answerWords, groupBy, problemOf, serialOf, serverLabel, timeLeft } from './lib/zone-servers.js';

export default defineRule({
  meta: {
    id: 'ptr-propagated',
    title: 'The reverse zone\'s own servers and your resolver give the same PTR',
    failureTitle: 'The reverse zone\'s servers do not all give the same PTR yet',
    rationale: 'After a PTR change, the zone\'s own servers show it at once while resolvers keep the old answer for its TTL (or the negative TTL, RFC 2308): this tells "wait" from "it did not work".',
    weight: 1,
    severity: 'info',
    refs: ['RFC 2308 §5 (negative caching)', 'RFC 1034 §4.3.2 (authoritative answers)', 'RFC 1996 (zone change notification)'],
    requires: ['ip', 'ptr', 'zoneServers'],
    lookups: ['ptr', 'zoneServers'],
    messages: {
      agree: 'The zone\'s own servers ({servers}) and your resolver give the same answer for {name}: {published}. Nothing stale is cached.',
      'resolver-stale': 'The zone\'s own servers ({servers}) already answer {published}; your resolver has cached the old answer ({cached}) for another {left} ({ttlKind}).',
      'resolver-failed': 'The zone\'s own servers ({servers}) answer {published}; your resolver\'s lookup failed ({rcode}), so what receivers see right now is unknown.',
      'servers-disagree': 'The zone\'s own servers do not agree yet: {groups}{serials}. The provider\'s change is still reaching all of its servers.',
      'no-answer': 'None of the zone\'s servers answered for {name} from its own data ({problems}); see the reverse-zone-servers finding.',
      'no-zone': 'No reverse zone was found, so there were no servers to ask.',
    },
    fragments: {
      'negative-ttl': 'the negative-caching TTL from the zone\'s SOA, RFC 2308',
      'record-ttl': 'the old record\'s TTL',
      group: '{answer} from {servers}',
      serials: ' (SOA serials: {list})',
      problem: '{server}: {problem}',
    },
    remedies: {
      'resolver-stale': 'Nothing to change: the new answer is published. Receivers\' resolvers cached the old answer too and all will see the new one within {left}. To see it now: dig @{ns} -x {address} +norecurse',
      'servers-disagree': 'Wait for the lagging servers ({behind}) to load the new zone; secondaries pick up a change within the SOA refresh interval. If they still differ after that, tell whoever runs the zone ({zone}) that transfers to them fail.',
      'no-answer': 'Tell whoever runs the zone {zone}: none of its listed nameservers serves it (see reverse-zone-servers for each one).',
    },
  },
  run({ ip, ptr, zoneServers: z }) {
    if (!z.zone) return { status: 'skip', messageId: 'no-zone' };
    const { name } = z;
    const groups = groupBy(z.zone, 'PTR', name);
    if (groups.size === 0) {
      const problems: Fragment[] = z.zone.servers.map((s) => ({ messageId: 'problem', server: serverLabel(s), problem: problemOf(s, 'PTR', name) ?? 'no answer' }));
      return { status: 'skip', messageId: 'no-answer', data: { name, problems, zone: z.zone.zone } };
    }
    if (groups.size > 1) {
      const list = [...groups].map(([answer, servers]) => ({ messageId: 'group', answer, servers: servers.map(serverLabel).join(', ') }));
      const serialList = z.zone.servers.map((s) => ({ s, serial: serialOf(s, z.zone!.zone) })).filter((x) => x.serial !== undefined);
      const distinct = new Set(serialList.map((x) => x.serial));
      const serials: Fragment | string = distinct.size > 1 ? { messageId: 'serials', list: serialList.map((x) => `${x.s.ns} ${x.serial}`).join(', ') } : '';
      // The lagging side: the servers with the lowest serial, else the smaller group.
      const low = Math.min(...serialList.map((x) => x.serial!));
      const behind = distinct.size > 1 ? serialList.filter((x) => x.serial === low).map((x) => x.s.ns) : [...groups.values()].sort((a, b) => a.length - b.length)[0]!.map((s) => s.ns);
      return { status: 'warn', messageId: 'servers-disagree', data: { name, groups: list, serials, behind: [...new Set(behind)].join(', '), zone: z.zone.zone } };
    }
    const [published, servers] = [...groups][0]!;
    const base = { name, published, servers: servers.map(serverLabel).join(', ') };
    const a = ptr.answer;
    if (isTemporary(a.outcome)) return { status: 'info', messageId: 'resolver-failed', data: { ...base, rcode: a.rcode } };
    const cached = answerWords(a)!;
    if (cached === published) return { status: 'pass', messageId: 'agree', data: base };
    const ttlKind: Fragment = { messageId: a.outcome === 'ok' ? 'record-ttl' : 'negative-ttl' };
    const ns = answerOf(servers[0]!, 'PTR', name)!.address;
    return { status: 'info', messageId: 'resolver-stale', data: { ...base, cached, left: timeLeft(a.ttl), seconds: a.ttl, ttlKind, ns, address: ip.address } };
  },
});
