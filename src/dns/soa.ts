/** The parts of an SOA's data (presentation form, as dig prints it) that matter to ptrcheck: who runs a zone, its serial, its negative TTL. */
export interface SoaFields {
  mname: string;
  rname: string;
  serial: number;
  minimum: number;
}

export function parseSoa(data: string): SoaFields | undefined {
  const f = data.split(/\s+/);
  if (f.length < 7) return undefined;
  return { mname: f[0]!, rname: f[1]!, serial: Number(f[2]), minimum: Number(f[6]) };
}
