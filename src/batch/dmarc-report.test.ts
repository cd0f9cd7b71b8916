import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDmarcReport } from './dmarc-report.js';
import { InputError } from '../core/errors.js';
import { repoRoot } from '../../test/support/repo-root.js';
import { gzip, zipOne } from '../../test/support/archives.js';

const xml = readFileSync(join(repoRoot(), 'fixtures', 'dmarc', 'aggregate.xml'));

describe('DMARC aggregate reports', () => {
  const expected = {
    org: 'receiver.example',
    reportId: '13837266540412795742',
    domain: 'example.com',
    rows: [
      { ip: '23.192.228.80', count: 1200, disposition: 'none', dkim: 'pass', spf: 'pass', headerFrom: 'example.com' },
      { ip: '192.0.2.30', count: 37, disposition: 'reject', dkim: 'fail', spf: 'fail', headerFrom: 'example.com' },
      { ip: '2001:db8::26', count: 5, disposition: 'quarantine', dkim: 'fail', spf: 'pass', headerFrom: 'example.com' },
    ],
  };
  it('reads the XML', async () => {
    expect(await readDmarcReport(xml, 'r.xml')).toEqual(expected);
  });
  it('reads it gzip-compressed', async () => {
    expect(await readDmarcReport(await gzip(xml), 'r.xml.gz')).toEqual(expected);
  });
  it('reads it zipped', async () => {
    expect(await readDmarcReport(await zipOne('receiver.example!example.com!1764028800!1764115199.xml', xml), 'r.zip')).toEqual(expected);
  });
  it.each([
    ['not XML at all', new TextEncoder().encode('hello'), /not a DMARC aggregate report/],
    ['a corrupt gzip', new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]), /corrupt/],
    ['a truncated zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), /not a zip archive/],
  ])('refuses %s clearly', async (_what, bytes, message) => {
    await expect(readDmarcReport(bytes, 'x')).rejects.toThrow(InputError);
    await expect(readDmarcReport(bytes, 'x')).rejects.toThrow(message);
  });
  it('refuses a zip whose central directory points past its end as a damaged archive', async () => {
    const zip = await zipOne('r.xml', xml);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(18, 0, true); // no size in the local header: the central directory is asked
    view.setUint32(zip.length - 22 + 16, 0x7fffffff, true);
    await expect(readDmarcReport(zip, 'r.zip')).rejects.toThrow(/central directory is out of place/);
  });
  // Reports reach the sink from anyone: text built to make a pattern backtrack is read in linear time.
  it.each([
    ['a long run of spaces in a field', `<feedback><record><row><source_ip>${' '.repeat(2_000_000)}x</record></feedback>`, 1],
    ['a million records never closed', `<feedback>${'<record><source_ip>'.repeat(1_000_000)}</feedback>`, 0],
    ['a million fields never closed', `<feedback><record>${'<header_from><x>'.repeat(1_000_000)}</record></feedback>`, 1],
  ])('reads %s quickly', async (_what, text, rows) => {
    const started = performance.now();
    expect((await readDmarcReport(new TextEncoder().encode(text), 'x')).rows).toHaveLength(rows);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
