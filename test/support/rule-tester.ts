/**
 * Table tests for rules, after ESLint's RuleTester: a table must have a
 * passing row and a non-passing row, may only name message ids the rule
 * declares, and must exercise every message the rule declares. A rule that
 * judges from DNS answers (`meta.lookups`) needs an `error` row: a temporary
 * failure must be shown to give error. Each row's data must fill every
 * placeholder of its message.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/core/rule.js';
import { runRule, RUNNER_MESSAGES } from '../../src/core/run-rules.js';
import type { Evidence, Status } from '../../src/core/types.js';
import { format, placeholders } from '../../src/report/format.js';
import { holesIn } from '../../src/report/holes.js';

function fragmentIds(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(fragmentIds);
  if (typeof v !== 'object' || v === null) return [];
  const own = typeof (v as { messageId?: unknown }).messageId === 'string' ? [(v as { messageId: string }).messageId] : [];
  return [...own, ...Object.values(v).flatMap(fragmentIds)];
}

export interface RuleCase {
  /** Why this row expects what it expects. */
  why: string;
  evidence: Evidence;
  status: Status;
  messageId: string;
  /** Expected subset of the result's data. */
  data?: Record<string, unknown>;
}

export function checkTable(rule: Rule, cases: readonly RuleCase[]): string[] {
  const problems: string[] = [];
  const declared = Object.keys(rule.meta.messages);
  if (!cases.some((c) => c.status === 'pass')) problems.push('no passing row');
  if (!cases.some((c) => c.status !== 'pass')) problems.push('no non-passing row');
  if (rule.meta.lookups.length > 0 && !cases.some((c) => c.status === 'error')) problems.push(`no error row (it judges from ${rule.meta.lookups.join(', ')})`);
  for (const c of cases) {
    if (!declared.includes(c.messageId) && !(c.messageId in RUNNER_MESSAGES)) problems.push(`unknown message id '${c.messageId}' in "${c.why}"`);
  }
  for (const id of declared) {
    if (!cases.some((c) => c.messageId === id)) problems.push(`message '${id}' has no row`);
  }
  return problems;
}

export function testRule(rule: Rule, cases: readonly RuleCase[]): void {
  describe(`rule ${rule.meta.id}`, () => {
    it('has a complete table', () => {
      expect(checkTable(rule, cases)).toEqual([]);
    });
    it.each(cases.map((c) => [c.why, c] as const))('%s', (_why, c) => {
      const result = runRule(rule, c.evidence);
      expect({ status: result.status, messageId: result.messageId }).toEqual({ status: c.status, messageId: c.messageId });
      if (c.data) expect(result.data).toMatchObject(c.data);
      const template = rule.meta.messages[result.messageId] ?? RUNNER_MESSAGES[result.messageId] ?? '';
      for (const key of placeholders(template)) expect(result.data ?? {}, `placeholder {${key}}`).toHaveProperty(key);
      // Every fragment the data carries has its words in meta, and the sentence comes out whole.
      for (const id of Object.values(result.data ?? {}).flatMap(fragmentIds)) expect(Object.keys(rule.meta.fragments ?? {}), `fragment '${id}'`).toContain(id);
      const sentence = format(template, result.data, rule.meta.fragments);
      expect(holesIn(sentence), sentence).toEqual([]);
      // The remedy, when the message has one, reads whole too.
      const remedy = rule.meta.remedies?.[result.messageId];
      if (remedy !== undefined) {
        const fix = format(remedy, result.data, rule.meta.fragments);
        expect(holesIn(fix), fix).toEqual([]);
      }
    });
  });
}
