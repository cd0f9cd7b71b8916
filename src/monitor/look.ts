/**
 * One look at an address, as monitoring judges it: the batch's rules (the
 * IP's own rules, dnsbl-clean when lists are named), and the state they
 * give. A confirmation looks again with the reverse zone's own servers
 * asked too: a change counts only when the zone's servers publish what the
 * resolver showed (ptr-propagated and forward-propagated agree or are not
 * needed). A rule in error leaves the look undecided: never a state.
 */
import { catalogue } from '../../rules/index.js';
import type { DirectQuery, Resolver } from '../dns/types.js';
import { judge } from '../pipeline/judge.js';
import { scoreResults } from '../core/score.js';
import { IP_RULES, WITH_DNSBL } from '../batch/audit.js';
import type { AddressState } from './store.js';

const AT_SOURCE = catalogue.filter((r) => r.meta.id === 'ptr-propagated' || r.meta.id === 'forward-propagated');

export interface Look {
  /** Undefined when a lookup failed temporarily (`undecided` says which rules). */
  state?: AddressState;
  undecided: string[];
  score: number;
  /** Why a confirmation did not confirm: the zone's servers publish something else, in the rule's words. */
  atSource?: string;
}

export interface LookDeps {
  resolver: Resolver;
  dnsbl: readonly string[];
}

export async function look(ip: string, deps: LookDeps): Promise<Look> {
  const rules = deps.dnsbl.length > 0 ? WITH_DNSBL : IP_RULES;
  const { results, score } = await judge({ ip }, { resolver: deps.resolver, config: { dnsbl: deps.dnsbl } }, rules);
  const undecided = results.filter((r) => r.status === 'error').map((r) => r.rule);
  const failing = results.filter((r) => r.status === 'fail').map((r) => r.rule).sort();
  return { ...(undecided.length === 0 ? { state: { verdict: score.verdict, failing } } : {}), undecided, score: score.score };
}

/**
 * The same look, then what the reverse zone's own servers (and the PTR name's DNS host) publish. Without `direct`
 * (a Worker cannot open sockets to them) the confirmation is the second, uncached look alone.
 */
export async function confirm(ip: string, deps: LookDeps & { direct?: DirectQuery | undefined }): Promise<Look> {
  const base = deps.dnsbl.length > 0 ? WITH_DNSBL : IP_RULES;
  const rules = [...base, ...AT_SOURCE];
  const j = await judge({ ip }, { resolver: deps.resolver, ...(deps.direct ? { direct: deps.direct } : {}), config: { dnsbl: deps.dnsbl, authoritative: true } }, rules);
  const own = j.results.filter((r) => base.some((b) => b.meta.id === r.rule));
  const undecided = j.results.filter((r) => r.status === 'error').map((r) => r.rule);
  const score = scoreResults(own, j.metaOf);
  const failing = own.filter((r) => r.status === 'fail').map((r) => r.rule).sort();
  // The resolver showed one thing, the zone's servers publish another: the change is not (yet) at the source.
  const disagree = j.results.find((r) => (r.rule === 'ptr-propagated' || r.rule === 'forward-propagated') && (r.status === 'warn' || r.status === 'info' || r.status === 'fail'));
  const out: Look = { undecided, score: score.score };
  if (undecided.length === 0) out.state = { verdict: score.verdict, failing };
  if (disagree) out.atSource = `${disagree.rule}: ${disagree.messageId}`;
  return out;
}
