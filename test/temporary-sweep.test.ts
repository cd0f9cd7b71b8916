/**
 * The core promise, swept end to end: for each audit below, every lookup it
 * makes is failed in turn (SERVFAIL, REFUSED, no answer) at the real test DNS
 * server, and no rule may then say anything but what it said with clean DNS
 * or `error` (or, for a check that only runs when something fails, pass or info). A temporary failure never becomes fail, warn or skip, and the
 * report is partial whenever one was seen.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeDirectQuery } from '../src/dns/direct-node.js';
import { audit } from '../src/pipeline/audit.js';
import { messageTarget } from '../src/message/target.js';
import type { Report, Target } from '../src/core/types.js';
import type { Fault } from './support/dns-server.js';
import { buildMessage, postfixHop } from './support/messages.js';
import { useFixtureDns } from './support/use-dns.js';
import { checkBounce, type BounceResult } from '../src/bounce/check.js';
import { receivers } from '../rules/receivers/index.js';
import { watchOnce, type WatchState } from '../src/watch/poll.js';

const dns = useFixtureDns({ timeoutMs: 120, retries: 0 });
let direct: ReturnType<typeof createNodeDirectQuery> | undefined;
afterAll(() => direct?.close());
// The fixture zones' nameservers are the test server itself: a fault on a name fails the direct question too.
const deps = (authoritative = false) => {
  direct ??= createNodeDirectQuery({ port: dns.server.port, allowPrivate: true, timeoutMs: 120, retries: 0 });
  return { resolver: dns.resolver, direct, config: { dnsbl: ['bl.example.net'], authoritative } };
};

const unsigned = new TextEncoder().encode(
  buildMessage({
    from: 'News <news@example.com>',
    returnPath: '<bounce@example.com>',
    received: [postfixHop('mail.example.com', 'mail.example.com', '23.192.228.80')],
  }),
);

const AUDITS: [string, () => Promise<Report>][] = [
  ['a clean sender (every rule passes)', () => audit({ ip: '23.192.228.80', helo: 'mail.example.com', mailFrom: 'bounce@example.com', from: 'news@example.com' }, deps())],
  ['a HELO claiming Gmail from an IP whose PTR points elsewhere', () => audit({ ip: '192.0.2.18', helo: 'gmail.com', from: 'news@example.org' } satisfies Target, deps())],
  ['two PTR names, only the second confirmed', () => audit({ ip: '192.0.2.16', helo: 'mx2.example.com', mailFrom: 'a@example.net' }, deps())],
  ['an IPv6 sender', () => audit({ ip: '2001:db8::25', helo: 'mail6.example.com', from: 'x@example.com' }, deps())],
  ['an unsigned message (DMARC through SPF alone)', () => audit(messageTarget(unsigned), deps())],
  ['a missing PTR: the reverse zone\'s own servers asked', () => audit({ ip: '192.0.2.11', helo: 'mail.example.com' }, deps())],
  ['FCrDNS failing: the PTR name\'s DNS host asked too', () => audit({ ip: '192.0.2.17' }, deps())],
  ['a clean sender cross-checked at the zone\'s servers (--authoritative)', () => audit({ ip: '23.192.228.80' }, deps(true))],
];

const FAULTS: Fault[] = [{ kind: 'servfail' }, { kind: 'refused' }, { kind: 'timeout' }];
const statuses = (r: Report) => Object.fromEntries(r.results.map((x) => [x.rule, x.status]));
const outcomes = (r: Report) => Object.fromEntries(r.receivers.map((x) => [x.id, x.outcome]));
/** Each receiver requirement's state, and each program's enforced verdict (Outlook.com's 5.7.515). */
const requirementStates = (r: Report) => Object.fromEntries((r.requirements ?? []).flatMap((p) => [
  ...p.requirements.map((q) => [`${p.id}/${q.id}`, q.state] as const),
  ...(p.verdict ? [[`${p.id} verdict`, p.verdict.outcome] as const] : []),
]));

/** Runs `run` with clean DNS (unless given its result), then once per lookup of `lookups` and fault; collects what `compare` finds wrong. */
async function sweep<T>(lookups: string[], run: () => Promise<T>, compare: (clean: T, after: T, what: string) => string[], given?: T): Promise<string[]> {
  const clean = given ?? (await run());
  const wrong: string[] = [];
  for (const lookup of lookups) {
    const [type, name] = lookup.split(' ') as [string, string];
    for (const fault of FAULTS) {
      dns.server.setFault(name, fault, type);
      try {
        wrong.push(...compare(clean, await run(), `${lookup} ${fault.kind}`));
      } finally {
        dns.server.setFault(name, null, type);
      }
    }
  }
  return wrong;
}

/** Every lookup an audit of this IP makes, the reverse zone's own servers asked: what a bounce re-check and a watch look ask too. */
async function lookupsOf(ip: string): Promise<string[]> {
  const report = await audit({ ip }, deps(true));
  return [...new Set(report.dns.map((d) => `${d.type} ${d.name}`))];
}

describe('a temporary DNS failure is never a verdict', () => {
  it.each(AUDITS)('%s', async (_name, run) => {
    const clean = await run();
    expect(clean.partial).toBe(false);
    const before = statuses(clean);
    const was = outcomes(clean);
    const required = requirementStates(clean);
    expect(Object.keys(required).length).toBeGreaterThan(50);
    const lookups = [...new Set(clean.dns.map((d) => `${d.type} ${d.name}`))];
    expect(lookups.length).toBeGreaterThan(3);
    const wrong = await sweep(lookups, run, (_clean, report, what) => {
      const problems: string[] = [];
      const after = statuses(report);
      for (const [rule, status] of Object.entries(after)) {
        // A failure may make an audit look further (a PTR that fails sends it to the zone's own servers): a check
        // that did not run before may then pass or inform. It may never fail, warn, or stop being judged.
        const lookedFurther = before[rule] === 'skip' && (status === 'pass' || status === 'info');
        if (status !== before[rule] && status !== 'error' && !lookedFurther) problems.push(`${what}: ${rule} ${before[rule]} → ${status}`);
      }
      const [type, name] = what.split(' ') as [string, string];
      const failedSeen = report.dns.some((d) => d.name === name && d.type === type && d.outcome !== 'ok' && d.outcome !== 'nxdomain' && d.outcome !== 'nodata');
      if (failedSeen && Object.values(after).some((s) => s === 'error') !== report.partial) problems.push(`${what}: partial is ${report.partial}`);
      if (report.verdict === 'fail' && clean.verdict !== 'fail') problems.push(`${what}: verdict fail (was ${clean.verdict})`);
      // A receiver's prediction is the clean one or 'unknown': never another answer guessed from a failed lookup.
      for (const [id, outcome] of Object.entries(outcomes(report))) {
        if (outcome !== was[id] && outcome !== 'unknown') problems.push(`${what}: receiver ${id} ${was[id]} → ${outcome}`);
      }
      // A requirement is as it was or cannot tell; a program's verdict as it was or unknown.
      for (const [id, state] of Object.entries(requirementStates(report))) {
        if (state !== required[id] && state !== 'cannot-tell' && state !== 'unknown') problems.push(`${what}: requirement ${id} ${required[id]} → ${state}`);
      }
      return problems;
    }, clean);
    expect(wrong).toEqual([]);
  });
});

/** Gmail's reply as Postfix quotes it in a bounce, naming the sending IP. */
const gmailBounce = (ip: string) => `<someone@gmail.com>: host gmail-smtp-in.l.google.com[142.250.153.26] said:
    550-5.7.25 [${ip}] The IP address sending this message does not have a PTR record setup, or the corresponding
    550-5.7.25 forward DNS entry does not point to the sending IP. As a policy, Gmail does not accept messages from
    550 5.7.25 IPs with missing PTR records. - gsmtp (in reply to end of DATA command)
`;

describe('no word about a state from a failed lookup: the bounce re-check and the watch (issue 26.2)', () => {
  const recheck = (ip: string) => (): Promise<BounceResult> => checkBounce(gmailBounce(ip), receivers, (x) => audit({ ip: x }, deps(true)));

  it.each([
    ['a missing PTR: still there', '192.0.2.11', 'still-there'],
    ['a fixed sender: fixed since', '23.192.228.80', 'fixed'],
  ])('the bounce re-check of %s says the same or cannot-check, for every failed lookup', async (_what, ip, cleanStatus) => {
    expect((await recheck(ip)()).now.status).toBe(cleanStatus);
    const wrong = await sweep(await lookupsOf(ip), recheck(ip), (clean, after, what) =>
      after.now.status === clean.now.status || after.now.status === 'cannot-check' ? [] : [`${what}: ${clean.now.status} → ${after.now.status}`],
    );
    expect(wrong).toEqual([]);
  });

  /** What a look claims: done, cannot tell, published (waiting for caches), or not published. */
  const claim = (s: WatchState) => (s.done ? 'done' : s.cannotTell ? 'cannot-tell' : s.waitSeconds !== undefined ? 'published' : 'not-published');
  it.each([
    ['a published PTR that resolves back: done', '23.192.228.80', 'mail.example.com', 'done'],
    ['a missing PTR: not published', '192.0.2.11', 'mail.example.com', 'not-published'],
  ])('a watch look at %s claims the same or cannot-tell, for every failed lookup', async (_what, ip, expectName, cleanClaim) => {
    const look = () => watchOnce(ip, expectName, { resolver: dns.resolver, resolvers: [{ label: 'test', resolver: dns.resolver }], direct: deps().direct });
    expect(claim(await look())).toBe(cleanClaim);
    const wrong = await sweep(await lookupsOf(ip), look, (clean, after, what) =>
      claim(after) === claim(clean) || claim(after) === 'cannot-tell' ? [] : [`${what}: ${claim(clean)} → ${claim(after)}`],
    );
    expect(wrong).toEqual([]);
  });
});
