import { describe, expect, it } from 'vitest';
import { batchItems, type BatchItem } from './input.js';

async function all(lines: string[], maxPerCidr = 1 << 20): Promise<BatchItem[]> {
  const out: BatchItem[] = [];
  for await (const i of batchItems(lines, { maxPerCidr })) out.push(i);
  return out;
}

describe('batch input', () => {
  it('reads IPs, skips comments and blanks, keeps line numbers', async () => {
    const items = await all(['# header', '', '192.0.2.1   # a comment', '  2001:DB8::1  ', '::ffff:192.0.2.9']);
    expect(items).toEqual([
      { kind: 'ip', line: 3, ip: '192.0.2.1', source: '192.0.2.1' },
      { kind: 'ip', line: 4, ip: '2001:db8::1', source: '2001:DB8::1' },
      { kind: 'ip', line: 5, ip: '192.0.2.9', source: '::ffff:192.0.2.9' },
    ]);
  });

  it('expands CIDRs in order, from the network address', async () => {
    const ips = (await all(['192.0.2.5/30'])).map((i) => (i.kind === 'ip' ? i.ip : i.message));
    expect(ips).toEqual(['192.0.2.4', '192.0.2.5', '192.0.2.6', '192.0.2.7']);
    expect((await all(['2001:db8::/126'])).map((i) => (i.kind === 'ip' ? i.ip : ''))).toEqual(['2001:db8::', '2001:db8::1', '2001:db8::2', '2001:db8::3']);
    expect(await all(['192.0.2.1/32'])).toEqual([{ kind: 'ip', line: 1, ip: '192.0.2.1', source: '192.0.2.1/32' }]);
  });

  it('expands lazily: the first address of a /8 comes without materialising 16 million', async () => {
    const it = batchItems(['10.0.0.0/8'], { maxPerCidr: 1 << 24 });
    expect((await it.next()).value).toMatchObject({ ip: '10.0.0.0' });
    expect((await it.next()).value).toMatchObject({ ip: '10.0.0.1' });
    await it.return(undefined);
  });

  it.each([
    ['mail.example.com', /hostname, not an IP address/],
    ['999.1.1.1', /not a valid IPv4 address/],
    ['192.0.2.0/33', /not a CIDR range/],
    ['2001:db8::/32', /holds 79228162514264337593543950336 addresses, over the limit/],
    ['10.0.0.0/8', /holds 16777216 addresses, over the limit of 1048576/],
    ['<script>', /not an IP address/],
  ])('reports %j with its line number and goes on', async (bad, message) => {
    const items = await all(['192.0.2.1', bad, '192.0.2.2']);
    expect(items.map((i) => i.kind)).toEqual(['ip', 'error', 'ip']);
    expect(items[1]).toMatchObject({ kind: 'error', line: 2 });
    expect(items[1]!.kind === 'error' && items[1]!.message).toMatch(message);
  });
});
