/** The SMTP prober a command uses (--probe-smtp): port 25 unless --probe-port. */
import { createSmtpProber } from '../probe/smtp.js';
import type { SmtpProber } from '../core/smtp-probe.js';
import { UsageError } from './usage.js';
import { shown } from '../core/errors.js';

export function makeProber(portText: string | undefined, timeoutMs: number | undefined, server = false): SmtpProber {
  let port = 25;
  if (portText !== undefined) {
    port = Number(portText);
    if (!/^\d+$/.test(portText.trim()) || port < 1 || port > 65535) throw new UsageError(`--probe-port '${shown(portText)}' must be a port number, 1-65535`);
  }
  return createSmtpProber({
    port,
    // A person's own machine may probe its own network; a server only when its operator set a port (a lab, the tests).
    allowPrivate: !server || portText !== undefined,
    perIpIntervalMs: server ? 600_000 : 0,
    ...(timeoutMs !== undefined ? { replyTimeoutMs: Math.max(timeoutMs, 1000) } : {}),
  });
}
