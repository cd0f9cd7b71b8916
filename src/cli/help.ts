/**
 * `ptrcheck --help`, generated from the option tables (cli/options.ts): a
 * flag added there is documented here and in docs/cli.md (`npm run docs`).
 */
import { COMMAND_SPECS, COMMON_OPTIONS, type CommandSpec } from './options.js';

const WIDTH = 78;
const INDENT = 24;
const SHARED = new Set<unknown>(Object.values(COMMON_OPTIONS));

function wrap(text: string, indent: number, first: string): string {
  const lines: string[] = [];
  let line = first.padEnd(indent);
  if (first.length >= indent) {
    lines.push(first);
    line = ' '.repeat(indent);
  }
  for (const word of text.split(' ')) {
    if (line.trim() !== '' && line.length + word.length + 1 > WIDTH && line.length > indent) {
      lines.push(line.trimEnd());
      line = ' '.repeat(indent);
    }
    line += (line.length > indent ? ' ' : '') + word;
  }
  lines.push(line.trimEnd());
  return lines.join('\n');
}

function optionLines(options: CommandSpec['options'], only: (o: unknown) => boolean): string[] {
  return Object.entries(options)
    .filter(([, o]) => only(o))
    .map(([name, o]) => {
      const flag = `  --${name}${o.arg ? ` ${o.arg}` : ''}${o.multiple ? ' ...' : ''}`;
      const notes = [o.default !== undefined && o.default !== false ? `default ${String(o.default)}` : '', o.env ? `also ${o.env}` : ''].filter(Boolean);
      return wrap(`${o.help}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`, INDENT, flag);
    });
}

/** One command's part: its usage line, what it does, its own options. */
export function commandHelp(name: string): string {
  const spec = COMMAND_SPECS[name]!;
  const shared = Object.values(spec.options).some((o) => SHARED.has(o));
  const own = optionLines(spec.options, (o) => !SHARED.has(o));
  return [
    `ptrcheck ${name}${spec.usage ? ` ${spec.usage}` : ''} [options]`,
    wrap(spec.summary, 2, ''),
    ...own,
    ...(shared ? ['  and the DNS and output options below'] : []),
  ].join('\n');
}

export function helpText(): string {
  const shared = optionLines(COMMON_OPTIONS, () => true);
  return [
    'ptrcheck: reverse DNS and sender checks for mail deliverability',
    '',
    ...Object.keys(COMMAND_SPECS).flatMap((name) => [commandHelp(name), '']),
    'DNS and output options (audit, message; batch and serve take the DNS ones):',
    ...shared,
    '',
    'ptrcheck --help | <command> --help | --version',
    'Exit codes: 0 audit done and verdict not fail; 1 verdict fail; 2 bad input or usage.',
    '',
  ].join('\n');
}
