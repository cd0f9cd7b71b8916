/** How a command prints a report: text (default), JSON or the Authentication-Results line, and the exit code it means. */
import type { Report } from '../core/types.js';
import { renderText } from '../report/text.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

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
