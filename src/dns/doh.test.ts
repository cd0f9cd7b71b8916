import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDohResolver } from './doh.js';
import { fixtureFaults, startDnsServer, type DnsTestServer } from '../../test/support/dns-server.js';
import { dohCases } from '../../test/support/doh-cases.js';

let server: DnsTestServer;
beforeAll(async () => {
  server = await startDnsServer({ faults: fixtureFaults(), doh: true });
});
afterAll(() => server.close());
beforeEach(() => {
  server.queries.length = 0;
});

dohCases(() => server.dohUrl!);

describe('DoH on the wire', () => {
  it.each(['GET', 'POST'] as const)('%s asks the server once, over DoH', async (method) => {
    await createDohResolver({ url: server.dohUrl!, method }).query('10.2.0.192.in-addr.arpa', 'PTR');
    expect(server.queries.map(({ at: _at, ...q }) => q)).toEqual([{ name: '10.2.0.192.in-addr.arpa', type: 'PTR', transport: 'doh' }]);
  });
});
