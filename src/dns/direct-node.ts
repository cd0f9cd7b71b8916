/**
 * DirectQuery on Node: our UDP client with RD clear (TCP when truncated),
 * aimed at one address per question. `port` is 53 on the Internet; tests
 * run their "nameservers" on 127.0.0.x at one OS-picked port.
 */
import { isPublicUnicast } from './public-address.js';
import type { ClosableResolver } from './node.js';
import { createUdpExchange, label } from './node.js';
import { toDirectAnswer, type DirectQuery } from './direct.js';

export interface DirectQueryOptions {
  port?: number;
  timeoutMs?: number;
  retries?: number;
  /**
   * Also ask private, loopback and reserved addresses. Off by default: a
   * reverse zone's owner chooses its NS addresses, and a server must not be
   * steered into its own network by them. Tests and local benches turn it on.
   */
  allowPrivate?: boolean;
}

export function createNodeDirectQuery(options: DirectQueryOptions = {}): DirectQuery & Pick<ClosableResolver, 'close'> {
  const port = options.port ?? 53;
  const udp = createUdpExchange({ servers: [], timeoutMs: options.timeoutMs ?? 2000, retries: options.retries ?? 1, recurse: false });
  return {
    async ask(address, name, type) {
      if (!options.allowPrivate && !isPublicUnicast(address)) {
        const detail = 'not asked: a private, loopback or reserved address';
        return toDirectAnswer(address, name, type, { ok: false, outcome: 'error', rcode: 'NOT_ASKED', detail, server: label({ host: address, port }), transport: 'udp' }, 0);
      }
      const started = performance.now();
      const r = await udp.exchangeAt({ host: address, port }, name, type);
      return toDirectAnswer(address, name, type, r, performance.now() - started);
    },
    close: udp.close,
  };
}

