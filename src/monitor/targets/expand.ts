/**
 * A watched target as the addresses a round audits (DESIGN.md, Monitoring):
 * an IP is itself, a CIDR its addresses, a domain the addresses of its MX
 * hosts and what its SPF record authorizes, looked up afresh each round.
 * Capped, and the cap said; a lookup that failed for now is listed, so "the
 * domain authorizes nothing now" and "we could not look" never look alike.
 */
import { InputError } from '../../core/errors.js';
import type { Resolver } from '../../dns/types.js';
import { Collector, Lookups, type Expansion } from './collect.js';
import { mxHosts } from './mx.js';
import { addressesOf, networkOf } from './network.js';
import { parseMonitorTarget, type MonitorTargetSpec } from './parse.js';
import { expandSpf } from './spf-walk.js';

export type { Expansion } from './collect.js';

export interface ExpansionLimits {
  /** Addresses in one expansion (default 1,024). */
  maxAddresses?: number;
  /** DNS-querying SPF terms (RFC 7208 §4.6.4: 10). */
  maxLookups?: number;
  /** SPF lookups that find nothing (RFC 7208 §4.6.4: 2). */
  maxVoidLookups?: number;
}

export const DEFAULT_EXPANSION_LIMITS: Required<ExpansionLimits> = { maxAddresses: 1024, maxLookups: 10, maxVoidLookups: 2 };

const count = (n: number) => n.toLocaleString('en-US');

export async function expandTarget(spec: MonitorTargetSpec, resolver: Resolver, limits: ExpansionLimits = {}): Promise<Expansion> {
  const l = { ...DEFAULT_EXPANSION_LIMITS, ...limits };
  const out = new Collector(Math.max(0, l.maxAddresses));
  switch (spec.kind) {
    case 'ip':
      out.add(spec.target, `ip ${spec.target}`);
      break;
    case 'cidr': {
      const taken = Math.min(spec.size, out.max);
      for (const address of cidrAddresses(spec.target, 0, taken)) out.add(address, `cidr ${spec.target}`);
      if (taken < spec.size) {
        out.note(`${spec.target} holds ${count(spec.size)} addresses: the first ${count(taken)} are listed, ${count(spec.size - taken)} more are left out`);
      }
      break;
    }
    case 'domain': {
      const lookups = new Lookups(resolver, out);
      const mx = await mxHosts(spec.target, lookups, out);
      for (const { host, addresses } of mx.hosts) for (const a of addresses) out.add(a, `mx ${host}`);
      await expandSpf(spec.target, lookups, out, l);
      break;
    }
  }
  return out.result();
}

/**
 * Addresses `offset` … `offset + count - 1` of a watched CIDR (or the one
 * address of an IP target), generated one at a time: the monitor pages
 * through a /16 without holding 65,536 strings.
 */
export function* cidrAddresses(target: string, offset = 0, count = Infinity): Generator<string> {
  const spec = parseMonitorTarget(target);
  if (spec.kind === 'domain') throw new InputError(`'${spec.target}' is a domain, not a CIDR: expand it with expandTarget`);
  const [address, bits] = spec.kind === 'ip' ? [spec.target, undefined] : spec.target.split('/');
  const version = address!.includes(':') ? 6 : 4;
  yield* addressesOf(networkOf(address!, version, bits === undefined ? (version === 4 ? 32 : 128) : Number(bits)), offset, count);
}
