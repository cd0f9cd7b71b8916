/**
 * Every sentence the project says about a result reads whole (issue 26.4):
 * no empty slot ("NS lookup of  gave nodata"), no undefined, null, NaN or
 * [object Object]. Rules' messages, fragments and remedies are checked row
 * by row by the RuleTester (test/support/rule-tester.ts); here, the words
 * outside the rule catalogue: receivers' replies and requirements, the watch's
 * notes and states, the bounce decoder's notes and meanings, and the shared
 * words for servers, built from tables and from the fixture worlds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holesIn } from '../src/report/holes.js';
import { receivers } from '../rules/receivers/index.js';
import { catalogue } from '../rules/index.js';
import { judgeReceiver } from '../src/core/receivers.js';
import type { RuleResult, Status } from '../src/core/types.js';
import { unansweredNote, watchOnce, type WatchSource } from '../src/watch/poll.js';
import { renderWatch } from '../src/watch/text.js';
import { decodeBounce } from '../src/bounce/decode.js';
import { BOUNCE_NOW } from '../src/bounce/words.js';
import { IANA_CODES, REPLY_CODES } from '../src/bounce/iana-codes.js';
import { SERVER_PROBLEM_WORDS, ZONE_CHECK_WHY } from '../src/report/zone-words.js';
import { startDnsNetwork, type DnsNetwork } from './support/dns-network.js';
import { createNodeResolver, type ClosableResolver } from '../src/dns/node.js';
import { createNodeDirectQuery } from '../src/dns/direct-node.js';
import { repoRoot } from './support/repo-root.js';

const whole = (text: string) => expect(holesIn(text), text).toEqual([]);

describe('holesIn finds what a reader would trip over', () => {
  it.each([
    ['mail.example.com: NS lookup of  gave nodata', ['an empty slot (two spaces)']],
    ['the zone undefined has no servers', ['undefined']],
    ['answered null', ['null']],
    ['serial NaN', ['NaN']],
    ['servers: [object Object]', ['[object …]']],
    ['lookup of {zone} failed', ['an unfilled placeholder']],
    ['the servers ( ) agree', ['an empty slot (a space before punctuation)', 'an empty slot (empty brackets)']],
    ['the servers () agree', ['an empty slot (empty brackets)']],
    ['the name  .', ['an empty slot (two spaces)', 'an empty slot (a space before punctuation)']],
    ["PTR '' is not a name", ['an empty quotation']],
  ])('%j → %j', (text, found) => {
    expect(holesIn(text)).toEqual(found);
  });

 it.each(['publishes a null MX (RFC 7505)', 'Other or undefined mail system status (RFC 3463)', 'the HELO [] holds no address', 'ns1.example.net (192.0.2.53) answers mail.example.com; serial 2026120701.'])('%j reads whole', (text) => {
    expect(holesIn(text)).toEqual([]);
  });
});

/** Every rule passes except those named. */
const results = (overrides: Record<string, Status> = {}): RuleResult[] => catalogue.map((r) => ({ rule: r.meta.id, status: overrides[r.meta.id] ?? 'pass', messageId: 'x' }));

describe('receivers', () => {
  // Each verdict reached once (its own condition's rules failing), then everything in error.
  const tables = receivers.flatMap((spec) => {
    const rulesOf = (c: unknown): string[] => JSON.stringify(c).match(/"rule":"([^"]+)"/g)?.map((m) => m.slice(8, -1)) ?? [];
    return [
      ...spec.verdicts.map((v, i) => [`${spec.id} verdict ${i + 1}`, spec, Object.fromEntries(rulesOf(v.when).map((r) => [r, 'fail' as Status]))] as const),
      [`${spec.id} with every rule in error`, spec, Object.fromEntries(catalogue.map((r) => [r.meta.id, 'error' as Status]))] as const,
    ];
  });
  it.each(tables)('%s reads whole', (_what, spec, overrides) => {
    for (const ip of [4, 6] as const) {
      const v = judgeReceiver(spec, results(overrides), ip, { ip: ip === 4 ? '192.0.2.25' : '2001:db8::25', helo: 'mail.example.com' });
      for (const text of [v.name, v.reply, v.requirement, v.source, ...(v.unknown ?? []), ...(v.possible ?? []), ...v.rules]) if (text !== '') whole(text);
      expect(v.reply).not.toMatch(/\$SenderIPAddress|\$Helo/);
    }
  });
  it.each(receivers.map((r) => [r.id, r] as const))('%s: its accept line and every code meaning read whole', (_id, spec) => {
    if (spec.accept !== '') whole(spec.accept);
    for (const meaning of Object.values(spec.codes)) whole(meaning);
  });
});

describe('the watch', () => {
  it.each(Object.keys(SERVER_PROBLEM_WORDS).concat(['lame', 'referral', 'refused', 'servfail']))('a server that gave %s: its note reads whole', (problem) => {
    const row: WatchSource = { kind: 'authoritative', server: 'ns1.example.net', address: '192.0.2.53', problem, sees: false };
    whole(unansweredNote(row));
    whole(unansweredNote({ kind: 'authoritative', server: 'ns1.example.net', problem, sees: false }));
  });

  let net: DnsNetwork;
  let resolver: ClosableResolver;
  let direct: ReturnType<typeof createNodeDirectQuery>;
  beforeAll(async () => {
    net = await startDnsNetwork();
    resolver = createNodeResolver({ servers: [{ host: '127.0.0.1', port: net.port }], timeoutMs: 300, retries: 0 });
    direct = createNodeDirectQuery({ port: net.port, allowPrivate: true, timeoutMs: 300, retries: 0 });
  });
  afterAll(async () => {
    resolver.close();
    direct.close();
    await net.close();
  });

  // Each situation of the zone-servers world: published, cached, lame and dead servers, RFC 2317, an unreachable
  // address, no reverse zone, a forward name in a zone the resolver refuses, and a forward name under no zone.
  it.each([
    ['203.0.113.10', 'mail.fresh.example'],
    ['203.0.113.12', 'mail12.fresh.example'],
    ['203.0.113.66', undefined],
    ['3fff::25', 'mail6.fresh.example'],
    ['3fff:0:1::25', undefined],
    ['3fff:0:2::25', undefined],
    ['3fff:0:3::25', undefined],
    ['3fff:0:5::140', 'mail140.fresh.example'],
    ['203.0.113.10', 'nothing.example'],
    ['203.0.113.10', 'mail.example.com'],
  ])('a look at %s (expecting %s): notes, what it cannot tell and the text read whole', async (ip, expectName) => {
    const state = await watchOnce(ip, expectName, { resolver, resolvers: [{ label: '127.0.0.1', resolver }], direct });
    for (const n of [...state.notes, ...(state.cannotTell ?? [])]) whole(n);
    // The table pads its columns; the sentences under it are what must read whole.
    for (const line of renderWatch(state, 1000).split('\n').filter((l) => l.startsWith('note:') || /^(Every|Published|Not published|Cannot tell)/.test(l))) whole(line);
  });
});

describe('bounces', () => {
  it.each(Object.entries(BOUNCE_NOW))('now: %s reads whole', (_status, words) => whole(words));
  it.each(Object.entries({ ...IANA_CODES, ...REPLY_CODES }))('the registry\'s %s reads whole', (_code, words) => whole(words));

  const dir = join(repoRoot(), 'fixtures', 'bounces');
  it.each(readdirSync(dir).filter((f) => f !== 'README.md'))('%s: decoded notes and meanings read whole', (file) => {
    const b = decodeBounce(readFileSync(join(dir, file), 'utf8'), receivers);
    for (const text of [...b.notes, b.meaning, b.iana].filter((x): x is string => x !== undefined)) whole(text);
  });
});

describe('shared words', () => {
  it.each(Object.entries({ ...SERVER_PROBLEM_WORDS, ...ZONE_CHECK_WHY }))('%s: %s', (_key, words) => whole(words));
});
