/** A resolver whose every answer is also reported (metrics, logs); the answer itself is unchanged. */
import type { DirectQuery, DnsAnswer, Resolver } from './types.js';

export function observedResolver<R extends Resolver>(inner: R, see: (a: DnsAnswer) => void): R {
  return { ...inner, query: (name, type) => inner.query(name, type).then((a) => (see(a), a)) };
}

export function observedDirect<D extends DirectQuery>(inner: D, see: (a: DnsAnswer) => void): D {
  return { ...inner, ask: (address, name, type) => inner.ask(address, name, type).then((a) => (see(a), a)) };
}
