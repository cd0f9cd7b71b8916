/**
 * What every store must do, as one set of cases run against each: SQLite on
 * a real file (src/store/sqlite.test.ts) and D1 inside workerd
 * (test/workers/store.test.ts). Ids and tokens are unique per case, so the
 * cases hold whether or not a runtime isolates storage between them.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types.js';
import type { ReportStore, SinkStore, StoredMessage } from '../../src/store/types.js';

export type Store = ReportStore & SinkStore;

export const fakeId = (seed: string): string => seed.padEnd(22, '0').slice(0, 22);

export function storedReport(id: string, createdAt: string, ip = '192.0.2.1'): Report {
  return {
    version: 1, id, createdAt, target: { ip, helo: 'mail.example.com' }, verdict: 'warn', score: 87, partial: false, iprev: 'pass',
    ptr: ['mail.example.com'], results: [], dns: [], elapsedMs: 12, authenticationResults: 'ptrcheck; iprev=pass', remediation: {},
  } as unknown as Report;
}

/** Every byte value, NUL and 8-bit included: raw messages are kept byte for byte. */
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: reports`, () => {
    it('gives back what was saved, field for field, and nothing for an unknown id', async () => {
      const s = await open();
      const r = storedReport(fakeId('roundtrip'), '2026-11-25T10:00:00.000Z');
      await s.save(r);
      expect(await s.get(r.id)).toEqual(r);
      expect(await s.get(fakeId('neversaved'))).toBeUndefined();
    });

    it('saving the same id again replaces the report', async () => {
      const s = await open();
      await s.save(storedReport(fakeId('replace'), '2026-11-25T10:00:00.000Z'));
      await s.save({ ...storedReport(fakeId('replace'), '2026-11-25T10:00:00.000Z'), score: 42 });
      expect((await s.get(fakeId('replace')))?.score).toBe(42);
    });

    it('deletes reports past retention, and only those', async () => {
      const s = await open();
      await s.save(storedReport(fakeId('retold1'), '1999-01-01T00:00:00.000Z'));
      await s.save(storedReport(fakeId('retold2'), '1999-06-01T00:00:00.000Z'));
      await s.save(storedReport(fakeId('retnew'), '2000-06-01T00:00:00.000Z'));
      expect(await s.deleteOlderThan(Date.parse('2000-01-01T00:00:00.000Z'))).toBe(2);
      expect(await s.get(fakeId('retold1'))).toBeUndefined();
      expect(await s.get(fakeId('retnew'))).toBeDefined();
    });
  });

  describe(`${name}: sink`, () => {
    const message = (id: string, token: string, receivedAt: number, session: StoredMessage['session']): StoredMessage => ({ id: fakeId(id), token, receivedAt, session, raw: ALL_BYTES });
    const smtpSession = { ip: '192.0.2.10', helo: 'mx1.example.com', mailFrom: 'a@example.com', rcpt: ['t@sink.test'], tls: true };
    const routed = { via: 'email-routing' as const, mailFrom: 'b@example.com', rcpt: ['t@sink.test'] };

    it('creates an inbox once, however often asked', async () => {
      const s = await open();
      expect(await s.inboxExists('inboxonce')).toBe(false);
      await s.createInbox('inboxonce', 1);
      await s.createInbox('inboxonce', 2);
      expect(await s.inboxExists('inboxonce')).toBe(true);
    });

    it('keeps messages byte for byte with their session, pending until audited, oldest first', async () => {
      const s = await open();
      await s.storeMessages([message('msgb', 'tokpend', 2_000, routed), message('msga', 'tokpend', 1_000, smtpSession)]);
      const pending = (await s.pendingMessages(1000)).filter((m) => m.token === 'tokpend');
      expect(pending.map((m) => m.id)).toEqual([fakeId('msga'), fakeId('msgb')]);
      expect([...pending[0]!.raw]).toEqual([...ALL_BYTES]);
      expect(pending[0]!.session).toEqual(smtpSession);
      expect(pending[1]!.session).toEqual(routed);
      await s.markAudited(fakeId('msga'), 3_000);
      expect((await s.pendingMessages(1000)).filter((m) => m.token === 'tokpend').map((m) => m.id)).toEqual([fakeId('msgb')]);
    });

    it('stores a multi-recipient delivery all or nothing', async () => {
      const s = await open();
      const dup = message('dupmsg', 'tokdup', 1_000, routed);
      await expect(s.storeMessages([message('dupother', 'tokdup', 1_000, routed), dup, dup])).rejects.toThrow();
      expect(await s.inboxMessages('tokdup')).toEqual([]);
    });

    it('lists an inbox in arrival order with audit time and any audit error', async () => {
      const s = await open();
      await s.storeMessages([message('inb1', 'tokinbox', 1_000, routed), message('inb2', 'tokinbox', 2_000, routed), message('inb3', 'tokinbox', 3_000, routed), message('elsewhere', 'tokother', 1_500, routed)]);
      await s.markAudited(fakeId('inb1'), 5_000);
      await s.markAudited(fakeId('inb2'), 6_000, 'no Received: header names the connecting IP');
      expect(await s.inboxMessages('tokinbox')).toEqual([
        { id: fakeId('inb1'), receivedAt: 1_000, auditedAt: 5_000 },
        { id: fakeId('inb2'), receivedAt: 2_000, auditedAt: 6_000, error: 'no Received: header names the connecting IP' },
        { id: fakeId('inb3'), receivedAt: 3_000 },
      ]);
      expect(await s.inboxMessages('nosuchtoken')).toEqual([]);
    });

    it('hands out at most `limit` pending messages', async () => {
      const s = await open();
      await s.storeMessages([1, 2, 3, 4].map((i) => message(`lim${i}`, 'toklimit', 10_000 + i, routed)));
      expect((await s.pendingMessages(2)).length).toBe(2);
    });

    it('remembers the HELO names each IP used, once per session, most recent first, at most 20 per IP', async () => {
      const s = await open();
      const ip = '198.51.100.77'; // unique to this case
      const at = (helo: string, when: number) => ({ ...smtpSession, ip, helo, rcpt: ['a@sink.test', 'b@sink.test'] });
      // One session to two test addresses is stored as two rows: one sighting.
      await s.storeMessages([message('helo1a', 'tokhelo', 1000, at('mx1.example.com', 1000)), message('helo1b', 'tokhelo2', 1000, at('mx1.example.com', 1000))]);
      await s.storeMessages([message('helo2', 'tokhelo', 2000, at('localhost', 2000))]);
      await s.storeMessages([message('helo3', 'tokhelo', 3000, at('mx1.example.com', 3000))]);
      await s.storeMessages([message('helo4', 'tokhelo', 4000, routed)]); // Email Routing: no HELO to see
      expect(await s.recentHelos(ip, 10)).toEqual([
        { helo: 'mx1.example.com', firstSeen: 1000, lastSeen: 3000, count: 2 },
        { helo: 'localhost', firstSeen: 2000, lastSeen: 2000, count: 1 },
      ]);
      expect(await s.recentHelos(ip, 1)).toHaveLength(1);
      expect(await s.recentHelos('198.51.100.78', 10)).toEqual([]);
      for (let i = 0; i < 25; i++) await s.storeMessages([message(`cyc${String.fromCharCode(97 + i)}x`, 'tokhelo', 10_000 + i, at(`h${i}.example.com`, 10_000 + i))]);
      const kept = await s.recentHelos(ip, 100);
      expect(kept).toHaveLength(20);
      expect(kept[0]!.helo).toBe('h24.example.com');
    });

    it('retention forgets HELO names last seen before the cutoff', async () => {
      const s = await open();
      const ip = '198.51.100.79';
      const cutoff = Date.parse('2001-06-01T00:00:00.000Z');
      await s.storeMessages([message('heloold', 'tokold', cutoff - 1, { ...smtpSession, ip, helo: 'old.example.com' })]);
      await s.storeMessages([message('helonew', 'toknew', cutoff + 1, { ...smtpSession, ip, helo: 'new.example.com' })]);
      await s.deleteOlderThan(cutoff);
      expect((await s.recentHelos(ip, 10)).map((h) => h.helo)).toEqual(['new.example.com']);
    });

    it('retention expires test addresses and their old messages, and keeps newer ones', async () => {
      const s = await open();
      const cutoff = Date.parse('2001-06-01T00:00:00.000Z');
      await s.createInbox('expiring', cutoff - 1);
      await s.createInbox('staying', cutoff + 1);
      await s.storeMessages([message('oldmsg', 'expiring', cutoff - 1, routed), message('newmsg', 'staying', cutoff + 1, routed)]);
      await s.deleteOlderThan(cutoff);
      expect(await s.inboxExists('expiring')).toBe(false);
      expect(await s.inboxExists('staying')).toBe(true);
      expect(await s.inboxMessages('expiring')).toEqual([]);
      expect((await s.inboxMessages('staying')).map((m) => m.id)).toEqual([fakeId('newmsg')]);
    });
  });
}
