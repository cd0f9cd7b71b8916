/**
 * A bounce, then now: decode it, audit the IP it names (asking the reverse
 * zone's own servers too), and say whether the problem the receiver
 * reported is still there, published but not yet seen everywhere, or fixed
 * since; or that an audit of the IP cannot tell (authentication, content).
 * A bounce the decoder gave up on (decoder.ts) is said so, not an error.
 */
import type { ReceiverSpec } from '../core/receivers.js';
import type { Report } from '../core/types.js';
import type { DecodedBounce } from './decode.js';
import { BounceNotDecodedError, decodeHere, type BounceDecoder } from './decoder.js';
import { BOUNCE_NOW } from './words.js';
import { isTemporary } from '../core/temporary.js';
import type { DnsOutcome } from '../dns/types.js';

export type BounceNow = 'still-there' | 'published' | 'fixed' | 'cannot-check' | 'not-rechecked' | 'no-ip' | 'not-decoded';

export interface BounceResult {
  bounce: DecodedBounce;
  now: { status: BounceNow; message: string };
  /** The fresh audit of the IP the bounce names. */
  audit?: Report;
}

/** The categories an audit of the sending IP can re-check. */
const RECHECKABLE = new Set(['ptr', 'helo']);
const PTR_RULES = ['ptr-present', 'fcrdns', 'ptr-not-generic', 'ptr-hostname'];

export async function checkBounce(raw: string, receivers: readonly ReceiverSpec[], audit: (ip: string) => Promise<Report>, decode: BounceDecoder = decodeHere(receivers)): Promise<BounceResult> {
  let bounce: DecodedBounce;
  try {
    bounce = await decode(raw);
  } catch (e) {
    if (!(e instanceof BounceNotDecodedError)) throw e;
    return { bounce: { format: 'text', category: 'other', notes: [e.message] }, now: { status: 'not-decoded', message: BOUNCE_NOW['not-decoded']! } };
  }
  if (!bounce.ip) return { bounce, now: { status: 'no-ip', message: BOUNCE_NOW['no-ip']! } };
  const report = await audit(bounce.ip);
  return { bounce, now: nowOf(bounce, report), audit: report };
}

function nowOf(bounce: DecodedBounce, report: Report): BounceResult['now'] {
  const say = (status: BounceNow, extra = '') => ({ status, message: `${BOUNCE_NOW[status]}${extra}` });
  if (!RECHECKABLE.has(bounce.category)) return say('not-rechecked');
  const failing = report.results.filter((r) => PTR_RULES.includes(r.rule) && (r.status === 'fail' || r.status === 'warn'));
  const predicted = bounce.receiver ? report.receivers.find((r) => r.id === bounce.receiver!.id) : undefined;
  // A lookup that failed temporarily is no answer: the re-check says so, never still there, published or fixed.
  const undecided = predicted ? (predicted.outcome === 'unknown' ? predicted.unknown ?? [] : []) : report.results.filter((r) => PTR_RULES.includes(r.rule) && r.status === 'error').map((r) => r.rule);
  if (undecided.length > 0) {
    const lookups = [...new Set(report.dns.filter((d) => isTemporary(d.outcome as DnsOutcome)).map((d) => `${d.type} ${d.name} ${d.rcode}`))].slice(0, 5);
    return say('cannot-check', ` ${lookups.length > 0 ? lookups.join(', ') : 'a lookup'} failed, so ${undecided.join(', ')} could not be judged. Run the check again in a few minutes.`);
  }
  const stillRefused = predicted ? predicted.outcome !== 'accept' : failing.length > 0;
  if (!stillRefused) return say('fixed', predicted ? ` ${predicted.name} is now predicted to accept.` : '');
  const propagated = report.results.find((r) => r.rule === 'ptr-propagated' || r.rule === 'forward-propagated');
  const stale = report.results.find((r) => (r.rule === 'ptr-propagated' || r.rule === 'forward-propagated') && r.messageId === 'resolver-stale');
  if (stale) return say('published', ` ${stale.message}`);
  const why = predicted && predicted.rules.length > 0 ? ` (${predicted.rules.join(', ')})` : failing.length > 0 ? ` (${failing.map((r) => r.rule).join(', ')})` : '';
  return say('still-there', propagated?.status === 'pass' ? `${why}; the zone's own servers give the same answer as the resolvers, so nothing is on its way yet.` : `${why}.`);
}
