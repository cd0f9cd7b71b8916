/** Option values every command parses the same way; a bad one is one clear line naming the option (exit 2). */
import { UsageError } from './usage.js';
import { dnsblZones as parseZones } from '../config/parse.js';

/** A whole-number option within bounds (config/parse.ts, shared with the Worker's settings). */
export { wholeNumber } from '../config/parse.js';

export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 60_000) throw new UsageError(`--timeout '${text}' must be a whole number of milliseconds, 1-60000`);
  return n;
}

/** --dnsbl ZONE (repeatable), else PTRCHECK_DNSBL (comma-separated): the DNS blocklists dnsbl-clean asks. */
export function dnsblZones(given: string[] | undefined, env: NodeJS.ProcessEnv): string[] {
  return parseZones((given ?? [env.PTRCHECK_DNSBL ?? '']).join(','), '--dnsbl');
}
