/**
 * Receiver tables: for each receiver, rule results in → the predicted
 * outcome and reply out. Like the RuleTester, a table must reach every
 * verdict the receiver declares and its accept, and a rule that could not be
 * judged must show up as unknown rather than as a verdict.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../index.js';
import { receivers } from './index.js';
import { judgeReceiver, type ReceiverOutcome, type ReceiverSpec } from '../../src/core/receivers.js';
import type { RuleResult, Status } from '../../src/core/types.js';

/** Every rule passes except those named. */
function results(overrides: Record<string, Status> = {}): RuleResult[] {
  return catalogue.map((r) => ({ rule: r.meta.id, status: overrides[r.meta.id] ?? 'pass', messageId: 'x' }));
}

interface Row {
  why: string;
  results: Record<string, Status>;
  ip?: 4 | 6;
  outcome: ReceiverOutcome;
  /** A piece of the reply. */
  reply?: RegExp;
  rules?: string[];
  unknown?: string[];
  /** With outcome `unknown`: what it could be. */
  possible?: ReceiverOutcome[];
}

const TABLES: Record<string, Row[]> = {
  gmail: [
    { why: 'everything passes', results: {}, outcome: 'accept' },
    { why: 'no PTR: 550 5.7.25', results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'rejected', reply: /^550 5\.7\.25 The IP address sending this message does not have a PTR record setup/, rules: ['ptr-present'] },
    { why: 'PTR without FCrDNS: 421 4.7.23, a rate limit', results: { fcrdns: 'fail' }, outcome: 'deferred', reply: /^421 4\.7\.23 /, rules: ['fcrdns'] },
    { why: 'IPv6 without PTR: the IPv6 guidelines block', ip: 6, results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'rejected', reply: /^550 5\.7\.1 This message does not meet IPv6 sending guidelines/ },
    { why: 'a bare-IP HELO: 501 5.5.4', results: { 'helo-fqdn': 'fail' }, outcome: 'rejected', reply: /^501 5\.5\.4 / },
    { why: 'DMARC fails (message): 550 5.7.26', results: { 'dmarc-pass': 'fail' }, outcome: 'rejected', reply: /^550 5\.7\.26 / },
    { why: 'SPF fails, no DKIM: rate limited as a bulk sender', results: { 'spf-pass': 'fail', 'dkim-pass': 'skip' }, outcome: 'spam-risk', reply: /^421 4\.7\.27 / },
    { why: 'SPF fails but DKIM passes: accepted', results: { 'spf-pass': 'fail' }, outcome: 'accept' },
    { why: 'the PTR lookup failed here: no verdict, cannot tell (issue 26: never "accept")', results: { 'ptr-present': 'error', fcrdns: 'error' }, outcome: 'unknown', possible: ['rejected', 'deferred', 'accept'], unknown: ['ptr-present', 'fcrdns'] },
    { why: 'the PTR lookup failed but DMARC fails anyway: cannot tell which refusal', results: { 'ptr-present': 'error', fcrdns: 'error', 'dmarc-pass': 'fail' }, outcome: 'unknown', possible: ['rejected', 'deferred'], unknown: ['ptr-present', 'fcrdns'] },
  ],
  'microsoft-365': [
    { why: 'IPv4 without PTR: EOP does not require it', results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'accept' },
    { why: 'IPv6 without reverse DNS: 450 4.7.25', ip: 6, results: { 'ptr-present': 'fail' }, outcome: 'deferred', reply: /^450 4\.7\.25 / },
    { why: 'IPv4 whose PTR lookup failed: EOP does not ask, so the answer stands', results: { 'ptr-present': 'error' }, outcome: 'accept' },
    { why: 'IPv6 whose PTR lookup failed: cannot tell', ip: 6, results: { 'ptr-present': 'error' }, outcome: 'unknown', possible: ['deferred', 'accept'], unknown: ['ptr-present'] },
    { why: 'a HELO claiming to be the receiver: 5.7.506', results: { 'helo-not-impersonating': 'fail' }, outcome: 'rejected', reply: /5\.7\.506 Access denied, Bad HELO/ },
  ],
  'outlook-com': [
    { why: 'a named static sender', results: {}, outcome: 'accept' },
    { why: 'a dynamic pool name: DY-001', results: { 'ptr-not-generic': 'fail' }, outcome: 'rejected', reply: /^550 DY-001 /, rules: ['ptr-not-generic'] },
    { why: 'no FCrDNS: junk folder risk', results: { fcrdns: 'fail' }, outcome: 'spam-risk' },
  ],
  yahoo: [
    { why: 'valid forward and reverse DNS', results: {}, outcome: 'accept' },
    { why: 'no PTR', results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'spam-risk', rules: ['ptr-present', 'fcrdns'] },
    { why: 'a generic PTR (warn) is still a risk', results: { 'ptr-not-generic': 'warn' }, outcome: 'spam-risk' },
    { why: 'unauthenticated: 550 5.7.9', results: { 'spf-pass': 'fail', 'dkim-pass': 'fail' }, outcome: 'rejected', reply: /^550 5\.7\.9 / },
  ],
  icloud: [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'a HELO that does not resolve: 450 Host not found', results: { 'helo-resolves': 'fail' }, outcome: 'deferred', reply: /Helo command rejected: Host not found/ },
    { why: 'no PTR', results: { 'ptr-present': 'fail' }, outcome: 'spam-risk' },
  ],
  'gmx-webde': [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'a generic PTR: Bad DNS PTR resource record', results: { 'ptr-not-generic': 'fail' }, outcome: 'rejected', reply: /554-Bad DNS PTR resource record/ },
    { why: 'HELO is not the PTR name', results: { 'helo-matches-ptr': 'warn' }, outcome: 'spam-risk' },
  ],
  comcast: [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'no PTR: 554 at the banner', results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'rejected', reply: /Comcast requires that all mail servers must have a PTR record/ },
  ],
  postfix: [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'no PTR: cannot find your reverse hostname', results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'deferred', reply: /cannot find your reverse hostname/, rules: ['ptr-present'] },
    { why: 'no FCrDNS: cannot find your hostname', results: { fcrdns: 'fail' }, outcome: 'deferred', reply: /^450 4\.7\.1 Client host rejected: cannot find your hostname/ },
    { why: 'HELO without A/MX', results: { 'helo-resolves': 'fail' }, outcome: 'deferred', reply: /Helo command rejected: Host not found/ },
    { why: 'a HELO that was not given (skip) is not a finding', results: { 'helo-resolves': 'skip' }, outcome: 'accept' },
  ],
  spamassassin: [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'no PTR: RDNS_NONE', results: { 'ptr-present': 'fail' }, outcome: 'spam-risk', reply: /^RDNS_NONE=0\.793/ },
    { why: 'a dynamic PTR: RDNS_DYNAMIC', results: { 'ptr-not-generic': 'fail' }, outcome: 'spam-risk', reply: /^RDNS_DYNAMIC/ },
  ],
  haraka: [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'no PTR: rejected; no rDNS', results: { 'ptr-present': 'fail', fcrdns: 'fail' }, outcome: 'rejected', reply: /rejected; no rDNS$/, rules: ['ptr-present'] },
    { why: 'a PTR under no valid TLD', results: { 'ptr-hostname': 'fail' }, outcome: 'rejected', reply: /invalid TLD in rDNS/ },
    { why: 'a generic PTR', results: { 'ptr-not-generic': 'fail' }, outcome: 'rejected', reply: /generic rDNS, please use your ISPs SMTP relay/ },
    { why: 'no FCrDNS', results: { fcrdns: 'fail' }, outcome: 'rejected', reply: /^550 Sorry, no FCrDNS match found$/ },
  ],
  rspamd: [
    { why: 'all good', results: {}, outcome: 'accept' },
    { why: 'no FCrDNS: HFILTER_HOSTNAME_UNKNOWN', results: { fcrdns: 'fail' }, outcome: 'spam-risk', reply: /HFILTER_HOSTNAME_UNKNOWN/ },
    { why: 'a bare-IP HELO: HFILTER_HELO_*', results: { 'helo-fqdn': 'fail' }, outcome: 'spam-risk', reply: /HFILTER_HELO_/ },
  ],
};

describe('every receiver', () => {
  it('is listed, once, in report order', () => {
    const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.ts') && !['index.ts', 'receivers.test.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''));
    expect(receivers.map((r) => r.id).sort()).toEqual(files.sort());
    expect(Object.keys(TABLES).sort()).toEqual(files.sort());
  });

  it.each(receivers.map((r) => [r.id, r] as const))('%s has sourced, dated requirements on rules that exist', (_id, spec) => {
    const ids = new Set(catalogue.map((r) => r.meta.id));
    for (const q of [spec.requirement, ...spec.verdicts.map((v) => v.requirement)]) {
      expect(q.source).toMatch(/^https?:\/\//);
      expect(q.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(q.text.length).toBeGreaterThan(10);
    }
    const named = JSON.stringify(spec.verdicts.map((v) => v.when)).match(/"rule":"([^"]+)"/g) ?? [];
    for (const m of named) expect(ids).toContain(m.slice(8, -1));
  });
});

for (const spec of receivers) {
  describe(`receiver ${spec.id}`, () => {
    const rows = TABLES[spec.id] ?? [];
    it('has a table that reaches accept and every verdict', () => {
      expect(rows.some((r) => r.outcome === 'accept')).toBe(true);
      const replies = new Set(rows.map((r) => judgeReceiver(spec as ReceiverSpec, results(r.results), r.ip ?? 4).reply));
      for (const v of spec.verdicts) expect(replies, `verdict "${v.reply.slice(0, 40)}" (${v.outcome})`).toContain(v.reply);
    });
    it.each(rows.map((r) => [r.why, r] as const))('%s', (_why, row) => {
      const v = judgeReceiver(spec, results(row.results), row.ip ?? 4);
      expect(v.outcome).toBe(row.outcome);
      if (row.reply) expect(v.reply).toMatch(row.reply);
      if (row.rules) expect(v.rules).toEqual(row.rules);
      expect(v.unknown).toEqual(row.unknown);
      expect(v.possible).toEqual(row.possible);
      expect(v).toMatchObject({ id: spec.id, name: spec.name });
    });
  });
}

describe('reply placeholders', () => {
  it('are filled with the audited IP and HELO', () => {
    const comcast = receivers.find((r) => r.id === 'comcast')!;
    expect(judgeReceiver(comcast, results({ 'ptr-present': 'fail' }), 4, { ip: '203.0.113.66' }).reply).toMatch(/^554 comcast 203\.0\.113\.66 Comcast requires/);
    const icloud = receivers.find((r) => r.id === 'icloud')!;
    expect(judgeReceiver(icloud, results({ 'helo-resolves': 'fail' }), 4, { helo: 'mail.nowhere.example' }).reply).toBe('450 4.7.1 <mail.nowhere.example>: Helo command rejected: Host not found');
  });
});
