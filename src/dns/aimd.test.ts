import { describe, expect, it } from 'vitest';
import { Aimd, type AimdOptions } from './aimd.js';

/** One epoch of traffic: queries sent (and whether the limit held them back), answers clean and limited. */
interface Epoch {
  sent: number;
  clean: number;
  limited: number;
  held?: boolean;
}

/** Drives the controller through epochs of 250 ms each; returns the limit after each. */
function drive(epochs: Epoch[], options: AimdOptions = {}): number[] {
  let t = 0;
  const a = new Aimd(t, options);
  const limits: number[] = [];
  for (const e of epochs) {
    for (let i = 0; i < e.sent; i++) a.sending(e.held ?? false);
    const answers = [...Array<'clean'>(e.clean).fill('clean'), ...Array<'limited'>(e.limited).fill('limited')];
    answers.forEach((s, i) => a.answered(s, t + (250 * (i + 1)) / (answers.length + 1)));
    t += 250;
    a.answered('clean', t); // the epoch's last answer closes it
    limits.push(Math.round(a.limit));
  }
  return limits;
}

const calm = (n: number, held = false): Epoch => ({ sent: n, clean: n, limited: 0, held });

describe('Aimd: the adaptive query rate', () => {
  it.each<[string, Epoch[], AimdOptions, number[]]>([
    ['clean answers never set a limit', [calm(500), calm(500), calm(500)], {}, [Infinity, Infinity, Infinity]],
    ['a burst of refusals sets the limit at 0.7 of the rate sent (500 in 250 ms = 2000/s)', [{ sent: 500, clean: 400, limited: 100 }], {}, [1400]],
    ['then calm epochs that were held back raise it by 3 % of that limit each', [{ sent: 500, clean: 400, limited: 100 }, calm(350, true), calm(350, true)], {}, [1400, 1442, 1484]],
    ['calm epochs that were not held back leave it (no evidence the resolver takes more)', [{ sent: 500, clean: 400, limited: 100 }, calm(100), calm(100)], {}, [1400, 1400, 1400]],
    ['a second burst lowers it again, from the lower of limit and rate sent', [{ sent: 500, clean: 400, limited: 100 }, { sent: 350, clean: 300, limited: 50, held: true }], {}, [1400, 980]],
    ['two failures in an epoch are not a burst (one lame zone)', [{ sent: 500, clean: 498, limited: 2 }], {}, [Infinity]],
    ['a steady background under 5 % (a few lame zones) never sets a limit', Array<Epoch>(6).fill({ sent: 1000, clean: 960, limited: 40 }), {}, Array<number>(6).fill(Infinity)],
    ['never below the floor (16/s × 0.7 = 11.2, × 0.7 = 7.8, × 0.7 = 5.5, then 5)', Array<Epoch>(4).fill({ sent: 1, clean: 0, limited: 4 }).map((e, i) => (i === 0 ? { ...e, sent: 4 } : e)), { floorQps: 5 }, [11, 8, 5, 5]],
    ['a burst noticed late (timeouts) is judged against the highest rate of the last 2 s, not the quiet epoch it lands in', [calm(500), calm(500), { sent: 50, clean: 0, limited: 50 }], {}, [Infinity, Infinity, 1400]],
    ['each burst sets the climb to 3 % of its own new limit', [{ sent: 500, clean: 400, limited: 100 }, { sent: 350, clean: 300, limited: 50, held: true }, calm(300, true)], {}, [1400, 980, 1009]],
    ['--qps caps it from the start', [calm(500), calm(500)], { capQps: 300 }, [300, 300]],
    // 400/s sent under a 300 cap: 0.7 × 300 = 210, then + 6.3 (3 % of 210) per held epoch, never past 300.
    ['--qps caps the climb too', [{ sent: 100, clean: 50, limited: 50 }, ...Array<Epoch>(30).fill(calm(100, true))], { capQps: 300 }, [210, ...Array.from({ length: 30 }, (_, i) => Math.min(300, Math.round(210 + 6.3 * (i + 1))))]],
  ])('%s', (_, epochs, options, want) => {
    expect(drive(epochs, options)).toEqual(want);
  });
});
