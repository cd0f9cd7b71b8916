#!/usr/bin/env node
/**
 * The ptrcheck command line: a thin adapter from argv to the commands.
 * Exit codes: 0 done and verdict not fail, 1 verdict fail, 2 bad input.
 */
import { readFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

// Compiled code is kept on disk between runs (Node's compile cache): loading the rules, the
// public suffix list and the rest took ~0.4 s of every command's start. Looked up, not
// imported by name, so an older Node still starts (and says what it lacks later, if anything).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();

type Command = (argv: string[], io: CliIo) => number | Promise<number>;

// Each command loads only what it uses: `batch` and `audit` need neither the HTTP app nor
// mailauth, and a batch run's heap is the smaller (and its GC the cheaper) for it.
const COMMANDS: Record<string, () => Promise<Command>> = {
  audit: async () => (await import('./commands/audit.js')).auditCommand,
  message: async () => (await import('./commands/message.js')).messageCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  batch: async () => (await import('./commands/batch.js')).batchCommand,
  rules: async () => (await import('./commands/rules.js')).rulesCommand,
  requirements: async () => (await import('./commands/requirements.js')).requirementsCommand,
  watch: async () => (await import('./commands/watch.js')).watchCommand,
  bounce: async () => (await import('./commands/bounce.js')).bounceCommand,
  backup: async () => (await import('./commands/backup.js')).backupCommand,
  monitor: async () => (await import('./commands/monitor.js')).monitorCommand,
  doctor: async () => (await import('./commands/doctor.js')).doctorCommand,
};

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout((await import('./help.js')).helpText());
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.stdout(`${pkg.version}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) throw new UsageError(`unknown command '${command}' (try: ptrcheck --help)`);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${(await import('./help.js')).commandHelp(command)}\n`);
    return 0;
  }
  return (await load())(rest, io);
}

function errorLine(e: unknown): string {
  // A ConfigError (config/parse.ts) names the bad flag; checked by name so start-up loads no config code.
  if (e instanceof UsageError || (e instanceof Error && e.name === 'ConfigError')) return e.message;
  // node:util parseArgs reports unknown or malformed options with a code.
  const code = (e as { code?: string }).code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    const first = (e as Error).message.split('\n')[0]!;
    // "--timeout -1": parseArgs takes -1 for an option; say what to write instead.
    const ambiguous = /^Option '(--[\w-]+)(?: <value>)?' argument is ambiguous/.exec(first);
    if (ambiguous) return `${ambiguous[1]} needs a value; for one that starts with a dash write ${ambiguous[1]}=VALUE (e.g. ${ambiguous[1]}=-1)`;
    return first.length > 200 ? `${first.slice(0, 200)}…` : first;
  }
  return `internal error: ${e instanceof Error ? e.message : String(e)}`;
}

const io: CliIo = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  color: process.env.FORCE_COLOR ? true : Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  readStdin: async (limit) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
    return Buffer.concat(chunks).subarray(0, limit);
  },
  stdin: () => process.stdin,
  write: async (text) => {
    if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
  },
  progress: Boolean(process.stderr.isTTY),
  tty: Boolean(process.stdout.isTTY),
};
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); // reader went away (| head): not an error
});

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  // node:sqlite, mailauth 7 and undici need it; a clear line beats a stack trace from deep inside.
  io.stderr(`ptrcheck: needs Node.js 24 or newer, this is ${process.version}; inside the project, 'npx ptrcheck' uses the Node 24 that 'npm ci' installs\n`);
  process.exit(2);
}

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.stderr(`ptrcheck: ${errorLine(e)}\n`);
    process.exitCode = 2;
  },
);
