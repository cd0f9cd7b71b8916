/**
 * The requirement programs as data: well-formed (unique ids, known rules and
 * receivers, sourced and dated quotes) and judged as the receivers mean them
 * for a few hand-built audits.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../index.js';
import { receivers } from '../receivers/index.js';
import { programs } from './index.js';
import { judgePrograms, type ProgramResult, type RequirementState } from '../../src/core/requirements.js';
import type { RuleResult, Status } from '../../src/core/result.js';

/** Rules named before they land in the catalogue (none now: mail-from-bounces and ptr-website have). */
const PENDING_RULES: string[] = [];
/** Programs whose receiver has no spec in rules/receivers yet (none now: IONOS has one). */
const PENDING_RECEIVERS: string[] = [];

const known = new Set([...catalogue.map((r) => r.meta.id), ...PENDING_RULES]);
const rulesOf = (check: (typeof programs)[number]['requirements'][number]['check']) => ('all' in check ? check.all : 'any' in check ? check.any : []);

describe('requirement programs: well-formed', () => {
  it('program ids are unique', () => {
    const ids = programs.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(programs.map((p) => [p.id, p] as const))('%s: requirement ids are unique and name known rules', (_, p) => {
    const ids = p.requirements.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of p.requirements) {
      for (const rule of rulesOf(r.check)) expect(known.has(rule), `${p.id}/${r.id} names ${rule}`).toBe(true);
      if (!('cannotTell' in r.check)) expect(rulesOf(r.check).length, `${p.id}/${r.id}`).toBeGreaterThan(0);
      else expect(r.check.cannotTell.length, `${p.id}/${r.id}`).toBeGreaterThan(0);
    }
  });

  it.each(programs.map((p) => [p.id, p] as const))('%s: every quote has an https source and a checked date; titles and replies are non-empty', (_, p) => {
    for (const r of p.requirements) {
      expect(r.quote.source, `${p.id}/${r.id}`).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+\//);
      expect(r.quote.checked, `${p.id}/${r.id}`).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      expect(r.quote.text.trim().length, `${p.id}/${r.id}`).toBeGreaterThan(10);
      expect(typeof r.quote.verbatim).toBe('boolean');
      expect(r.title.trim().length, `${p.id}/${r.id}`).toBeGreaterThan(5);
      if (r.reply !== undefined) expect(r.reply, `${p.id}/${r.id}`).toMatch(/^\d{3}[ -]/);
    }
  });

  it.each(programs.map((p) => [p.id, p] as const))('%s: its receiver exists', (_, p) => {
    const ids = receivers.map((r) => r.id);
    expect(ids.includes(p.receiver) || PENDING_RECEIVERS.includes(p.receiver), p.receiver).toBe(true);
  });

  it('the pending lists name only what is not there yet', () => {
    for (const rule of PENDING_RULES) expect(catalogue.some((r) => r.meta.id === rule), `${rule} landed: drop it from PENDING_RULES`).toBe(false);
    for (const id of PENDING_RECEIVERS) expect(receivers.some((r) => r.id === id), `${id} landed: drop it from PENDING_RECEIVERS`).toBe(false);
  });
});

/** Every catalogued (and pending) rule passes, except those named ("fail:mailto-only" gives the finding's message id too). */
function audit(overrides: Record<string, Status | `${Status}:${string}`> = {}): RuleResult[] {
  return [...known].map((rule) => {
    const [status, messageId = 'x'] = (overrides[rule] ?? 'pass').split(':') as [Status, string?];
    return { rule, status, messageId };
  });
}
const skipReason = (rule: string) => `${rule} needs a message`;

function judged(program: string, overrides: Record<string, Status | `${Status}:${string}`>, ip: 4 | 6 = 4): ProgramResult {
  const spec = programs.find((p) => p.id === program);
  if (!spec) throw new Error(`no program ${program}`);
  return judgePrograms([spec], audit(overrides), ip, skipReason)[0]!;
}

interface Row {
  why: string;
  program: string;
  results: Record<string, Status | `${Status}:${string}`>;
  ip?: 4 | 6;
  /** Requirement id → the state it must have. */
  states: Record<string, RequirementState>;
  /** Requirement id → a piece of its reply. */
  reply?: Record<string, RegExp>;
  /** Requirement ids that must be temporary (a failed lookup, never a verdict). */
  temporary?: string[];
  /** The program's enforced verdict, where it has one (Outlook.com's 5.7.515). */
  verdict?: { outcome: 'accept' | 'rejected' | 'unknown'; because: string[] };
}

const ROWS: Row[] = [
  {
    why: 'Yahoo bulk takes a mailto-only List-Unsubscribe; Gmail bulk (one-click) does not',
    program: 'yahoo-bulk', results: { 'list-unsubscribe': 'fail:mailto-only' },
    states: { unsubscribe: 'met' },
  },
  {
    why: 'Gmail bulk: a mailto-only List-Unsubscribe is not one-click',
    program: 'gmail-bulk', results: { 'list-unsubscribe': 'fail:mailto-only' },
    states: { unsubscribe: 'not-met' },
  },
  {
    why: 'Yahoo bulk: no https and no mailto either is not met',
    program: 'yahoo-bulk', results: { 'list-unsubscribe': 'fail:no-https' },
    states: { unsubscribe: 'not-met' },
  },
  {
    why: 'Outlook.com: SPF, DKIM and DMARC pass: all three met',
    program: 'outlook-com-high-volume', results: {},
    states: { spf: 'met', dkim: 'met', dmarc: 'met' }, verdict: { outcome: 'accept', because: [] },
  },
  {
    why: 'Outlook.com: SPF passes, DKIM fails: not met, with the 5.7.515 reply',
    program: 'outlook-com-high-volume', results: { 'dkim-pass': 'fail' },
    states: { spf: 'met', dkim: 'not-met', dmarc: 'met' }, verdict: { outcome: 'rejected', because: ['dkim'] },
    reply: { dkim: /^550 5\.7\.515 Access denied, sending domain \[SendingDomain\] does not meet the required authentication level\.$/ },
  },
  {
    why: 'Outlook.com: the DKIM key lookup failed: cannot tell (temporary), never not met',
    program: 'outlook-com-high-volume', results: { 'dkim-pass': 'error' },
    states: { spf: 'met', dkim: 'cannot-tell', dmarc: 'met' }, temporary: ['dkim'], verdict: { outcome: 'unknown', because: ['dkim'] },
  },
  {
    why: 'Outlook.com: a valid DKIM signature in another domain is DKIM passing; DMARC passes through SPF',
    program: 'outlook-com-high-volume', results: { 'dkim-pass': 'warn' },
    states: { dkim: 'met', dmarc: 'met' },
  },
  {
    why: 'Outlook.com: SPF softfail is not SPF passing; no DMARC policy is not DMARC passing',
    program: 'outlook-com-high-volume', results: { 'spf-pass': 'warn', 'dmarc-pass': 'warn' },
    states: { spf: 'not-met', dmarc: 'not-met', dkim: 'met' }, verdict: { outcome: 'rejected', because: ['spf', 'dmarc'] },
  },
  {
    why: 'Outlook.com: an IP audit (no message: DKIM and DMARC not judged) cannot tell, even when SPF passes',
    program: 'outlook-com-high-volume', results: { 'dkim-pass': 'skip', 'dmarc-pass': 'skip' },
    states: { spf: 'met', dkim: 'cannot-tell', dmarc: 'cannot-tell' }, verdict: { outcome: 'unknown', because: ['dkim', 'dmarc'] },
  },
  {
    why: 'Outlook.com: SPF fails and DKIM was not judged: rejected all the same (all three are required)',
    program: 'outlook-com-high-volume', results: { 'spf-pass': 'fail', 'dkim-pass': 'skip' },
    states: { spf: 'not-met', dkim: 'cannot-tell' }, verdict: { outcome: 'rejected', because: ['spf'] },
  },
  {
    why: 'Outlook.com: a dynamic pool PTR name is dynamic space, refused with DY-001',
    program: 'outlook-com-high-volume', results: { 'ptr-not-generic': 'fail' },
    states: { 'not-dynamic': 'not-met' }, reply: { 'not-dynamic': /^550 DY-001 / },
  },
  {
    why: 'Outlook.com: a generic static or cloud default name (warn) is not dynamic space',
    program: 'outlook-com-high-volume', results: { 'ptr-not-generic': 'warn' },
    states: { 'not-dynamic': 'met' },
  },
  {
    why: 'Outlook.com: the recommendations no audit can see stay cannot tell when everything passes',
    program: 'outlook-com-high-volume', results: {},
    states: { unsubscribe: 'cannot-tell', 'list-hygiene': 'cannot-tell', 'not-dynamic': 'met', ptr: 'met' },
  },
  {
    why: 'Gmail, all senders, over IPv4: the PTR row, not the IPv6 one',
    program: 'gmail-all', results: { 'ptr-present': 'fail', fcrdns: 'fail' },
    states: { ptr: 'not-met' }, reply: { ptr: /^550 5\.7\.25 / },
  },
  {
    why: 'Gmail, all senders, over IPv6: the IPv6 row with its 5.7.1 reply',
    program: 'gmail-all', ip: 6, results: { 'ptr-present': 'fail', fcrdns: 'fail' },
    states: { 'ipv6-ptr': 'not-met' }, reply: { 'ipv6-ptr': /^550 5\.7\.1 This message does not meet IPv6 sending guidelines/ },
  },
  {
    why: 'Gmail, all senders: SPF fails but DKIM passes: authenticated',
    program: 'gmail-all', results: { 'spf-pass': 'fail' },
    states: { auth: 'met' },
  },
  {
    why: 'Gmail, all senders: neither SPF nor DKIM: not met, 5.7.26',
    program: 'gmail-all', results: { 'spf-pass': 'fail', 'dkim-pass': 'fail' },
    states: { auth: 'not-met' }, reply: { auth: /^550 5\.7\.26 / },
  },
  {
    why: 'Gmail, all senders: SPF fails and DKIM was not judged (no message): cannot tell, not temporary',
    program: 'gmail-all', results: { 'spf-pass': 'fail', 'dkim-pass': 'skip' },
    states: { auth: 'cannot-tell' },
  },
  {
    why: 'Gmail, all senders: the spam rate is cannot tell even when everything passes',
    program: 'gmail-all', results: {},
    states: { 'spam-rate': 'cannot-tell', 'no-gmail-from': 'cannot-tell', auth: 'met', ptr: 'met', tls: 'met', rfc5322: 'met' },
  },
  {
    why: 'Gmail: TLS 1.0 is still TLS',
    program: 'gmail-all', results: { 'smtp-starttls': 'warn' },
    states: { tls: 'met' },
  },
  {
    why: 'Gmail, bulk: p=none is enough; an unaligned DKIM pass is DKIM, and DMARC passes through SPF',
    program: 'gmail-bulk', results: { 'dmarc-policy': 'warn', 'dkim-pass': 'warn' },
    states: { dmarc: 'met', dkim: 'met', alignment: 'met', spf: 'met' },
  },
  {
    why: 'Gmail, bulk: no DMARC record: 5.7.40; DMARC not judged and DKIM unaligned: alignment not met',
    program: 'gmail-bulk', results: { 'dmarc-policy': 'fail', 'dmarc-pass': 'warn', 'dkim-pass': 'warn' },
    states: { dmarc: 'not-met', alignment: 'not-met' }, reply: { dmarc: /^550 5\.7\.40 / },
  },
  {
    why: 'Gmail, bulk: a bulk message without one-click unsubscribe',
    program: 'gmail-bulk', results: { 'list-unsubscribe': 'fail' },
    states: { unsubscribe: 'not-met' },
  },
  {
    why: 'Gmail, bulk: a message that is not bulk needs no unsubscribe (list-unsubscribe is info)',
    program: 'gmail-bulk', results: { 'list-unsubscribe': 'info' },
    states: { unsubscribe: 'met' },
  },
  {
    why: 'Yahoo, bulk: DMARC fails: alignment not met; honouring unsubscribes is cannot tell',
    program: 'yahoo-bulk', results: { 'dmarc-pass': 'fail' },
    states: { alignment: 'not-met', dmarc: 'met', 'unsubscribe-honoured': 'cannot-tell' },
  },
  {
    why: 'Yahoo: a generic PTR name (warn) is what Yahoo advises against',
    program: 'yahoo-all', results: { 'ptr-not-generic': 'warn' },
    states: { 'ptr-not-generic': 'not-met', ptr: 'met' },
  },
  {
    why: 'T-Online: a dynamic-looking name gets (DIAL); the website check that failed temporarily is no verdict',
    program: 't-online', results: { 'ptr-not-generic': 'warn', 'ptr-website': 'error' },
    states: { 'ptr-not-generic': 'not-met', website: 'cannot-tell', reputation: 'cannot-tell' }, temporary: ['website'],
    reply: { 'ptr-not-generic': /\(DIAL\)$/, reputation: /\(NOWL\)$/ },
  },
  {
    why: 'GMX: an unaligned DKIM signature does not meet it; a generic static name is generic but not dynamic',
    program: 'gmx-webde', results: { 'dkim-pass': 'warn', 'ptr-not-generic': 'warn' },
    states: { dkim: 'not-met', 'ptr-not-generic': 'not-met', 'not-dynamic': 'met' },
  },
  {
    why: 'GMX: a HELO only in the PTR name\'s domain is not the PTR name',
    program: 'gmx-webde', results: { 'helo-matches-ptr': 'pass:same-org' },
    states: { 'helo-ptr': 'not-met', helo: 'met' },
  },
  {
    why: 'GMX: the HELO is the PTR name',
    program: 'gmx-webde', results: { 'helo-matches-ptr': 'pass:equal' },
    states: { 'helo-ptr': 'met' },
  },
  {
    why: 'GMX: a HELO that is not the PTR name, and a listed IP',
    program: 'gmx-webde', results: { 'helo-matches-ptr': 'warn', 'dnsbl-clean': 'fail' },
    states: { 'helo-ptr': 'not-met', dnsbl: 'not-met', helo: 'met' }, reply: { dnsbl: /IP address is block listed/ },
  },
  {
    why: 'IONOS: a blocklist that refused to answer is no verdict',
    program: 'ionos', results: { 'dnsbl-clean': 'error' },
    states: { dnsbl: 'cannot-tell', imprint: 'cannot-tell', ptr: 'met' }, temporary: ['dnsbl'],
  },
];

describe('requirement programs: judged', () => {
  it.each(ROWS.map((r) => [r.why, r] as const))('%s', (_, row) => {
    const result = judged(row.program, row.results, row.ip);
    const byId = new Map(result.requirements.map((r) => [r.id, r]));
    for (const [id, state] of Object.entries(row.states)) expect(byId.get(id)?.state, id).toBe(state);
    for (const [id, reply] of Object.entries(row.reply ?? {})) expect(byId.get(id)?.reply, id).toMatch(reply);
    for (const id of row.temporary ?? []) expect(byId.get(id)?.temporary, id).toBe(true);
    if (row.verdict) expect(result.verdict).toMatchObject(row.verdict);
    if (row.verdict?.outcome === 'rejected') expect(result.verdict?.reply).toMatch(/^550 5\.7\.515 /);
    else expect(result.verdict?.reply).toBeUndefined();
    // A rule in error is never "not met", in any row.
    for (const r of result.requirements) if (r.temporary) expect(r.state).toBe('cannot-tell');
    expect(result.met + result.notMet + result.cannotTell).toBe(result.requirements.length);
  });

  it('Gmail: the IPv6 row appears only over IPv6, the IPv4 PTR row only over IPv4', () => {
    const ids = (ip: 4 | 6) => judged('gmail-all', {}, ip).requirements.map((r) => r.id);
    expect(ids(4)).toContain('ptr');
    expect(ids(4)).not.toContain('ipv6-ptr');
    expect(ids(6)).toContain('ipv6-ptr');
    expect(ids(6)).not.toContain('ptr');
  });

  it('every cannotTell requirement is cannot tell whatever the rules say, with its reason', () => {
    for (const status of ['pass', 'fail', 'error', 'skip'] as const) {
      const all = Object.fromEntries([...known].map((r) => [r, status]));
      for (const p of judgePrograms(programs, audit(all), 4, skipReason)) {
        const spec = programs.find((s) => s.id === p.id)!;
        for (const r of spec.requirements) {
          if (!('cannotTell' in r.check)) continue;
          const got = p.requirements.find((x) => x.id === r.id)!;
          expect(got.state, `${p.id}/${r.id}`).toBe('cannot-tell');
          expect(got.why).toBe(r.check.cannotTell);
          expect(got.temporary).toBeUndefined();
        }
      }
    }
  });

  it('with every rule in error, nothing is "not met"', () => {
    const all = Object.fromEntries([...known].map((r) => [r, 'error' as const]));
    for (const ip of [4, 6] as const) {
      for (const p of judgePrograms(programs, audit(all), ip, skipReason)) expect(p.notMet, p.id).toBe(0);
    }
  });

  it('with every rule passing with its best finding, every checkable requirement is met', () => {
    // The finding a passOnly asks for (the HELO is the PTR name itself) is the best pass of its rule.
    const best: Record<string, `pass:${string}`> = {};
    for (const p of programs) for (const r of p.requirements) for (const [rule, ids] of Object.entries('cannotTell' in r.check ? {} : r.check.passOnly ?? {})) best[rule] = `pass:${ids[0]!}`;
    expect(Object.keys(best)).toEqual(['helo-matches-ptr']);
    for (const ip of [4, 6] as const) {
      for (const p of judgePrograms(programs, audit(best), ip, skipReason)) {
        const spec = programs.find((s) => s.id === p.id)!;
        const checkable = spec.requirements.filter((r) => !('cannotTell' in r.check) && (r.ipVersion === undefined || r.ipVersion === ip)).length;
        expect([p.met, p.notMet], p.id).toEqual([checkable, 0]);
      }
    }
  });
});
