/** The DNS-list registry holds together: receivers exist, dead lists say when and why, codes are loopback answers. */
import { describe, expect, it } from 'vitest';
import { DNS_LISTS } from './dnsbl-registry.js';
import { receivers } from '../receivers/index.js';
import { codeMeaning, dnsListRefusal, findDnsList } from '../lib/dnsbl.js';

describe('DNS-list registry', () => {
  it.each(DNS_LISTS.map((l) => [l.zone, l] as const))('%s is well formed', (zone, l) => {
    expect(zone).toBe(zone.toLowerCase());
    for (const code of [...Object.keys(l.codes), ...Object.keys(l.errors)]) expect(code).toMatch(/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/);
    for (const code of Object.keys(l.codes)) expect(l.errors).not.toHaveProperty(code);
    for (const u of l.usedBy ?? []) expect(receivers.map((r) => r.id)).toContain(u.receiver);
    for (const url of [l.homepage, l.delist, ...l.sources, ...(l.usedBy ?? []).map((u) => u.source)]) if (url !== undefined) expect(url).toMatch(/^https?:\/\/[^\s]+$/);
    expect(l.sources.length).toBeGreaterThan(0);
    if (l.status === 'dead') {
      expect(l.deadSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(l.reason?.length).toBeGreaterThan(20);
    }
  });

  it('has no zone twice', () => {
    expect(new Set(DNS_LISTS.map((l) => l.zone)).size).toBe(DNS_LISTS.length);
  });

  it.each([
    ['zen.spamhaus.org', 'Spamhaus ZEN'],
    ['ZEN.Spamhaus.org.', 'Spamhaus ZEN'],
    ['dnsbl.sorbs.net', 'SORBS'],
    ['new.spam.dnsbl.sorbs.net', 'SORBS'],
    ['notsorbs.net', undefined],
    ['bl.example.net', undefined],
  ])('finds %s as %s', (zone, name) => {
    expect(findDnsList(zone)?.name).toBe(name);
  });

  it.each([
    ['zen.spamhaus.org', undefined],
    ['dnsbl.sorbs.net', /^dnsbl\.sorbs\.net is SORBS, dead since 2024-06-05/],
    ['dbl.spamhaus.org', /lists domains, not IP addresses/],
    ['bl.example.net', undefined],
  ])('refuses %s: %s', (zone, refusal) => {
    const got = dnsListRefusal(zone);
    if (refusal === undefined) expect(got).toBeUndefined();
    else expect(got).toMatch(refusal);
  });

  it.each([
    ['list.dnswl.org', '127.0.3.3', 'trust high, email service provider'],
    ['list.dnswl.org', '127.0.99.0', 'trust none'],
    ['list.dnswl.org', '127.0.3.9', undefined],
    ['list.dnswl.org', '127.0.0.255', expect.stringMatching(/^query blocked/)],
    ['zen.spamhaus.org', '127.0.0.11', expect.stringMatching(/^PBL, Spamhaus-maintained/)],
    ['zen.spamhaus.org', '127.255.255.254', 'query through a public/open resolver (not allowed)'],
    ['zen.spamhaus.org', '127.0.0.8', undefined],
  ])('%s %s means %s', (zone, code, meaning) => {
    expect(codeMeaning(findDnsList(zone)!, code)).toEqual(meaning);
  });
});
