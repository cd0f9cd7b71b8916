/** Option values every command parses the same way; a bad one is one clear line naming the option (exit 2). */
import { UsageError } from './usage.js';
import { shown } from '../core/errors.js';
import { dnsblZones as parseZones } from '../config/parse.js';

/** A whole-number option within bounds (config/parse.ts, shared with the Worker's settings). */
export { wholeNumber } from '../config/parse.js';

export function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 60_000) throw new UsageError(`--timeout '${text}' must be a whole number of milliseconds, 1-60000`);
  return n;
}

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "30s", "5m", "24h", "1d", "1500ms" (a bare number is seconds), within [min, max] milliseconds. */
export function parseDuration(text: string, option: string, minMs: number, maxMs: number): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * UNITS[m[2] ?? 's']! : NaN;
  if (!Number.isFinite(ms) || ms < minMs || ms > maxMs) {
    throw new UsageError(`${option} '${text}' must be a duration like 30s, 5m or 24h, from ${words(minMs)} to ${words(maxMs)}`);
  }
  return Math.round(ms);
}

function words(ms: number): string {
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** A port number option (1-65535), or the default when not given. */
export function portNumber(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text.trim()) || port < 1 || port > 65535) throw new UsageError(`${option} '${shown(text)}' must be a port number, 1-65535`);
  return port;
}

/** --dnsbl ZONE (repeatable), else PTRCHECK_DNSBL (comma-separated): the DNS blocklists dnsbl-clean asks. */
export function dnsblZones(given: string[] | undefined, env: NodeJS.ProcessEnv): string[] {
  return parseZones((given ?? [env.PTRCHECK_DNSBL ?? '']).join(','), '--dnsbl');
}
