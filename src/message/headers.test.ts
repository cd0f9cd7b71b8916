import { describe, expect, it } from 'vitest';
import { headerValues, parseHeaders } from './headers.js';
import { InputError } from '../core/errors.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseHeaders', () => {
  it('unfolds, lower-cases names and stops at the blank line', () => {
    const h = parseHeaders(bytes('Subject: a\r\n  folded\r\nX-A:b\r\n\r\nNot-A-Header: body'));
    expect(h.fields).toEqual([{ name: 'subject', value: 'a folded' }, { name: 'x-a', value: 'b' }]);
  });

  it('accepts bare LF line ends and an mbox From_ line', () => {
    const h = parseHeaders(bytes('From sender@example.com Wed Nov 25 10:00:00 2026\nFrom: a@example.com\nTo: b@example.com\n\nbody'));
    expect(headerValues(h, 'from')).toEqual(['a@example.com']);
  });

  it('counts malformed lines instead of failing on them', () => {
    const h = parseHeaders(bytes('From: a@example.com\r\nthis line is broken\r\nTo: b@example.com\r\n\r\n'));
    expect(h.malformedLines).toBe(1);
    expect(h.fields).toHaveLength(2);
  });

  it('reads 5,000 header fields', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `X-Filler-${i}: ${i}`).join('\r\n');
    expect(parseHeaders(bytes(`From: a@example.com\r\n${text}\r\n\r\nbody`)).fields).toHaveLength(5001);
  });

  it('reads UTF-8 headers (RFC 6532)', () => {
    expect(headerValues(parseHeaders(bytes('From: Müller <info@müller.example>\r\n\r\n')), 'from')).toEqual(['Müller <info@müller.example>']);
  });

  it('keeps non-UTF-8 header bytes without failing', () => {
    const raw = new Uint8Array([...bytes('Subject: '), 0xff, 0xfe, ...bytes('\r\nFrom: a@example.com\r\n\r\n')]);
    expect(headerValues(parseHeaders(raw), 'from')).toEqual(['a@example.com']);
  });

  it.each([
    ['an empty message', new Uint8Array(), /the message is empty/],
    ['binary data', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /not an RFC 5322 message|NUL bytes/],
    ['NUL bytes in headers', bytes('From: a@example.com\r\nX: \u0000\r\n\r\n'), /NUL bytes/],
    ['no header fields', bytes('Hello there,\r\nthis is just text.\r\n'), /does not start with a header field/],
    ['body only', bytes('\r\n\r\nbody'), /does not start with a header field/],
    ['too many header fields', bytes(`${'X: y\r\n'.repeat(10_001)}\r\n`), /more than 10000 header fields/],
  ])('rejects %s', (_what, input, message) => {
    expect(() => parseHeaders(input)).toThrow(InputError);
    expect(() => parseHeaders(input)).toThrow(message);
  });
});
