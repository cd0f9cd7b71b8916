import { parseArgs } from 'node:util';
import { catalogue } from '../../../rules/index.js';
import { catalogueText, ruleSummaries } from '../../report/catalogue.js';
import type { CliIo } from '../io.js';
import { RULES_OPTIONS } from '../options.js';

/** The catalogue, generated from each rule's meta (STYLE.md rule 9). */
export function rulesCommand(argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: RULES_OPTIONS });
  io.stdout(values.json ? `${JSON.stringify(ruleSummaries(catalogue), null, 2)}\n` : catalogueText(catalogue));
  return 0;
}
