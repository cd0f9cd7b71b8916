/**
 * Gather: every piece of I/O an audit does, turned into Evidence.
 */
import type { Resolver } from '../dns/types.js';
import { withRecorder } from '../dns/recorder.js';
import { parseIp } from '../core/ip.js';
import type { Evidence, Target } from '../core/types.js';
import { DEFAULT_GATHER, gatherIp, type GatherConfig } from './ip.js';

export { DEFAULT_GATHER, type GatherConfig } from './ip.js';

/** Throws InputError for a target whose IP is not an address; everything else becomes data. */
export async function gather(target: Target, resolver: Resolver, config: GatherConfig = DEFAULT_GATHER): Promise<Evidence> {
  const ip = parseIp(target.ip);
  const recorder = withRecorder(resolver);
  const ipEvidence = await gatherIp(ip, recorder, config);
  return { target: { ...target, ip: ip.address }, ip, ...ipEvidence, dns: [...recorder.log] };
}
