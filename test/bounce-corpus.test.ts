/**
 * The bounce decoder on real bounces (issue 28): the floors of
 * `npm run accuracy:bounces` held in CI. The expectations are ours
 * (fixtures/bounce-corpus); the mails are public data this repository does
 * not carry (sisimai's set-of-emails, BSD-2-Clause): read from
 * PTRCHECK_BOUNCE_CORPUS, else from ../shared/corpora/bounces beside the
 * checkout; without them these tests say so and are skipped.
 */
import { describe, expect, it } from 'vitest';
import { corpusDir, expectations, measure, table } from '../scripts/bounce-accuracy.js';
import { repoRoot } from './support/repo-root.js';

const dir = corpusDir(process.env, repoRoot());

describe.skipIf(!dir)('real bounces (corpus: PTRCHECK_BOUNCE_CORPUS or ../shared/corpora/bounces)', () => {
  it('meets every floor: status 97 %, IP class 90 %, authentication 90 %, no mailbox/size/content called ptr or helo, no wrong IP, receiver 90 %', () => {
    const a = measure(dir!, expectations(repoRoot()));
    console.log(`${table(a)}\n${a.summary}`);
    for (const m of a.measures) if (m.misses.length > 0 && !a.ok) console.log(`${m.name}:\n  ${m.misses.slice(0, 20).join('\n  ')}`);
    expect(a.ok).toBe(true);
  });
});

describe('the expectations (kept here)', () => {
  it('are well formed: statuses, classes, canonical IPs, no duplicates', () => {
    const rows = expectations(repoRoot());
    expect(rows.length).toBe(549);
    expect(new Set(rows.map((r) => r.file)).size).toBe(rows.length);
    for (const r of rows) {
      if (r.status !== null) expect(r.status, r.file).toMatch(/^[245]\.\d{1,3}\.\d{1,3}$/);
      expect(['ip', 'authentication', 'mailbox', 'size', 'content', 'other']).toContain(r.class);
    }
  });
});
