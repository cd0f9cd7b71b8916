/**
 * What an expansion gathers as it goes: the addresses (each with how it was
 * found) up to the cap, notes in words on what was capped or skipped, and
 * the lookups that failed for now. DNS is asked through one cache per
 * expansion, so a name two paths lead to is asked once.
 */
import { shown } from '../../core/errors.js';
import type { DnsAnswer, DnsOutcome, RecordType, Resolver } from '../../dns/types.js';
import { addressValue, canonicalAddress, networkSize, sendableAddresses, type Network } from './network.js';

export interface Expansion {
  /** Canonical, unique, sorted by number (IPv4 first). */
  addresses: string[];
  /** Address → how it was found: 'mx mail.example.com', 'spf ip4:192.0.2.0/30', 'spf include:_spf.example.net a'. */
  sources: Record<string, string[]>;
  /** What was capped or skipped, in words. */
  notes: string[];
  /** Lookups that failed temporarily ("MX example.com SERVFAIL"): what they lead to was not expanded. */
  temporary: string[];
}

/** Outcomes that say nothing about the name: the same question may be answered later. */
export const TEMPORARY: ReadonlySet<DnsOutcome> = new Set(['servfail', 'refused', 'timeout', 'error']);

const MAX_NOTES = 50;
const MAX_SOURCES = 10;

const count = (n: number | bigint) => n.toLocaleString('en-US');

export class Collector {
  private readonly found = new Map<string, string[]>();
  private readonly notes: string[] = [];
  private readonly seen = new Set<string>();
  private readonly temporary = new Set<string>();
  private readonly networks = new Set<string>();
  private moreNotes = 0;
  /** Set when an address was left out for want of room. */
  capped = false;

  readonly max: number;

  constructor(max: number) {
    this.max = max;
  }

  get full(): boolean {
    return this.found.size >= this.max;
  }

  /** Adds an address (canonical) found by `source`; false when it is new and there is no room left. */
  add(address: string, source: string): boolean {
    const sources = this.found.get(address);
    if (sources) {
      if (sources.length < MAX_SOURCES && !sources.includes(source)) sources.push(source);
      return true;
    }
    if (this.full) {
      this.capped = true;
      return false;
    }
    this.found.set(address, [source]);
    return true;
  }

  /** Adds the sending addresses of a network, in order, while there is room; says what was left out. */
  addNetwork(net: Network, source: string): void {
    // A network listed again adds nothing; one met when there is no room costs no walk through the addresses
    // held already (a record repeating ip4:…/16 thousands of times stays linear).
    const key = `${net.version} ${net.first} ${net.bits}`;
    if (this.networks.has(key)) return;
    this.networks.add(key);
    let taken = 0;
    let complete = !this.full;
    if (complete) {
      for (const address of sendableAddresses(net)) {
        if (!this.add(address, source)) {
          complete = false;
          break;
        }
        taken++;
      }
    } else {
      this.capped = true;
    }
    if (complete && taken === 0) this.note(`${source} holds no address that can send mail: nothing to list`);
    if (!complete) {
      this.note(`${source} holds ${count(networkSize(net))} addresses: ${count(taken)} are listed, the rest is left out (at most ${count(this.max)} addresses are watched)`);
    }
  }

  /** Notes a fact once; past 50 notes only `always` ones (a limit that stopped the walk) are kept, the rest counted. */
  note(text: string, always = false): void {
    if (this.seen.has(text)) return;
    this.seen.add(text);
    if (always || this.notes.length < MAX_NOTES) this.notes.push(text);
    else this.moreNotes++;
  }

  /** Records a lookup that failed for now, as "TYPE name RCODE". */
  failed(answer: DnsAnswer): void {
    const word = answer.outcome === 'error' ? (answer.rcode && answer.rcode !== 'NOERROR' ? answer.rcode : 'ERROR') : answer.outcome.toUpperCase();
    this.temporary.add(`${answer.type} ${shown(answer.name, 255)} ${word}`);
  }

  result(): Expansion {
    const notes = [...this.notes];
    if (this.moreNotes > 0) notes.push(`${count(this.moreNotes)} more notes like these were left out`);
    if (this.capped) notes.push(`more than ${count(this.max)} addresses were found: only the first ${count(this.max)} are watched`);
    const keyed = [...this.found.keys()].map((a) => ({ a, v: a.includes(':') ? 6 : 4, n: addressValue(a, a.includes(':') ? 6 : 4) }));
    keyed.sort((x, y) => x.v - y.v || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0));
    const addresses = keyed.map((k) => k.a);
    return { addresses, sources: Object.fromEntries(addresses.map((a) => [a, this.found.get(a)!])), notes, temporary: [...this.temporary] };
  }
}

export interface HostAddresses {
  addresses: string[];
  /** Neither A nor AAAA has a record (NXDOMAIN or NODATA both): a void lookup. */
  none: boolean;
}

/** The resolver behind a per-expansion cache; temporary failures are recorded as they come. */
export class Lookups {
  private readonly cache = new Map<string, Promise<DnsAnswer>>();

  private readonly resolver: Resolver;
  private readonly out: Collector;

  constructor(resolver: Resolver, out: Collector) {
    this.resolver = resolver;
    this.out = out;
  }

  ask(name: string, type: RecordType): Promise<DnsAnswer> {
    const key = `${type} ${name}`;
    let p = this.cache.get(key);
    if (!p) {
      p = this.resolver.query(name, type).then(
        (a) => a,
        // The contract makes failures data; a resolver that throws anyway is a failed lookup, not a crash.
        (e: unknown): DnsAnswer => ({ name, type, outcome: 'error', rcode: 'ERROR', records: [], chain: [], ttl: 0, ms: 0, server: '', transport: 'udp', detail: String(e) }),
      );
      this.cache.set(key, p);
    }
    return p.then((a) => {
      if (TEMPORARY.has(a.outcome)) this.out.failed(a);
      return a;
    });
  }

  /** A host's A and AAAA addresses, asked together, canonical; addresses that cannot send mail are noted and left out. */
  async hostAddresses(name: string, source: string): Promise<HostAddresses> {
    const answers = await Promise.all([this.ask(name, 'A'), this.ask(name, 'AAAA')]);
    const addresses: string[] = [];
    for (const a of answers) {
      if (a.outcome !== 'ok') continue;
      for (const r of a.records) {
        if (r.type !== a.type) continue;
        const address = canonicalAddress(r.data);
        if (address) addresses.push(address);
        else this.out.note(`${source}: ${shown(name)} has the address ${shown(r.data)}, which cannot send mail: left out`);
      }
    }
    return { addresses, none: answers.every((a) => a.outcome === 'nxdomain' || a.outcome === 'nodata') };
  }
}
