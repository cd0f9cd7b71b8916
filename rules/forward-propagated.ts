import { defineRule } from '../src/core/rule.js';
import type { Fragment } from '../src/core/types.js';
import { isTemporary } from '../src/core/temporary.js';
import { answerOf, answerWords, groupBy, serverLabel, timeLeft } from './lib/zone-servers.js';

export default defineRule({
  meta: {
    id: 'forward-propagated',
    title: 'The PTR name\'s own DNS servers and your resolver give the same address',
    failureTitle: 'The PTR name\'s own DNS servers do not all give the same address yet',
    rationale: 'FCrDNS also needs the PTR name\'s A/AAAA record, which lives at your domain\'s DNS host: after adding it, its servers show it at once while resolvers keep the old answer for its (negative) TTL.',
    weight: 1,
    severity: 'info',
    refs: ['RFC 2308 §5 (negative caching)', 'RFC 8601 §2.7.3 (iprev)'],
    requires: ['ip', 'ptr', 'forward', 'zoneServers'],
    lookups: ['forward', 'zoneServers'],
    messages: {
      agree: 'The DNS servers of {zones} give the same {type} answers as your resolver: {details}.',
      'resolver-stale': 'The DNS servers of {name} ({servers}) already answer {published}; your resolver has cached the old answer ({cached}) for another {left}.',
      'servers-disagree': 'The DNS servers of {zone} do not agree yet on {name}: {groups}.',
      'not-checked': 'The PTR names\' own DNS servers were not asked ({reason}).',
    },
    fragments: {
      detail: '{name} → {answer}',
      group: '{answer} from {servers}',
    },
    remedies: {
      'resolver-stale': 'Nothing to change: the record is published; resolvers everywhere see it within {left}.',
      'servers-disagree': 'Wait for your DNS host\'s servers to pick up the change; if they still differ after an hour, ask your DNS host (the servers of {zone}) why.',
    },
  },
  run({ ip, ptr, forward, zoneServers: z }) {
    const type = ip.version === 4 ? 'A' : 'AAAA';
    const checked = z.forward.filter((f) => f.zone);
    if (checked.length === 0) {
      const reason = z.forward[0]?.unknownBecause ?? (ptr.names.length === 0 ? 'there is no PTR name to follow' : 'only asked when FCrDNS fails, or with --authoritative');
      return { status: 'skip', messageId: 'not-checked', data: { reason } };
    }
    const details: Fragment[] = [];
    for (const f of checked) {
      const zone = f.zone!;
      const groups = groupBy(zone, type, f.name);
      if (groups.size === 0) continue;
      if (groups.size > 1) {
        const list = [...groups].map(([answer, servers]) => ({ messageId: 'group', answer, servers: servers.map(serverLabel).join(', ') }));
        return { status: 'warn', messageId: 'servers-disagree', data: { zone: zone.zone, name: f.name, groups: list } };
      }
      const [published, servers] = [...groups][0]!;
      const resolved = forward.find((x) => x.name === f.name)?.answer;
      if (!resolved || isTemporary(resolved.outcome)) continue;
      const cached = answerWords(resolved)!;
      if (cached !== published) {
        const data = { name: f.name, published, cached, servers: servers.map(serverLabel).join(', '), left: timeLeft(resolved.ttl), seconds: resolved.ttl, ns: answerOf(servers[0]!, type, f.name)!.address };
        return { status: 'info', messageId: 'resolver-stale', data };
      }
      details.push({ messageId: 'detail', name: f.name, answer: published });
    }
    if (details.length === 0) return { status: 'skip', messageId: 'not-checked', data: { reason: 'no server gave a definite answer' } };
    return { status: 'pass', messageId: 'agree', data: { type, zones: checked.map((f) => f.zone!.zone).join(', '), details } };
  },
});
