/**
 * The settings of a server, one table for both ways to run one: `ptrcheck
 * serve` flags and the Worker's wrangler.toml variables. Each setting has
 * its default (config/defaults.ts), its parser, and its name in each place,
 * so an error names what the operator actually wrote.
 */
import { DEFAULT_AUTHSERV_ID, DEFAULT_NETWORK_MESSAGE_BYTES, DEFAULT_RETENTION_DAYS } from './defaults.js';
import { authservId, dnsblZones, domainName, httpUrl, trustedReceivers, wholeNumber } from './parse.js';

export type SettingSource = 'cli' | 'env';

const MIB = 1024 * 1024;

interface Setting<T> {
  cli: string;
  env: string;
  parse(text: string, name: string, source: SettingSource): T;
}

export const SERVER_SETTINGS = {
  rateLimitPerMinute: { cli: '--rate-limit', env: 'RATE_LIMIT_PER_MINUTE', parse: (t, n) => wholeNumber(t, n, 0, 1_000_000) } as Setting<number>,
  rateLimitBurst: { cli: '--rate-limit-burst', env: 'RATE_LIMIT_BURST', parse: (t, n) => wholeNumber(t, n, 1, 1_000_000) } as Setting<number>,
  // One IPv6 customer gets a /64 (or more): keyed by address, each of its 2^64 addresses would have its own bucket.
  rateLimitV6Prefix: { cli: '--rate-limit-v6-prefix', env: 'RATE_LIMIT_V6_PREFIX', parse: (t, n) => wholeNumber(t, n, 16, 128) } as Setting<number>,
  maxAudits: { cli: '--max-audits', env: 'MAX_AUDITS', parse: (t, n) => wholeNumber(t, n, 1, 10_000) } as Setting<number>,
  // The CLI counts in MB (a person types it), the Worker in bytes (Email Routing's limit is 25 MiB).
  maxMessageBytes: {
    cli: '--max-message-mb',
    env: 'MAX_MESSAGE_BYTES',
    parse: (t, n, source) => (source === 'cli' ? wholeNumber(t, n, 1, 1024) * MIB : wholeNumber(t, n, 1024, 25 * MIB)),
  } as Setting<number>,
  retentionDays: { cli: '--retention-days', env: 'RETENTION_DAYS', parse: (t, n) => wholeNumber(t, n, 0, 36_500) } as Setting<number>,
  authservId: { cli: '--authserv-id', env: 'AUTHSERV_ID', parse: authservId } as Setting<string>,
  sinkDomain: { cli: '--sink-domain', env: 'SINK_DOMAIN', parse: domainName } as Setting<string>,
  publicUrl: { cli: '--public-url', env: 'PUBLIC_URL', parse: (t, n) => httpUrl(t, n).replace(/\/$/, '') } as Setting<string>,
  dnsbl: { cli: '--dnsbl', env: 'DNSBL_ZONES', parse: dnsblZones } as Setting<string[]>,
  trustedReceivers: { cli: '--trusted-receiver', env: 'TRUSTED_RECEIVERS', parse: trustedReceivers } as Setting<string[]>,
};

type Settings = typeof SERVER_SETTINGS;
export type ServerSettings = { [K in keyof Settings]: Settings[K] extends Setting<infer T> ? T : never };
/** Settings as written: strings (a repeated CLI flag arrives as a list). Absent or empty means the default. */
export type RawServerSettings = Partial<Record<keyof Settings, string | readonly string[] | undefined>>;

export const SERVER_DEFAULTS: Omit<ServerSettings, 'sinkDomain' | 'publicUrl'> & Partial<Pick<ServerSettings, 'sinkDomain' | 'publicUrl'>> = {
  rateLimitPerMinute: 30,
  rateLimitBurst: 10,
  rateLimitV6Prefix: 64,
  maxAudits: 32,
  maxMessageBytes: DEFAULT_NETWORK_MESSAGE_BYTES,
  retentionDays: DEFAULT_RETENTION_DAYS,
  authservId: DEFAULT_AUTHSERV_ID,
  dnsbl: [],
  trustedReceivers: [],
};

/** Parses what was given and fills the rest from the defaults; throws ConfigError naming the flag or variable. */
export function readServerSettings(raw: RawServerSettings, source: SettingSource): typeof SERVER_DEFAULTS {
  const out: Record<string, unknown> = { ...SERVER_DEFAULTS };
  for (const [key, setting] of Object.entries(SERVER_SETTINGS) as [keyof Settings, Setting<unknown>][]) {
    const given = raw[key];
    const text = Array.isArray(given) ? given.join(',') : (given as string | undefined);
    if (text === undefined || text.trim() === '') continue;
    out[key] = setting.parse(text, source === 'cli' ? setting.cli : setting.env, source);
  }
  return out as typeof SERVER_DEFAULTS;
}
