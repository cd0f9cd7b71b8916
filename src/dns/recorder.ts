/**
 * Records every answer a resolver gives, in order, so a report can show
 * exactly what was seen (DESIGN.md: every lookup is recorded in the evidence).
 */
import type { DnsAnswer, Resolver } from './types.js';

export interface RecordingResolver extends Resolver {
  readonly log: readonly DnsAnswer[];
}

export function withRecorder(inner: Resolver): RecordingResolver {
  const log: DnsAnswer[] = [];
  return {
    log,
    async query(name, type) {
      const answer = await inner.query(name, type);
      log.push(answer);
      return answer;
    },
  };
}
