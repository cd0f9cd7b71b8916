import { parseArgs } from 'node:util';
import { audit } from '../../core/audit.js';
import { InputError, parseIp } from '../../core/ip.js';
import { renderText } from '../../report/text.js';
import { makeResolver } from '../resolver.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';

export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      helo: { type: 'string' },
      'mail-from': { type: 'string' },
      from: { type: 'string' },
      dns: { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'audit needs an IP address: ptrcheck audit <ip>' : `audit takes one IP address, got ${positionals.length}`);
  }
  const ipText = positionals[0]!;
  try {
    parseIp(ipText); // validate before opening sockets
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  const timeoutMs = values.timeout === undefined ? undefined : parseTimeout(values.timeout);
  const resolver = makeResolver({ dns: values.dns, timeoutMs }, io.env);
  try {
    const report = await audit(
      { ip: ipText, helo: values.helo, mailFrom: values['mail-from'], from: values.from },
      { resolver },
    );
    io.stdout(values.json ? JSON.stringify(report, null, 2) + '\n' : renderText(report, { color: io.color }));
    return report.verdict === 'fail' ? 1 : 0;
  } finally {
    resolver.close();
  }
}

function parseTimeout(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 60_000) throw new UsageError(`--timeout '${text}' must be a whole number of milliseconds, 1-60000`);
  return n;
}
