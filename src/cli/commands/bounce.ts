/**
 * ptrcheck bounce <file|->: a DSN or pasted bounce text → the receiver, the
 * code's meaning there, the sending IP it names, and a fresh audit of that
 * IP (the reverse zone's own servers asked too). Exit 0 when the problem is
 * gone (or cannot be re-checked), 1 when it is still there, 2 bad input.
 */
import { parseArgs } from 'node:util';
import { audit } from '../../pipeline/audit.js';
import { checkBounce } from '../../bounce/check.js';
import { renderBounce } from '../../bounce/render.js';
import { receivers } from '../../../rules/receivers/index.js';
import { BOUNCE_OPTIONS } from '../options.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { makeAuditDns } from '../resolver.js';
import { parseTimeout } from '../args.js';
import { readInput } from '../read.js';

/** A bounce with the original message attached can be large; its first part is what matters. */
const MAX_BOUNCE_BYTES = 10 * 1024 * 1024;

export async function bounceCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: BOUNCE_OPTIONS });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'bounce needs a file (or - for standard input): ptrcheck bounce <file|->' : `bounce takes one file, got ${positionals.length}`);
  const bytes = await readInput(positionals[0]!, MAX_BOUNCE_BYTES, io, 'bounce');
  const text = new TextDecoder().decode(bytes);
  if (text.trim() === '') throw new UsageError('the bounce is empty');
  const dns = makeAuditDns(values, io.env, parseTimeout(values.timeout));
  try {
    const result = await checkBounce(text, receivers, (ip) => audit({ ip }, { resolver: dns.resolver, direct: dns.direct, config: { authoritative: true } }));
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(renderBounce(result));
    return result.now.status === 'still-there' ? 1 : 0;
  } finally {
    dns.close();
  }
}
