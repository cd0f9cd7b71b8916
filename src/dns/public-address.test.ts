import { describe, expect, it } from 'vitest';
import { isPublicUnicast } from './public-address.js';

describe('isPublicUnicast', () => {
  it.each([
    // Plain addresses.
    ['8.8.8.8', true, 'a public IPv4 address'],
    ['2606:4700:4700::1111', true, 'a public IPv6 address'],
    ['127.0.0.1', false, 'IPv4 loopback'],
    ['10.0.0.1', false, 'RFC 1918'],
    ['169.254.169.254', false, 'link-local (a cloud metadata service)'],
    ['2001:db8::1', false, 'IPv6 documentation (RFC 3849)'],
    ['::1', false, 'IPv6 loopback'],
    ['::', false, 'IPv6 unspecified'],
    ['fd00::1', false, 'unique local'],
    ['fe80::1', false, 'link-local'],
    // IPv4-mapped: judged by the IPv4 address, in either spelling.
    ['::ffff:8.8.8.8', true, 'mapped public IPv4'],
    ['::ffff:808:808', true, 'mapped public IPv4, hex'],
    ['::ffff:127.0.0.1', false, 'mapped loopback'],
    ['::ffff:7f00:1', false, 'mapped loopback, hex'],
    ['::ffff:10.0.0.1', false, 'mapped RFC 1918'],
    ['0:0:0:0:0:ffff:a9fe:a9fe', false, 'mapped link-local, uncompressed'],
    // IPv4-compatible (deprecated, routed nowhere): refused whatever it embeds.
    ['::7f00:1', false, 'compatible loopback, hex (F7)'],
    ['::127.0.0.1', false, 'compatible loopback, dotted (ipaddr.js alone reads it as mapped)'],
    ['0:0:0:0:0:0:127.0.0.1', false, 'compatible loopback, uncompressed'],
    ['::a00:1', false, 'compatible RFC 1918'],
    ['::8.8.8.8', false, 'compatible public IPv4: still not an address on the Internet'],
    ['::808:808', false, 'compatible public IPv4, hex'],
    ['::0.0.0.2', false, 'compatible, low bits'],
    // IPv4-translated (RFC 6145): only meaningful inside a translator's domain.
    ['::ffff:0:10.0.0.1', false, 'translated RFC 1918'],
    ['::ffff:0:808:808', false, 'translated public IPv4'],
    // NAT64 well-known prefix: judged by the embedded IPv4 (DNS64 synthesises these).
    ['64:ff9b::808:808', true, 'NAT64 of a public IPv4'],
    ['64:ff9b::8.8.8.8', true, 'NAT64 of a public IPv4, dotted'],
    ['64:ff9b::a00:1', false, 'NAT64 of RFC 1918'],
    ['64:ff9b::127.0.0.1', false, 'NAT64 of loopback, dotted'],
    ['64:ff9b::a9fe:a9fe', false, 'NAT64 of link-local'],
    // NAT64 local-use prefix (RFC 8215): never public.
    ['64:ff9b:1::808:808', false, 'local-use NAT64'],
    // 6to4 and Teredo: relays to an IPv4 address the owner picked; refused.
    ['2002:7f00:1::1', false, '6to4 of loopback'],
    ['2002:a00:1::1', false, '6to4 of RFC 1918'],
    ['2002:808:808::1', false, '6to4 of a public IPv4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', false, 'Teredo'],
    ['2001::7f00:1', false, 'Teredo with a loopback server address'],
    // Spellings an OS might read another way, and not addresses at all.
    ['010.8.8.8', false, 'leading zero (octal to some readers)'],
    ['127.1', false, 'short IPv4'],
    ['0x7f.0.0.1', false, 'hex octet'],
    ['::0x8.8.8.8', false, 'hex octet in a dotted tail'],
    ['::ffff:08.8.8.8', false, 'leading zero in a dotted tail'],
    ['fe80::1%eth0', false, 'zone index'],
    ['2606:4700:4700::1111%eth0', false, 'zone index on a public address'],
    ['1:2:3:4:5:6:7:8.8.8.8', false, 'too many groups'],
    ['', false, 'empty'],
    ['localhost', false, 'a name'],
  ])('%s → %s (%s)', (address, expected) => {
    expect(isPublicUnicast(address)).toBe(expected);
  });
});
