import { readBounded } from '../read.js';
import { parseArgs } from 'node:util';
import { messageTarget } from '../../message/target.js';
import { audit } from '../../pipeline/audit.js';
import { DEFAULT_CLI_MESSAGE_BYTES } from '../../config/defaults.js';
import { InputError } from '../../core/errors.js';
import { makeAuditDns } from '../resolver.js';
import { makeWebProber } from '../probe.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { chooseFormat, printReport } from '../print.js';
import { dnsblZones, parseTimeout } from '../args.js';
import { MESSAGE_OPTIONS } from '../options.js';
import { checkClaims } from '../../core/claims.js';
import { trustedReceiverPattern } from '../../message/trusted.js';

export async function messageCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: MESSAGE_OPTIONS,
  });
  if (positionals.length !== 1) throw new UsageError('message needs one file (or - for standard input): ptrcheck message <file.eml|->');
  try {
    checkClaims({ ip: values.ip, helo: values.helo, mailFrom: values['mail-from'] }, { ip: '--ip', helo: '--helo', mailFrom: '--mail-from' });
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
  const format = chooseFormat(values.format, values.json);
  let trustedReceivers: string[];
  try {
    trustedReceivers = (values['trusted-receiver'] ?? []).map((p) => trustedReceiverPattern(p));
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
  const maxBytes = values['max-size'] === undefined ? DEFAULT_CLI_MESSAGE_BYTES : parseMb(values['max-size']);
  const message = await readMessage(positionals[0]!, io, maxBytes);
  const dnsbl = dnsblZones(values.dnsbl, io.env);
  const timeoutMs = parseTimeout(values.timeout);
  const web = values['probe-web'] ? await makeWebProber(values['probe-web-port'], timeoutMs, io.env) : undefined;
  const dns = makeAuditDns(values, io.env, timeoutMs);
  const { resolver, direct } = dns;
  try {
    const target = messageTarget(message, { ip: values.ip, helo: values.helo, mailFrom: values['mail-from'], trustedReceivers, maxBytes });
    const report = await audit(target, { resolver, direct, config: { dnsbl, authoritative: values.authoritative === true }, ...(web ? { web } : {}) });
    return printReport(report, format, io);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  } finally {
    dns.close();
  }
}

async function readMessage(path: string, io: CliIo, maxBytes: number): Promise<Uint8Array> {
  // Read one byte past the limit, never more: messageTarget() then refuses it by its size.
  return path === '-' ? io.readStdin(maxBytes + 1) : readBounded(path, maxBytes);
}

function parseMb(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 1024) throw new UsageError(`--max-size '${text}' must be a size in MB, 0-1024`);
  return Math.round(n * 1024 * 1024);
}
