/** The SMTP prober a command uses (--probe-smtp): port 25 unless --probe-port. */
import { createSmtpProber } from '../probe/smtp.js';
import type { SmtpProber } from '../core/smtp-probe.js';
import { portNumber } from './args.js';

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
