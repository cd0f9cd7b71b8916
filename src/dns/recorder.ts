/**
 * Records every answer a resolver gives, in order, so a report can show
 * exactly what was seen (DESIGN.md: every lookup is recorded in the evidence).
 */
import type { DnsAnswer, Resolver } from './types.js';

export interface RecordingResolver extends Resolver {
  readonly log: readonly DnsAnswer[];
  /** Adds an answer that came another way (a question straight to a zone's server). */
  note(answer: DnsAnswer): void;
}

export function withRecorder(inner: Resolver): RecordingResolver {
  const log: DnsAnswer[] = [];
  return {
    log,
    note: (answer) => void log.push(answer),
    query: (name, type) =>
      inner.query(name, type).then((answer) => {
        log.push(answer);
        return answer;
      }),
  };
}
