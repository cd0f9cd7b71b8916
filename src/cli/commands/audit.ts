import { parseArgs } from 'node:util';
import { audit } from '../../pipeline/audit.js';
import { parseIp } from '../../core/ip.js';
import { InputError } from '../../core/errors.js';
import { makeAuditDns } from '../resolver.js';
import { makeProber, makeWebProber } from '../probe.js';
import { UsageError } from '../usage.js';
import type { CliIo } from '../io.js';
import { chooseFormat, printReport } from '../print.js';
import { dnsblZones, parseTimeout } from '../args.js';
import { AUDIT_OPTIONS } from '../options.js';
import { checkClaims } from '../../core/claims.js';

const FLAG_NAMES = { helo: '--helo', mailFrom: '--mail-from', from: '--from', ip: '--ip' };

export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: AUDIT_OPTIONS,
  });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'audit needs an IP address: ptrcheck audit <ip>' : `audit takes one IP address, got ${positionals.length}`);
  }
  const ipText = positionals[0]!;
  try {
    parseIp(ipText); // validate before opening sockets
    checkClaims({ helo: values.helo, mailFrom: values['mail-from'], from: values.from }, FLAG_NAMES);
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(e.message);
    throw e;
  }
  const format = chooseFormat(values.format, values.json);
  const dnsbl = dnsblZones(values.dnsbl, io.env); // a bad zone is a usage error before any query
  const timeoutMs = parseTimeout(values.timeout);
  const web = values['probe-web'] ? await makeWebProber(values['probe-web-port'], timeoutMs, io.env) : undefined;
  const dns = makeAuditDns(values, io.env, timeoutMs);
  const { resolver, direct } = dns;
  try {
    const report = await audit(
      { ip: ipText, helo: values.helo, mailFrom: values['mail-from'], from: values.from },
      { resolver, direct, config: { dnsbl, authoritative: values.authoritative === true }, ...(values['probe-smtp'] ? { smtp: makeProber(values['probe-port'], timeoutMs) } : {}), ...(web ? { web } : {}) },
    );
    return printReport(report, format, io);
  } finally {
    dns.close();
  }
}
