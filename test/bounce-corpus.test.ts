/**
 * The bounce decoder on real bounces (issue 28): the floors of
 * `npm run accuracy:bounces` held in CI. The corpus is public data this
 * repository does not carry (sisimai's set-of-emails, BSD-2-Clause, with
 * expectations): it is read from PTRCHECK_BOUNCE_CORPUS, else from
 * ../shared/corpora/bounces beside the checkout; without it these tests say
 * so and are skipped.
 */
import { describe, expect, it } from 'vitest';
import { corpusDir, measure, table } from '../scripts/bounce-accuracy.js';
import { repoRoot } from './support/repo-root.js';

const dir = corpusDir(process.env, repoRoot());

describe.skipIf(!dir)('real bounces (corpus: PTRCHECK_BOUNCE_CORPUS or ../shared/corpora/bounces)', () => {
  it('meets every floor: status 97 %, IP class 90 %, authentication 90 %, no mailbox/size/content called ptr or helo, no wrong IP, receiver 90 %', () => {
    const a = measure(dir!);
    console.log(`${table(a)}\n${a.summary}`);
    for (const m of a.measures) if (m.misses.length > 0 && !a.ok) console.log(`${m.name}:\n  ${m.misses.slice(0, 20).join('\n  ')}`);
    expect(a.ok).toBe(true);
  });
});
