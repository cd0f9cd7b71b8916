import { defineRule } from '../src/core/rule.js';
import type { Fragment, ZoneAtServers } from '../src/core/types.js';
import { answerOf, answerWords, isDefinite, problemOf, serialOf, serverLabel, someoneAnswered } from './lib/zone-servers.js';

export default defineRule({
  meta: {
    id: 'reverse-zone-servers',
    title: 'Every nameserver of the reverse zone serves it, in step',
    failureTitle: 'The reverse zone\'s nameservers are broken or out of step',
    rationale: 'Resolvers pick any listed nameserver: a lame or dead one makes PTR lookups fail or time out at random (receivers then defer or reject), and servers out of step give old and new answers side by side.',
    weight: 2,
    severity: 'major',
    refs: ['RFC 1912 §2.8 (lame delegation)', 'RFC 1034 §4.2.2', 'RFC 1996', 'Zonemaster DELEGATION and CONSISTENCY tests'],
    requires: ['zoneServers'],
    lookups: ['zoneServers'],
    messages: {
      healthy: 'Every server of {zone} ({count}) answers for it from its own data, with one SOA serial ({serial}) and one NS set{parentNote}.',
      problems: '{zone}: {problems}.',
      'all-lame': 'No listed server of {zone} serves it: {problems}. Every lookup in the zone fails.',
      'no-zone': 'No reverse zone was found, so there were no servers to check.',
      'not-asked': 'Every nameserver of {zone} is at a private, loopback or reserved address ({servers}), so this server did not ask them; from the Internet they cannot be reached at all.',
    },
    fragments: {
      lame: '{server} answers without authority (AA bit clear): a lame delegation',
      refused: '{server} refuses questions for the zone (REFUSED{twice}): a lame delegation',
      servfail: '{server} answers SERVFAIL{twice}: it cannot load the zone',
      silent: '{server} does not answer at all ({detail})',
      'no-address': '{server} has no address ({detail})',
      'not-asked': '{server} is at a private or reserved address, unreachable from the Internet',
      twice: ' twice',
      'serials-differ': 'the SOA serials differ ({list}): a change has not reached every server',
      'ns-differ': 'the servers list different NS sets ({list})',
      'parent-differs': 'the parent zone {parent} delegates to {parentSet}, but the zone itself lists {childSet}',
      'parent-note': ', matching the delegation in {parent}',
      set: '{servers}: {set}',
    },
    remedies: {
      problems: 'Lame, silent or lagging servers are for the operator of {zone}{operator} to fix (load the zone on every listed server, or stop listing the server). A delegation that differs from the zone\'s own NS set is corrected by whoever holds the parent zone {parent}, at the zone operator\'s request.',
      'all-lame': 'The operator of {zone}{operator} must load the zone on its listed servers, or the holder of {parent} must delegate it to servers that do.',
    },
  },
  run({ zoneServers: z }) {
    if (!z.zone) return { status: 'skip', messageId: 'no-zone' };
    const zone = z.zone;
    const apex = zone.zone;
    const problems: Fragment[] = [];
    for (const s of zone.servers) {
      const kind = problemOf(s, 'SOA', apex);
      if (!kind) continue;
      const a = answerOf(s, 'SOA', apex);
      const twice = a?.attempts === 2 ? { messageId: 'twice' } : '';
      problems.push({ messageId: kind, server: serverLabel(s), twice, detail: s.addressProblem ?? a?.detail ?? a?.rcode ?? '' });
    }
    if (zone.servers.length > 0 && zone.servers.every((s) => problemOf(s, 'SOA', apex) === 'not-asked')) {
      return { status: 'skip', messageId: 'not-asked', data: { zone: apex, servers: zone.servers.map(serverLabel).join(', ') } };
    }
    const base = { zone: apex, parent: z.parent?.zone ?? 'the parent zone', operator: operatorNote(z.path.at(-1)) };
    if (!someoneAnswered(zone, 'SOA', apex)) return { status: 'fail', messageId: 'all-lame', data: { ...base, problems } };
    const serials = zone.servers.map((s) => ({ s, serial: serialOf(s, apex) })).filter((x) => x.serial !== undefined);
    if (new Set(serials.map((x) => x.serial)).size > 1) problems.push({ messageId: 'serials-differ', list: serials.map((x) => `${serverLabel(x.s)} ${x.serial}`).join(', ') });
    const nsSets = setsBy(zone, apex);
    if (nsSets.size > 1) problems.push({ messageId: 'ns-differ', list: [...nsSets].map(([set, servers]) => ({ messageId: 'set', set, servers })) });
    const childSet = [...nsSets.keys()][0] ?? [...zone.nameservers].sort().join(', ');
    const parentSets = z.parent ? delegationSets(z.parent, apex) : new Set<string>();
    const parentSet = [...parentSets][0];
    if (parentSet !== undefined && (parentSets.size > 1 || parentSet !== childSet)) {
      problems.push({ messageId: 'parent-differs', parent: z.parent!.zone, parentSet: [...parentSets].join(' / '), childSet });
    }
    if (problems.length > 0) return { status: 'warn', messageId: 'problems', data: { ...base, problems } };
    const parentNote: Fragment | string = parentSet !== undefined ? { messageId: 'parent-note', parent: z.parent!.zone } : '';
    return { status: 'pass', messageId: 'healthy', data: { ...base, count: zone.servers.map(serverLabel).join(', '), serial: serials[0]?.serial ?? 'unknown', parentNote } };
  },
});

/** " (hostmaster@isp.example)" from the zone's SOA contact, when known. */
function operatorNote(step: { contact?: string } | undefined): string {
  return step?.contact ? ` (${step.contact})` : '';
}

/** The zone's NS set as each server gives it, grouped: set → servers. */
function setsBy(z: ZoneAtServers, apex: string): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const s of z.servers) {
    const a = answerOf(s, 'NS', apex);
    if (!isDefinite(a) || a!.outcome !== 'ok') continue;
    const words = answerWords(a)!;
    out.set(words, [...(out.get(words) ?? []), serverLabel(s)]);
  }
  return new Map([...out].map(([k, v]) => [k, v.join(', ')]));
}

/** The NS sets the parent's servers give for the zone: a referral (AA clear) or, if they serve both zones, an answer. */
function delegationSets(parent: ZoneAtServers, apex: string): Set<string> {
  const sets = new Set<string>();
  for (const s of parent.servers) {
    const a = answerOf(s, 'NS', apex);
    if (!a) continue;
    const names = a.outcome === 'ok' ? a.records.map((r) => r.data) : a.referral.filter((r) => r.name === apex).map((r) => r.data);
    if (names.length > 0) sets.add([...new Set(names)].sort().join(', '));
  }
  return sets;
}
