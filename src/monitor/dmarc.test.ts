import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DmarcReport, DmarcRow } from '../batch/dmarc-report.js';
import { MAX_REPORT_BYTES } from '../batch/dmarc-report.js';
import { InputError } from '../core/errors.js';
import { openSqliteStore } from '../store/sqlite.js';
import { addDmarcSources, MAX_SOURCES_PER_REPORT, sourcesToWatch } from './dmarc.js';
import { addMonitor } from './service.js';
import { gzip, zipOne } from '../../test/support/archives.js';
import { aggregateReport, bytesOf } from '../../test/support/dmarc-reports.js';
import { tempDir } from '../../test/support/tmp.js';

const row = (ip: string, dkim: string, spf: string, headerFrom = 'example.com', count = 1): DmarcRow => ({ ip, count, disposition: 'none', dkim, spf, headerFrom });
const report = (domain: string, rows: DmarcRow[]): DmarcReport => ({ org: 'receiver.example', reportId: '1', domain, rows });
const WATCHED = new Set(['example.com', 'example.org']);

describe('sourcesToWatch', () => {
  it.each<[string, DmarcReport, { ip: string; domain: string; count: number }[]]>([
    ['DKIM pass alone is a pass', report('example.com', [row('192.0.2.1', 'pass', 'fail')]), [{ ip: '192.0.2.1', domain: 'example.com', count: 1 }]],
    ['SPF pass alone is a pass', report('example.com', [row('192.0.2.2', 'fail', 'pass')]), [{ ip: '192.0.2.2', domain: 'example.com', count: 1 }]],
    ['both failing is left out', report('example.com', [row('192.0.2.3', 'fail', 'fail')]), []],
    ['a result other than pass is no pass', report('example.com', [row('192.0.2.4', 'temperror', 'none')]), []],
    ['a domain nobody watches adds nothing', report('example.net', [row('192.0.2.5', 'pass', 'pass', 'example.net')]), []],
    ['a watched header From in an unwatched report counts for that domain', report('example.net', [row('192.0.2.6', 'pass', 'pass', 'example.org')]), [{ ip: '192.0.2.6', domain: 'example.org', count: 1 }]],
    ['a subdomain sender of a watched policy domain counts for the policy domain', report('example.com', [row('192.0.2.7', 'pass', 'fail', 'news.example.com')]), [{ ip: '192.0.2.7', domain: 'example.com', count: 1 }]],
    ['no header From: the policy domain', report('example.com', [row('192.0.2.8', 'pass', 'pass', '')]), [{ ip: '192.0.2.8', domain: 'example.com', count: 1 }]],
    ['domains as written in the wild (case, trailing dot)', report('Example.COM.', [row('192.0.2.9', 'pass', 'pass', 'EXAMPLE.org.')]), [{ ip: '192.0.2.9', domain: 'example.org', count: 1 }]],
    ['IPv6, canonical', report('example.com', [row('2001:DB8:0:0::26', 'fail', 'pass')]), [{ ip: '2001:db8::26', domain: 'example.com', count: 1 }]],
    ['IPv4-mapped IPv6 is the IPv4 address', report('example.com', [row('::ffff:192.0.2.10', 'pass', 'pass')]), [{ ip: '192.0.2.10', domain: 'example.com', count: 1 }]],
    [
      'a repeated IP once, its counts summed (also written otherwise)',
      report('example.com', [row('2001:db8::1', 'pass', 'pass', 'example.com', 3), row('192.0.2.11', 'pass', 'pass'), row('2001:DB8::0:1', 'pass', 'fail', 'example.com', 4)]),
      [{ ip: '2001:db8::1', domain: 'example.com', count: 7 }, { ip: '192.0.2.11', domain: 'example.com', count: 1 }],
    ],
    [
      'sources that are not one unicast address are left out',
      report('example.com', ['', 'mail.example.com', '192.0.2.0/24', '224.0.0.1', '0.0.0.0', '192.0.2.256', '<x>'].map((ip) => row(ip, 'pass', 'pass'))),
      [],
    ],
    ['a report with no records', report('example.com', []), []],
  ])('%s', (_what, r, expected) => {
    expect(sourcesToWatch(r, WATCHED)).toEqual(expected);
  });

  it('watches nothing when no domain is watched', () => {
    expect(sourcesToWatch(report('example.com', [row('192.0.2.1', 'pass', 'pass')]), new Set())).toEqual([]);
  });
});

describe('addDmarcSources (SQLite)', () => {
  const store = openSqliteStore(join(tempDir('dmarc-sources'), 'm.sqlite'));
  afterAll(() => store.close());
  const monitors = store.monitors;
  const now = Date.UTC(2026, 0, 2);
  const xml = aggregateReport('example.com', [
    { ip: '192.0.2.20', dkim: 'pass', spf: 'pass', count: 10 },
    { ip: '192.0.2.21', dkim: 'fail', spf: 'fail' },
    { ip: '2001:db8::20', dkim: 'fail', spf: 'pass' },
    { ip: '192.0.2.20', dkim: 'pass', spf: 'fail' },
  ]);

  it('adds nothing while the domain is not watched', async () => {
    expect(await addDmarcSources(monitors, await gzip(bytesOf(xml)), 'r.xml.gz', now)).toEqual({ domain: 'example.com', added: [], already: [], skipped: 4 });
    expect(await monitors.monitors()).toEqual([]);
  });

  it('adds each passing source of a watched domain as an IP target labelled with the domain', async () => {
    await addMonitor(monitors, 'example.com', undefined, now);
    const r = await addDmarcSources(monitors, await gzip(bytesOf(xml)), 'r.xml.gz', now);
    expect(r).toEqual({ domain: 'example.com', added: ['192.0.2.20', '2001:db8::20'], already: [], skipped: 2 });
    for (const ip of r.added) expect(await monitors.findMonitor(ip)).toMatchObject({ target: ip, kind: 'ip', label: 'dmarc: example.com', createdAt: now });
    expect(await monitors.findMonitor('192.0.2.21')).toBeUndefined();
  });

  it('finds them watched already the next time (zipped, this time)', async () => {
    expect(await addDmarcSources(monitors, await zipOne('r.xml', bytesOf(xml)), 'r.zip', now)).toEqual({ domain: 'example.com', added: [], already: ['192.0.2.20', '2001:db8::20'], skipped: 2 });
    expect((await monitors.monitors()).map((m) => m.target).sort()).toEqual(['192.0.2.20', '2001:db8::20', 'example.com']);
  });

  it(`adds at most ${MAX_SOURCES_PER_REPORT} sources from one report, the rest skipped`, async () => {
    const rows = Array.from({ length: MAX_SOURCES_PER_REPORT + 5 }, (_, i) => ({ ip: `2001:db8:1::${(i + 1).toString(16)}`, dkim: 'pass' as const, spf: 'pass' as const }));
    const r = await addDmarcSources(monitors, bytesOf(aggregateReport('example.com', rows)), 'big.xml', now);
    expect([r.added.length, r.already.length, r.skipped]).toEqual([MAX_SOURCES_PER_REPORT, 0, 5]);
  });

  it.each<[string, () => Promise<Uint8Array>, RegExp]>([
    ['not a report', async () => bytesOf('<html><body>hello</body></html>'), /not a DMARC aggregate report/],
    ['a compression bomb', async () => gzip(bytesOf(`<feedback>${' '.repeat(MAX_REPORT_BYTES)}</feedback>`)), /compression bomb/],
    ['a corrupt gzip', async () => new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]), /corrupt/],
  ])('refuses %s with an InputError and adds nothing', async (_what, bytes, message) => {
    const before = (await monitors.monitors()).length;
    const p = addDmarcSources(monitors, await bytes(), 'x', now);
    await expect(p).rejects.toThrow(InputError);
    await expect(p).rejects.toThrow(message);
    expect((await monitors.monitors()).length).toBe(before);
  });
});
