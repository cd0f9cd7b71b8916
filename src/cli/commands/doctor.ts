/**
 * ptrcheck doctor: on the mail host, read the MTA's own settings, find the
 * addresses it sends from, audit each with the HELO it really sends, and
 * say what to change in its terms. Exit 1 when a mailbox provider would
 * reject one of them, 0 otherwise (a temporary DNS failure included), 2 bad input.
 */
import { parseArgs } from 'node:util';
import { audit } from '../../pipeline/audit.js';
import { InputError } from '../../core/errors.js';
import { receivers } from '../../../rules/receivers/index.js';
import { givenAddresses, hostAddresses } from '../../doctor/addresses.js';
import { renderDoctor } from '../../doctor/render.js';
import { runDoctor } from '../../doctor/result.js';
import { parseTimeout } from '../args.js';
import type { CliIo } from '../io.js';
import { DOCTOR_OPTIONS } from '../options.js';
import { makeAuditDns } from '../resolver.js';
import { UsageError } from '../usage.js';
import { machineInterfaces, readMta } from '../doctor-host.js';

export async function doctorCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: DOCTOR_OPTIONS });
  if (positionals.length > 0) throw new UsageError(`doctor takes no arguments (got '${positionals[0]}'); give addresses with --ip`);
  const timeoutMs = parseTimeout(values.timeout);
  let choice;
  const mta = await readMta({ postfixConfig: values['postfix-config'], eximConfig: values['exim-config'], postconf: values.postconf }, io.env).catch((e: unknown) => {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  });
  try {
    choice = values.ip !== undefined ? givenAddresses(values.ip, mta) : hostAddresses(mta, machineInterfaces());
  } catch (e) {
    throw e instanceof InputError ? new UsageError(e.message) : e;
  }
  if (choice.problem !== undefined) throw new UsageError(choice.problem);
  const dns = makeAuditDns(values, io.env, timeoutMs);
  try {
    const result = await runDoctor(mta, choice, (target) => audit(target, { resolver: dns.resolver, direct: dns.direct }), receivers);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderDoctor(result));
    return result.exit;
  } finally {
    dns.close();
  }
}
