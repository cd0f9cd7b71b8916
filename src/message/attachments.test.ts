import { describe, expect, it } from 'vitest';
import { attachmentsOf } from './attachments.js';

const enc = (s: string) => new TextEncoder().encode(s);
const any = () => true;
const reports = (type: string) => type !== 'text/plain';
const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/.{76}/g, '$&\r\n');
const BINARY = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0x80, 0x81, 0x9d, 0xff, 0x00, 0x0d, 0x0a]);

const multipart = (boundary: string, parts: string[], head = '') =>
  `From: r@receiver.example\r\nMIME-Version: 1.0\r\n${head}Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\npreamble\r\n${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join('')}--${boundary}--\r\nepilogue\r\n`;

describe('attachmentsOf', () => {
  it('finds a base64 attachment as its exact bytes, with its type and file name, and leaves the text part', () => {
    const raw = multipart('b1', [
      'Content-Type: text/plain\r\n\r\nThis is an aggregate report.',
      `Content-Type: application/gzip;\r\n name="r.xml.gz"\r\nContent-Disposition: attachment;\r\n filename="r.xml.gz"\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(BINARY)}`,
    ]);
    expect(attachmentsOf(enc(raw), reports)).toEqual({ found: [{ type: 'application/gzip', name: 'r.xml.gz', bytes: BINARY }], cut: false });
  });

  it('reads quoted-printable and 8bit parts as bytes; a name given by RFC 2231 or only in Content-Type', () => {
    const raw = multipart('b2', [
      "Content-Type: text/xml\r\nContent-Disposition: attachment; filename*=utf-8''r%C3%A9port.xml\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<feedback a=3D\"1\">caf=C3=A9 soft=\r\nbreak</feedback>",
      'Content-Type: application/xml; name=plain.xml\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<feedback>café</feedback>',
    ]);
    const { found } = attachmentsOf(enc(raw), reports);
    expect(found.map((a) => [a.type, a.name, new TextDecoder().decode(a.bytes)])).toEqual([
      ['text/xml', 'réport.xml', '<feedback a="1">café softbreak</feedback>'],
      ['application/xml', 'plain.xml', '<feedback>café</feedback>'],
    ]);
  });

  it('looks into nested multiparts and a forwarded message/rfc822', () => {
    const inner = multipart('inner', [`Content-Type: application/zip\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(BINARY)}`]);
    const raw = multipart('outer', [
      'Content-Type: multipart/alternative; boundary=alt\r\n\r\n--alt\r\nContent-Type: text/plain\r\n\r\nhi\r\n--alt--',
      `Content-Type: message/rfc822\r\n\r\n${inner}`,
    ]);
    expect(attachmentsOf(enc(raw), reports).found).toEqual([{ type: 'application/zip', name: '', bytes: BINARY }]);
  });

  it('takes a single-part message whose body is the report, and finds nothing in a plain message', () => {
    const single = `From: r@receiver.example\r\nContent-Type: application/gzip\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(BINARY)}\r\n`;
    expect(attachmentsOf(enc(single), reports).found).toEqual([{ type: 'application/gzip', name: '', bytes: BINARY }]);
    expect(attachmentsOf(enc('From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n'), reports)).toEqual({ found: [], cut: false });
    expect(attachmentsOf(enc(''), reports)).toEqual({ found: [], cut: false });
  });

  it('is bounded: parts past the limit and nesting past the depth are not read, and say so', () => {
    const many = multipart('m', Array.from({ length: 200 }, (_, i) => `Content-Type: text/xml\r\n\r\n<x>${i}</x>`));
    const wide = attachmentsOf(enc(many), any);
    expect(wide.cut).toBe(true);
    expect(wide.found.length).toBeLessThanOrEqual(8);
    let deep = 'Content-Type: text/xml\r\n\r\n<x/>';
    for (let i = 0; i < 10; i++) deep = `Content-Type: multipart/mixed; boundary=d${i}\r\n\r\n--d${i}\r\n${deep}\r\n--d${i}--`;
    expect(attachmentsOf(enc(deep), any)).toEqual({ found: [], cut: true });
  });

  it('reads a boundary that never closes to the end, and ignores a boundary longer than 70 characters', () => {
    const open = 'Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/xml\r\n\r\n<feedback/>';
    expect(attachmentsOf(enc(open), any).found.map((a) => new TextDecoder().decode(a.bytes))).toEqual(['<feedback/>']);
    const long = 'b'.repeat(71);
    expect(attachmentsOf(enc(`Content-Type: multipart/mixed; boundary=${long}\r\n\r\n--${long}\r\nContent-Type: text/xml\r\n\r\n<x/>\r\n--${long}--`), any).found).toEqual([]);
  });

  it('reads a long message of lines like delimiters (not one) in linear time', () => {
    for (const line of ['a--z--z', '--zebra', '-z-z']) {
      const text = `Content-Type: multipart/mixed; boundary=z\r\n\r\n${`${line}\r\n`.repeat(1_000_000)}`;
      const started = performance.now();
      expect(attachmentsOf(enc(text), any).found).toEqual([]);
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });
});
