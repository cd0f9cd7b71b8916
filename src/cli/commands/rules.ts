import { parseArgs } from 'node:util';
import { catalogue } from '../../../rules/index.js';
import type { CliIo } from '../io.js';
import { RULES_OPTIONS } from '../options.js';

/** The catalogue, generated from each rule's meta (STYLE.md rule 9). */
export function rulesCommand(argv: string[], io: CliIo): number {
  const { values } = parseArgs({ args: argv, options: RULES_OPTIONS });
  const metas = catalogue.map((r) => {
    const { id, title, failureTitle, rationale, weight, severity, refs, requires } = r.meta;
    return { id, title, failureTitle, rationale, weight, severity, refs, requires };
  });
  if (values.json) {
    io.stdout(JSON.stringify(metas, null, 2) + '\n');
    return 0;
  }
  const lines = metas.map(
    (m) => `${m.id.padEnd(18)} ${String(m.weight).padStart(3)}  ${m.severity.padEnd(8)}  ${m.title}\n${' '.repeat(34)}${m.rationale}\n${' '.repeat(34)}refs: ${m.refs.join(', ')}`,
  );
  io.stdout(`${'id'.padEnd(18)} ${'wt'.padStart(3)}  ${'severity'.padEnd(8)}  title\n${lines.join('\n')}\n`);
  return 0;
}
