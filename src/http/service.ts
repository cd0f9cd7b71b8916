/**
 * What the routes do, in one place: audit (IP or message) within the time
 * budget, keep the report, and find it again.
 */
import { audit } from '../core/audit.js';
import type { Report, Target } from '../core/types.js';
import { auditMessage, type MessageOverrides } from '../message/index.js';
import { isReportId } from '../store/types.js';
import { DEFAULT_HTTP_CONFIG, type HttpConfig, type HttpDeps } from './deps.js';
import { withTimeout } from './errors.js';

export interface AuditService {
  config: HttpConfig;
  auditIp(target: Target): Promise<Report>;
  auditMessage(message: Uint8Array, overrides: MessageOverrides): Promise<Report>;
  report(id: string): Promise<Report | undefined>;
}

export function auditService(deps: HttpDeps): AuditService {
  const config = { ...DEFAULT_HTTP_CONFIG, ...deps.config };
  const auditDeps = { resolver: deps.resolver, config: { authservId: config.authservId }, ...(deps.clock ? { clock: deps.clock } : {}) };
  const keep = async (p: Promise<Report>): Promise<Report> => {
    const report = await withTimeout(p, config.auditTimeoutMs);
    await deps.store.save(report);
    return report;
  };
  return {
    config,
    auditIp: (target) => keep(audit(target, auditDeps)),
    auditMessage: (message, overrides) =>
      keep(auditMessage(message, { trustedReceivers: config.trustedReceivers, ...overrides }, { ...auditDeps, maxBytes: config.maxMessageBytes })),
    report: async (id) => (isReportId(id) ? deps.store.get(id) : undefined),
  };
}
