/**
 * A stand-in for the decoder in the bounce threads
 * (`createThreadDecoder({ work: ENDLESS_BOUNCE })`): a bounce that holds
 * ENDLESS_MARK is worked on for ever, synchronously, so only its time budget
 * (the worker terminated) ends it; one that holds HUNGRY_MARK takes memory
 * until the worker's heap limit stops it; every other bounce goes to the real
 * decoder. Going over a budget is then certain, not a bet on the machine's speed.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBounce as real } from '../../src/bounce/decode.js';
import { repoRoot } from './repo-root.js';

export const ENDLESS_MARK = 'X-Endless: yes';
export const HUNGRY_MARK = 'X-Hungry: yes';

export const decodeBounce: typeof real = (raw, receivers) => {
  if (raw.includes(ENDLESS_MARK)) for (;;); // never ends: what ends it is the worker being terminated
  if (raw.includes(HUNGRY_MARK)) {
    const kept: number[][] = [];
    for (;;) kept.push(new Array<number>(1 << 20).fill(kept.length)); // until the heap limit ends the worker
  }
  return real(raw, receivers);
};

/** This module compiled (the worker is plain Node: it loads dist/, as it does its own script). */
export const ENDLESS_BOUNCE = pathToFileURL(join(repoRoot(), 'dist/test/support/endless-bounce.js'));
