import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './sign.js';

const body = '{"event":"monitor.transition","ip":"203.0.113.5"}';

describe('the webhook signature', () => {
  it('is t=<seconds>,v1=<lowercase hex HMAC-SHA256(secret, "<t>.<body>")>, the same as node:crypto computes', async () => {
    const header = await signatureHeader('s3cret', 1_796_608_800, body);
    const hex = createHmac('sha256', 's3cret').update(`1796608800.${body}`).digest('hex');
    expect(header).toBe(`t=1796608800,v1=${hex}`);
    // A known answer, so a change of algorithm or encoding cannot pass unseen.
    expect(await signatureHeader('key', 0, 'The quick brown fox jumps over the lazy dog')).toBe(
      `t=0,v1=${createHmac('sha256', 'key').update('0.The quick brown fox jumps over the lazy dog').digest('hex')}`,
    );
  });

  it('signs the body bytes as UTF-8', async () => {
    const text = '{"label":"été ✉ 𝔘"}';
    const header = await signatureHeader('k', 5, text);
    expect(header).toBe(`t=5,v1=${createHmac('sha256', 'k').update(Buffer.from(`5.${text}`, 'utf8')).digest('hex')}`);
  });

  it('refuses an empty secret and a time that is not whole seconds', async () => {
    await expect(signatureHeader('', 1, body)).rejects.toThrow(/empty/);
    await expect(signatureHeader('k', 1.5, body)).rejects.toThrow(/seconds/);
    await expect(signatureHeader('k', 2 ** 53, body)).rejects.toThrow(/seconds/);
  });

  const t = 1_796_608_800;
  const rows: [string, (h: string) => [secret: string, header: string, body: string, now: number, tolerance?: number], boolean][] = [
    ['the header as made', (h) => ['s3cret', h, body, t], true],
    ['at the edge of the tolerance', (h) => ['s3cret', h, body, t + 300], true],
    ['a custom tolerance', (h) => ['s3cret', h, body, t + 3600, 3600], true],
    ['uppercase hex', (h) => ['s3cret', h.toUpperCase().replace('T=', 't=').replace('V1=', 'v1='), body, t], true],
    ['spaces around the parts', (h) => ['s3cret', h.replace(',', ' , '), body, t], true],
    ['several v1, one right (a key rotation)', (h) => ['s3cret', `${h.replace(/v1=.*/, `v1=${'0'.repeat(64)}`)},${h.split(',')[1]}`, body, t], true],
    ['the wrong secret', (h) => ['other', h, body, t], false],
    ['a changed body', (h) => ['s3cret', h, body.replace('203', '204'), t], false],
    ['a body with one more space', (h) => ['s3cret', h, `${body} `, t], false],
    ['too old (replay)', (h) => ['s3cret', h, body, t + 301], false],
    ['from the future', (h) => ['s3cret', h, body, t - 301], false],
    ['a changed t', (h) => ['s3cret', h.replace(`t=${t}`, `t=${t + 1}`), body, t], false],
    ['no t', (h) => ['s3cret', h.split(',')[1]!, body, t], false],
    ['no v1', (h) => ['s3cret', h.split(',')[0]!, body, t], false],
    ['two t', (h) => ['s3cret', `t=${t},${h}`, body, t], false],
    ['a t that is not a number', (h) => ['s3cret', h.replace(`t=${t}`, 't=1e9'), body, t], false],
    ['a short v1', (h) => ['s3cret', h.slice(0, -2), body, t], false],
    ['garbage', () => ['s3cret', 'nonsense', body, t], false],
    ['an empty header', () => ['s3cret', '', body, t], false],
    ['an empty secret', (h) => ['', h, body, t], false],
    ['a huge header', (h) => ['s3cret', `${h},${'x=1,'.repeat(1000)}`, body, t], false],
  ];

  it.each(rows)('verifies: %s → %s', async (_name, args, expected) => {
    const header = await signatureHeader('s3cret', t, body);
    expect(await verifySignature(...args(header))).toBe(expected);
  });
});
