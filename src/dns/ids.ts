/**
 * DNS query ids: random (RFC 5452, against spoofed answers), none in use
 * twice at once, drawn from the CSPRNG in blocks: one getRandomValues call
 * per query was a measurable share of a batch run's CPU.
 *
 * An id space holds at most MAX_IN_FLIGHT questions (slots.ts keeps it so):
 * with at most a quarter of the ids taken, a random draw is free three times
 * in four, and MAX_DRAWS misses in a row (4^-64) do not happen. The draw is
 * bounded all the same: a full space answers undefined, never a loop.
 */
export const MAX_IN_FLIGHT = 16_384;
const MAX_DRAWS = 64;

export function queryIdSource(inUse: (id: number) => boolean): () => number | undefined {
  let ids = new Uint16Array(0);
  let next = 0;
  return () => {
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      if (next >= ids.length) {
        ids = crypto.getRandomValues(new Uint16Array(4096));
        next = 0;
      }
      const id = ids[next++]!;
      if (!inUse(id)) return id;
    }
    return undefined;
  };
}
