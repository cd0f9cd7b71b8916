/**
 * Received: lines as real MTAs wrote them (lines.json, each with its source
 * and licence in the corpus's manifest: public data this repository does not
 * carry, read from PTRCHECK_RECEIVED_CORPUS or ../shared/corpora/received
 * beside the checkout; without it these tests say so and are skipped), against what the parser
 * reads: whether it is a hop, the client's address, its HELO and the reverse
 * DNS name the receiver recorded. The floor is 98 % of rows agreeing on all
 * four; a row where the parser takes an address that stands only in the
 * client's HELO is never allowed. Disagreements are printed with the row id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReceived, type ReceivedHop } from '../src/message/received.js';
import { repoRoot } from './support/repo-root.js';

interface Row {
  id: string;
  family: string;
  source: string;
  raw: string;
  expect: { hop: boolean; ip: string | null; helo: string | null; rdns: string | null };
}

const dir = process.env.PTRCHECK_RECEIVED_CORPUS ?? join(repoRoot(), '..', 'shared', 'corpora', 'received');
const present = existsSync(join(dir, 'lines.json'));
const rows = present ? (JSON.parse(readFileSync(join(dir, 'lines.json'), 'utf8')) as Row[]) : [];

/** A header that records a handover (an SMTP, LMTP or HTTP client, or a provider's own step without one). */
const isHop = (h: ReceivedHop) => h.notHop === undefined && (h.fromName !== undefined || h.ip !== undefined || h.by !== undefined);

function differences(row: Row): string[] {
  const h = parseReceived(row.raw);
  const got = { hop: isHop(h), ip: h.ip ?? null, helo: h.helo ?? null, rdns: h.rdns ?? null };
  const e = row.expect;
  const out: string[] = [];
  if (got.hop !== e.hop) out.push(`hop ${got.hop} (expected ${e.hop})`);
  if (!e.hop) return out; // what a non-hop says about a client is not used
  for (const key of ['ip', 'helo', 'rdns'] as const) if (got[key] !== e[key]) out.push(`${key} ${JSON.stringify(got[key])} (expected ${JSON.stringify(e[key])})`);
  return out;
}

describe.skipIf(!present)('the real-world Received: table (corpus: PTRCHECK_RECEIVED_CORPUS or ../shared/corpora/received)', () => {
  it('is large and varied enough to mean something', () => {
    const families = new Set(rows.map((r) => r.family));
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(families.size).toBeGreaterThanOrEqual(20);
    expect(new Set(rows.map((r) => r.raw)).size).toBe(rows.length);
    for (const r of rows) expect(r.source, r.id).toMatch(/^[\w.-]+\/[\w.-]+:/);
  });

  it('the parser agrees with at least 98 % of the rows (every field), and the disagreements are listed', () => {
    const wrong = rows.map((r) => ({ r, d: differences(r) })).filter((x) => x.d.length > 0);
    const agree = (rows.length - wrong.length) / rows.length;
    const byFamily = new Map<string, [number, number]>();
    for (const r of rows) {
      const [ok, all] = byFamily.get(r.family) ?? [0, 0];
      byFamily.set(r.family, [ok + (differences(r).length === 0 ? 1 : 0), all + 1]);
    }
    console.log(`received corpus: ${rows.length - wrong.length}/${rows.length} rows agree (${(agree * 100).toFixed(1)} %); ${[...byFamily].map(([f, [ok, all]]) => `${f} ${ok}/${all}`).join(', ')}`);
    for (const { r, d } of wrong) console.log(`  ${r.id}: ${d.join('; ')}\n    ${r.raw.slice(0, 300)}`);
    expect(agree).toBeGreaterThanOrEqual(0.98);
  });

  it('never takes an address that stands only in the client\'s HELO', () => {
    const steered = rows.filter((r) => {
      const ip = parseReceived(r.raw).ip;
      return r.expect.hop && ip !== undefined && ip !== r.expect.ip && r.expect.helo !== null && r.expect.helo.includes(ip);
    });
    expect(steered.map((r) => r.id)).toEqual([]);
  });

  it('reads TLS where the receiver wrote it: every hop with a TLS note or an RFC 3848 S-protocol is TLS, none read as plain text', () => {
    // The receiver's side only: the client's name and the comment that records it come first and are skipped.
    const receiverSide = (raw: string) => raw.replace(/^from\s+\S{0,300}\s+\([^)]{0,600}\)/, '');
    const noted = rows.filter((r) => /\bTLS|SSLv|cipher=|Transport Security/i.test(receiverSide(r.raw)) || /\bwith\s+(?:esmtpsa?|smtps|utf8smtpsa?|lmtpsa?)\b/i.test(r.raw));
    const misread = noted.filter((r) => parseReceived(r.raw).tls?.used !== true);
    const counts = { tls: 0, plain: 0, silent: 0 };
    for (const r of rows) {
      const t = parseReceived(r.raw).tls;
      counts[t === undefined ? 'silent' : t.used ? 'tls' : 'plain']++;
    }
    console.log(`received corpus TLS: ${counts.tls} TLS, ${counts.plain} plain text, ${counts.silent} not said, of ${rows.length}; ${noted.length} with a TLS note or S-protocol`);
    expect(noted.length).toBeGreaterThan(50);
    expect(misread.map((r) => r.id)).toEqual([]);
  });
});
