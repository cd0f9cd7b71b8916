/**
 * Several DNS servers on one port, each on its own loopback address: a
 * caching resolver's view at 127.0.0.1 and a reverse zone's nameservers at
 * 127.0.0.2, .3, … (fixtures/zone-servers/servers.json says who is who).
 * ptrcheck asks the resolver with --dns 127.0.0.1:PORT and the nameservers
 * directly with --authoritative-port PORT. The whole set shares one
 * OS-picked port; when another process holds it on one of the addresses,
 * the set starts again on a fresh port.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureZoneFiles, startDnsServer, type DnsServerOptions, type DnsTestServer } from './dns-server.js';
import { repoRoot } from './repo-root.js';

export interface DnsNetwork {
  port: number;
  /** The caching resolver (127.0.0.1): what --dns points at. */
  resolver: DnsTestServer;
  /** The nameservers by address. */
  servers: Map<string, DnsTestServer>;
  /** Environment for the CLI: PTRCHECK_DNS and PTRCHECK_AUTHORITATIVE_PORT. */
  env: Record<string, string>;
  close(): Promise<void>;
}

interface ServerSpec {
  role?: 'authoritative' | 'resolver';
  ageSeconds?: number;
  silent?: boolean;
  noAuthority?: boolean;
}

export const ZONE_SERVERS_DIR = join(repoRoot(), 'fixtures', 'zone-servers');

function zoneFilesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.zone')).sort().map((f) => join(dir, f)) : [];
}

export async function startDnsNetwork(dir = ZONE_SERVERS_DIR): Promise<DnsNetwork> {
  const specs = JSON.parse(readFileSync(join(dir, 'servers.json'), 'utf8')) as Record<string, ServerSpec | string>;
  const options = (key: string, spec: ServerSpec, port: number, host: string): DnsServerOptions => ({
    // The resolver also knows the rest of the fixture world (example.com, the other reverse zones).
    zoneFiles: key === 'resolver' ? [...fixtureZoneFiles(), ...zoneFilesIn(join(dir, key))] : zoneFilesIn(join(dir, key)),
    host,
    port,
    ...(spec.role ? { role: spec.role } : {}),
    ...(spec.ageSeconds !== undefined ? { ageSeconds: spec.ageSeconds } : {}),
    ...(spec.silent ? { silent: true } : {}),
    ...(spec.noAuthority ? { noAuthority: true } : {}),
  });
  const entries = Object.entries(specs).filter((e): e is [string, ServerSpec] => !e[0].startsWith('_') && typeof e[1] === 'object');
  for (let attempt = 0; ; attempt++) {
    const resolverSpec = entries.find(([k]) => k === 'resolver')?.[1] ?? {};
    const resolver = await startDnsServer(options('resolver', resolverSpec, 0, '127.0.0.1'));
    const started: DnsTestServer[] = [resolver];
    try {
      const servers = new Map<string, DnsTestServer>();
      for (const [address, spec] of entries) {
        if (address === 'resolver') continue;
        const s = await startDnsServer(options(address, spec, resolver.port, address));
        started.push(s);
        servers.set(address, s);
      }
      const port = resolver.port;
      return {
        port, resolver, servers,
        env: { PTRCHECK_DNS: resolver.address, PTRCHECK_AUTHORITATIVE_PORT: String(port) },
        close: async () => void (await Promise.all(started.map((s) => s.close()))),
      };
    } catch (e) {
      await Promise.all(started.map((s) => s.close()));
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 10) throw e;
    }
  }
}
