/** The probers a command uses: SMTP (--probe-smtp, port 25 unless --probe-port) and web (--probe-web). */
import { createSmtpProber } from '../probe/smtp.js';
import { createWebProber, WEB_LIMITS } from '../probe/web.js';
import type { SmtpProber } from '../core/smtp-probe.js';
import type { WebProber } from '../core/web-probe.js';
import { shown } from '../core/errors.js';
import { portNumber } from './args.js';
import { readBounded } from './read.js';
import { UsageError } from './usage.js';

export function makeProber(portText: string | undefined, timeoutMs: number | undefined, server = false): SmtpProber {
  const port = portNumber(portText, '--probe-port', 25);
  return createSmtpProber({
    port,
    // A person's own machine may probe its own network; a server only when its operator set a port (a lab, the tests).
    allowPrivate: !server || portText !== undefined,
    perIpIntervalMs: server ? 600_000 : 0,
    ...(timeoutMs !== undefined ? { replyTimeoutMs: Math.max(timeoutMs, 1000) } : {}),
  });
}

/**
 * The web prober a command uses (--probe-web): https on port 443, public addresses only. --probe-web-port
 * makes a lab of it: that port, loopback addresses too, and PTRCHECK_WEB_CA (a PEM file) trusted beside the
 * system's CAs; certificates are verified either way. A server fetches each name at most once per 10 minutes.
 */
export async function makeWebProber(portText: string | undefined, timeoutMs: number | undefined, env: NodeJS.ProcessEnv, server = false): Promise<WebProber> {
  const lab = portText !== undefined;
  const port = portNumber(portText, '--probe-web-port', 443);
  const caFile = env.PTRCHECK_WEB_CA;
  if (caFile !== undefined && caFile !== '' && !lab) throw new UsageError('PTRCHECK_WEB_CA (a lab\'s CA to trust) applies only with --probe-web-port');
  let ca: string | undefined;
  if (lab && caFile) {
    const bytes = await readBounded(caFile, 1024 * 1024);
    ca = new TextDecoder().decode(bytes);
    if (bytes.length > 1024 * 1024 || !ca.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`PTRCHECK_WEB_CA '${shown(caFile)}' is not a PEM certificate file (at most 1 MB)`);
  }
  return createWebProber({
    port,
    allowLoopback: lab,
    ...(ca ? { ca } : {}),
    perNameIntervalMs: server ? 600_000 : 0,
    ...(timeoutMs !== undefined ? { headerTimeoutMs: Math.min(Math.max(timeoutMs, 1000), WEB_LIMITS.headerTimeoutMs) } : {}),
  });
}
