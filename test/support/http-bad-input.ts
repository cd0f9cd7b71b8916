/**
 * Bad input to the HTTP app, as one table run against the Node server
 * (test/http-api.test.ts) and the Worker (test/workers/http.test.ts): a
 * clear 4xx with a JSON error, never a 500. Both run with a 256 KiB message
 * limit.
 */
import { describe, expect, it } from 'vitest';

type Get = (path: string, init?: RequestInit) => Promise<Response>;
const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

export function badInputCases(get: Get): void {
  describe('bad input: 400/404/413, never 500', () => {
    it.each([
      ['/api/v1/audit', 400, 'bad_request', /ip is required/],
      ['/api/v1/audit?ip=', 400, 'bad_request', /no IP address given/],
      ['/api/v1/audit?ip=mail.example.com', 400, 'bad_request', /hostname, not an IP address/],
      ['/api/v1/audit?ip=192.0.2.0/24', 400, 'bad_request', /CIDR range/],
      ['/api/v1/audit?ip=%00%01', 400, 'bad_request', /^ip contains a control character \(\\x00\): '\\x00\\x01'$/],
      [`/api/v1/audit?ip=${'1'.repeat(200)}`, 400, 'bad_request', /ip:/],
      ['/api/v1/reports/nope', 404, 'not_found', /no such report/],
      ['/api/v1/reports/AAAAAAAAAAAAAAAAAAAAAA', 404, 'not_found', /no such report/],
      ['/api/v1/nothing-here', 404, 'not_found', /no route/],
    ])('GET %s → %i', async (path, status, code, message) => {
      const res = await get(path);
      expect(res.status).toBe(status);
      const e = await errorOf(res);
      expect(e.code).toBe(code);
      expect(e.message).toMatch(message);
    });

    it.each([
      ['malformed JSON', 'application/json', '{bad', 400],
      ['JSON without ip', 'application/json', '{"helo":"x"}', 400],
      ['ip of the wrong type', 'application/json', '{"ip":42}', 400],
      ['wrong content type', 'text/plain', 'ip=192.0.2.1', 415],
      ['oversized JSON', 'application/json', JSON.stringify({ ip: '192.0.2.1', from: 'x'.repeat(20_000) }), 413],
    ])('POST /api/v1/audit with %s → %i', async (_what, type, body, status) => {
      const res = await get('/api/v1/audit', { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status).toBe(status);
      expect((await errorOf(res)).code).toMatch(/^[a-z_]+$/);
    });

    it.each([
      ['an empty body', '', 400, /the message is empty/],
      ['binary data', '\u0000\u0001\u0002PNG', 400, /not an RFC 5322 message|NUL/],
      ['no Received and no ip', 'From: a@example.com\r\nSubject: x\r\n\r\nhi', 400, /no Received: header names the connecting IP/],
      ['a body over the limit', `From: a@example.com\r\n\r\n${'x'.repeat(300 * 1024)}`, 413, /over the 262144 byte limit/],
    ])('POST /api/v1/audit/message with %s', async (_what, body, status, message) => {
      const res = await get('/api/v1/audit/message', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body });
      expect(res.status).toBe(status);
      expect((await errorOf(res)).message).toMatch(message);
    });

    it('survives a storm of malformed requests on every route, answering each with a JSON or HTML error below 500', async () => {
      const junk = ['', '%', '%ff', '%00', '\u202e', '<script>', "' OR 1=1 --", '../../etc/passwd', 'x'.repeat(5000), '[::1]', '1.2.3.4.5', '::ffff:999.1.1.1'];
      const paths = ['/api/v1/audit?ip=', '/api/v1/audit?helo=', '/api/v1/audit?ip=192.0.2.1&from=', '/api/v1/reports/', '/r/', '/check?ip=', '/api/v1/audit/message?ip='];
      const statuses = new Set<number>();
      for (const p of paths) {
        for (const j of junk) {
          const method = p.startsWith('/api/v1/audit/message') ? 'POST' : 'GET';
          const res = await get(`${p}${encodeURIComponent(j)}`, method === 'POST' ? { method, headers: { 'content-type': 'message/rfc822' }, body: j } : {});
          statuses.add(res.status);
          expect(res.status, `${method} ${p}${j.slice(0, 20)}`).toBeLessThan(500);
          await res.arrayBuffer();
        }
      }
      for (const body of ['null', '[]', '"ip"', '{"ip":null}', '{"ip":["192.0.2.1"]}', '{"ip":{"$gt":""}}', '{"__proto__":{"ip":"1"}}', '\u0000']) {
        const res = await get('/api/v1/audit', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        expect(res.status, body).toBe(400);
      }
      expect([...statuses].every((s) => s < 500)).toBe(true);
    });
  });
}
