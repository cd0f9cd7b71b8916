/**
 * audit() = judge() → buildReport(): the full report every entry shows (CLI,
 * HTTP, the sink, the Worker). Everything it touches comes in as an argument.
 */
import type { Rule } from '../core/rule.js';
import type { Report, Target } from '../core/types.js';
import { buildReport } from '../report/build.js';
import { DEFAULT_AUTHSERV_ID } from '../config/defaults.js';
import { judge, type JudgeDeps } from './judge.js';
import { judgeReceivers } from '../core/receivers.js';
import { receivers } from '../../rules/receivers/index.js';
import { programs } from '../../rules/requirements/index.js';

export interface AuditDeps extends JudgeDeps {
  /** Wall clock, epoch ms (createdAt). */
  clock?: () => number;
  /** Monotonic ms (elapsedMs). */
  timer?: () => number;
  rules?: readonly Rule[];
  /** The report's id when it must be known beforehand (the sink announces it in its 250 reply). */
  reportId?: string;
}

export async function audit(target: Target, deps: AuditDeps): Promise<Report> {
  const timer = deps.timer ?? (() => performance.now());
  const started = timer();
  // The remediation (who controls the PTR, the exact record) needs the reverse zone, whatever the rules.
  const { evidence, results, score, metaOf } = await judge(target, deps, deps.rules, ['reverseZone']);
  return buildReport({
    evidence,
    results,
    score,
    metaOf,
    authservId: deps.config?.authservId ?? DEFAULT_AUTHSERV_ID,
    programs,
    receivers: judgeReceivers(receivers, results, evidence.ip?.version ?? 4, { ip: evidence.target.ip, helo: evidence.target.helo }),
    ...(deps.reportId ? { id: deps.reportId } : {}),
    createdAt: new Date((deps.clock ?? Date.now)()),
    elapsedMs: timer() - started,
  });
}
