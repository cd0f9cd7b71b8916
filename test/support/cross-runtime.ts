/**
 * Audits both runtimes must judge alike: the same targets against the same
 * fixture zones, once by Node over UDP/TCP (in the Workers tests' global
 * setup) and once by the Worker over DoH. Nasty cases included: SERVFAIL,
 * truncation, RFC 2317, many PTRs, hostile names, IPv6, private space.
 */
import type { Report, Status, Target } from '../../src/core/types.js';

export const CROSS_RUNTIME_TARGETS: Target[] = [
  { ip: '23.192.228.80', helo: 'mail.example.com', from: 'news@example.com', mailFrom: 'bounce@example.com' },
  ...[10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 30, 31, 32, 33, 40, 60].map((n) => ({ ip: `192.0.2.${n}` })),
  { ip: '192.0.2.10', helo: 'mx1.example.com' },
  { ip: '192.0.2.10', helo: '[192.0.2.10]' },
  { ip: '192.0.2.10', helo: 'localhost' },
  { ip: '192.0.2.10', helo: 'gmail.com' },
  { ip: '192.0.2.18', helo: 'elsewhere.example.com', from: 'ceo@example.org' },
  { ip: '198.51.100.70' },
  { ip: '2001:db8::25' },
  { ip: '2600:1406:3a00:21::173e:2e65', helo: 'mail.example.com' },
  { ip: '10.0.0.1' },
];

export interface Judgement {
  verdict: string;
  score: number;
  iprev: string;
  ptr: string[];
  statuses: Record<string, Status>;
}

export function judgement(r: Report): Judgement {
  return { verdict: r.verdict, score: r.score, iprev: r.iprev, ptr: r.ptr, statuses: Object.fromEntries(r.results.map((x) => [x.rule, x.status])) };
}

export const targetKey = (t: Target): string => JSON.stringify([t.ip, t.helo, t.mailFrom, t.from]);
