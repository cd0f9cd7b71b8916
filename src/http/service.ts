/**
 * What the routes do, in one place: audit (IP or message) within the time
 * budget, keep the report, and find it again.
 */
import { audit } from '../pipeline/audit.js';
import { checkClaims } from '../core/claims.js';
import type { Report, Target } from '../core/types.js';
import { messageTarget, type MessageOverrides } from '../message/target.js';
import { isReportId } from '../store/ids.js';
import { auditConfig, DEFAULT_HTTP_CONFIG, type HttpConfig, type HttpDeps } from './deps.js';
import { withTimeout } from './errors.js';
import { admission } from './admission.js';
import { auditForBatch } from '../batch/audit.js';
import type { BatchReport } from '../batch/records.js';
import { watchOnce, type WatchState } from '../watch/poll.js';
import { checkBounce, type BounceResult } from '../bounce/check.js';
import { decodeHere } from '../bounce/decoder.js';
import { receivers } from '../../rules/receivers/index.js';
import { withHeloHistory } from '../store/helo-history.js';
import type { AuditMode } from '../core/observer.js';
import { hostnameSyntaxProblems } from '../core/names.js';
import { InputError, shown } from '../core/errors.js';

export interface AuditService {
  config: HttpConfig;
  /** `authoritative`: also ask the reverse zone's own servers when the PTR and FCrDNS pass. */
  auditIp(target: Target, options?: { authoritative?: boolean; probeSmtp?: boolean; probeWeb?: boolean }): Promise<Report>;
  auditMessage(message: Uint8Array, overrides: MessageOverrides): Promise<Report>;
  /** One look at a PTR change at the zone's own servers and this server's resolver (GET /api/v1/watch, the watch page). */
  watch(ip: string, expect: string | undefined): Promise<WatchState>;
  /** A bounce decoded, and the IP it names audited (and kept) with the zone's own servers asked. */
  bounce(text: string): Promise<BounceResult>;
  /** A batch entry: audited within the time budget, not kept (the stream is the result). */
  auditBatchIp(ip: string): Promise<BatchReport>;
  report(id: string): Promise<Report | undefined>;
}

export function auditService(deps: HttpDeps): AuditService {
  const config = { ...DEFAULT_HTTP_CONFIG, ...deps.config };
  const auditDeps = {
    resolver: deps.resolver, config: auditConfig(config), direct: deps.direct,
    ...(deps.clock ? { clock: deps.clock } : {}), ...(deps.authenticate ? { authenticate: deps.authenticate } : {}),
  };
  // Every audit-shaped piece of work holds a slot until its work (not its response) ends.
  const admit = admission(config.maxAuditsInFlight, config.auditWaitMs);
  const bounded = <T>(work: () => Promise<T>): Promise<T> => withTimeout(admit.run(work), config.auditTimeoutMs);
  const keep = async (work: () => Promise<Report>, mode: AuditMode = 'ip'): Promise<Report> => {
    const report = await withHeloHistory(await bounded(work), deps.sink?.store);
    await deps.store.save(report);
    deps.observer?.audit?.({ mode, report, ...(deps.publicUrl ? { url: `${deps.publicUrl}/r/${report.id}` } : {}) });
    return report;
  };
  const decode = deps.decodeBounce ?? decodeHere(receivers);
  const fresh = freshReports(config.reportCacheSeconds, deps.clock ?? Date.now);
  return {
    config,
    auditIp: async (target, options = {}) => {
      checkClaims(target);
      const authoritative = options.authoritative === true;
      const probe = options.probeSmtp === true;
      const probeWeb = options.probeWeb === true;
      const key = JSON.stringify([target.ip, target.helo, target.mailFrom, target.from, authoritative, probe, probeWeb]);
      const cached = fresh.get(key);
      if (cached) return cached;
      const asked = { ...auditDeps, config: { ...auditDeps.config, authoritative }, ...(probe && deps.prober ? { smtp: deps.prober } : {}), ...(probeWeb && deps.webProber ? { web: deps.webProber } : {}) };
      const report = await keep(() => audit(target, asked));
      fresh.set(key, report);
      return report;
    },
    auditMessage: (message, overrides) =>
      (checkClaims(overrides), keep(() => audit(messageTarget(message, { trustedReceivers: config.trustedReceivers, maxBytes: config.maxMessageBytes, ...overrides }), auditDeps), 'message')),
    watch: (ip, expect) => {
      if (expect !== undefined && expect.trim() !== '' && hostnameSyntaxProblems(expect).length > 0) {
        return Promise.reject(new InputError(`expect '${shown(expect)}' is not a host name`));
      }
      return bounded(() => watchOnce(ip, expect, { resolver: deps.resolver, resolvers: [{ label: "(this server's)", resolver: deps.resolver }], direct: deps.direct }));
    },
    // Decoding holds a slot of its own (then the audit one): a line of bounces waiting for a decoding thread is bounded too.
    bounce: (text) => checkBounce(text, receivers, (ip) => keep(() => audit({ ip }, { ...auditDeps, config: { ...auditDeps.config, authoritative: true } }), 'bounce'), (raw) => bounded(() => decode(raw))),
    auditBatchIp: (ip) => bounded(() => auditForBatch(ip, deps.resolver, config.dnsbl)),
    report: async (id) => (isReportId(id) ? deps.store.get(id) : undefined),
  };
}

/** A small, short-lived map of the newest report per target (bounded, oldest out first). */
function freshReports(seconds: number, now: () => number, max = 1000) {
  const map = new Map<string, { report: Report; until: number }>();
  return {
    get(key: string): Report | undefined {
      const hit = map.get(key);
      if (!hit) return undefined;
      if (hit.until > now()) return hit.report;
      map.delete(key);
      return undefined;
    },
    set(key: string, report: Report): void {
      if (seconds <= 0 || report.partial) return; // a partial result should be retried, not repeated
      const ttl = Math.min(seconds, ...report.dns.map((d) => d.ttl));
      if (ttl <= 0) return;
      map.delete(key);
      map.set(key, { report, until: now() + ttl * 1000 });
      if (map.size > max) map.delete(map.keys().next().value!);
    },
  };
}
