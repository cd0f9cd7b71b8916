import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../rules/index.js';
import { repoRoot } from './support/repo-root.js';

/** Every rule id of DESIGN.md. */
const DESIGN_IDS = ['ip-public', 'ptr-present', 'ptr-single', 'ptr-hostname', 'ptr-not-generic', 'fcrdns', 'helo-fqdn', 'helo-literal-match', 'helo-resolves', 'helo-matches-ip', 'helo-matches-ptr', 'helo-not-generic', 'helo-not-impersonating', 'from-domain-resolves', 'from-aligned', 'spf-pass', 'dkim-pass', 'dmarc-policy', 'dmarc-pass', 'smtp-starttls', 'message-id-present', 'list-unsubscribe', 'dnsbl-clean'];

describe('rule catalogue', () => {
  const files = readdirSync(join(repoRoot(), 'rules'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
    .map((f) => f.replace(/\.ts$/, ''));

  it('registers every rule file, once, and nothing else', () => {
    expect(catalogue.map((r) => r.meta.id).sort()).toEqual([...files].sort());
  });

  it('has every rule of DESIGN.md', () => {
    for (const id of DESIGN_IDS) expect(files).toContain(id);
  });

  it('has a table test beside every rule', () => {
    const tests = readdirSync(join(repoRoot(), 'rules')).filter((f) => f.endsWith('.test.ts'));
    for (const id of files) expect(tests).toContain(`${id}.test.ts`);
  });

  it.each(catalogue.map((r) => [r.meta.id, r] as const))('%s has sane meta', (_id, rule) => {
    const m = rule.meta;
    expect(m.weight).toBeGreaterThan(0);
    expect(m.weight).toBeLessThanOrEqual(50);
    expect(m.title.length).toBeGreaterThan(5);
    expect(m.failureTitle).not.toBe(m.title);
    expect(m.rationale.length).toBeGreaterThan(20);
    expect(m.refs.length).toBeGreaterThan(0);
    expect(Object.keys(m.messages).length).toBeGreaterThan(0);
    for (const id of Object.keys(m.remedies ?? {})) expect(m.messages).toHaveProperty(id);
  });

  it('has the critical set DESIGN.md names', () => {
    const critical = catalogue.filter((r) => r.meta.severity === 'critical').map((r) => r.meta.id).sort();
    expect(critical).toEqual(['dmarc-pass', 'fcrdns', 'helo-literal-match', 'ptr-present']);
  });

  it('weights add up to 100 so scores read as percent of the weight that ran', () => {
    expect(catalogue.reduce((s, r) => s + r.meta.weight, 0)).toBe(100);
  });
});
