/**
 * DNS query ids: random (RFC 5452, against spoofed answers), none in use
 * twice at once, drawn from the CSPRNG in blocks: one getRandomValues call
 * per query was a measurable share of a batch run's CPU.
 */
export function queryIdSource(inUse: (id: number) => boolean): () => number {
  let ids = new Uint16Array(0);
  let next = 0;
  return () => {
    for (;;) {
      if (next >= ids.length) {
        ids = crypto.getRandomValues(new Uint16Array(4096));
        next = 0;
      }
      const id = ids[next++]!;
      if (!inUse(id)) return id;
    }
  };
}
