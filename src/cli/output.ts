import type { Report } from '../core/types.js';
import { renderText } from '../report/text.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';
import { dnsblZones as parseZones } from '../config/parse.js';

export type Format = 'text' | 'json' | 'authres';

export function chooseFormat(format: string | undefined, json: boolean | undefined): Format {
  if (json) return 'json';
  if (format === undefined) return 'text';
  if (format === 'text' || format === 'json' || format === 'authres') return format;
  throw new UsageError(`--format '${format}' is not one of text, json, authres`);
}

/** Prints the report; exit code 1 when the verdict is fail. */
export function printReport(report: Report, format: Format, io: CliIo): number {
  if (format === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'authres') io.stdout(report.authenticationResults + '\r\n');
  else io.stdout(renderText(report, { color: io.color }));
  return report.verdict === 'fail' ? 1 : 0;
}

/** A whole-number option within bounds, or one clear error naming the option (config/parse.ts, shared with the Worker). */
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

