import { parseArgs } from 'node:util';
import { programs } from '../../../rules/requirements/index.js';
import { requirementsText } from '../../report/requirements-catalogue.js';
import type { CliIo } from '../io.js';
import { REQUIREMENTS_OPTIONS } from '../options.js';

/** What each big receiver requires of senders, and which rules show it (generated from rules/requirements). */
export function requirementsCommand(argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: REQUIREMENTS_OPTIONS });
  io.stdout(values.json ? `${JSON.stringify(programs, null, 2)}\n` : requirementsText(programs));
  return 0;
}
