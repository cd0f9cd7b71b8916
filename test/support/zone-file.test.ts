import { describe, expect, it } from 'vitest';
import { parseZone } from './zone-file.js';

describe('parseZone (RFC 1035 master files)', () => {
  const zone = parseZone(`
$ORIGIN example.test.
$TTL 1h
@   IN SOA ns1 hostmaster (
          1 ; serial
          2h 15m 2w 5m )
    NS  ns1.example.test.
ns1 300 IN A 192.0.2.1
    IN 600 AAAA 2001:db8::1   ; blank owner: same as the line before, class then TTL
www CNAME ns1
txt TXT "v=spf1 -all" "second; string"
mx  MX 10 mail.other.test.
$ORIGIN sub.example.test.
deep PTR host
`);

  it('takes the zone origin from its SOA', () => {
    expect(zone.origin).toBe('example.test');
  });

  it('reads SOA across parentheses, with TTL units and relative names', () => {
    expect(zone.records[0]).toEqual({
      name: 'example.test', type: 'SOA', ttl: 3600,
      fields: ['ns1.example.test', 'hostmaster.example.test', '1', '2h', '15m', '2w', '5m'],
    });
  });

  it('inherits the owner on indented lines and accepts TTL/class in either order', () => {
    expect(zone.records.filter((r) => r.name === 'ns1.example.test').map((r) => [r.type, r.ttl])).toEqual([['A', 300], ['AAAA', 600]]);
  });

  it('makes names in data absolute and keeps quoted strings whole', () => {
    const byType = Object.fromEntries(zone.records.map((r) => [r.type, r]));
    expect(byType.CNAME!.fields).toEqual(['ns1.example.test']);
    expect(byType.TXT!.fields).toEqual(['"v=spf1 -all', '"second; string']);
    expect(byType.MX!.fields).toEqual(['10', 'mail.other.test']);
    expect(byType.PTR).toMatchObject({ name: 'deep.sub.example.test', fields: ['host.sub.example.test'] });
  });

  it.each([
    ['@ IN SOA a b ( 1 2 3 4 5', /unbalanced/],
    ['@ IN BOGUS x', /unsupported or missing type/],
    ['$TTL forever', /bad TTL/],
  ])('rejects %j', (text, err) => {
    expect(() => parseZone(text, 'x.test')).toThrow(err);
  });
});
