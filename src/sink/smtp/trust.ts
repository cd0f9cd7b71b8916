/**
 * Trusted networks for XCLIENT/XFORWARD: addresses or CIDR ranges. Anyone
 * allowed those commands can claim any client address, so only a proxy in
 * front of the sink (or a test on loopback) may use them.
 */
import ipaddr from 'ipaddr.js';

export type NetworkMatcher = (address: string) => boolean;

export function networkMatcher(entries: readonly string[]): NetworkMatcher {
  const ranges = entries.map((e) => {
    const text = e.includes('/') ? e : `${e}/${e.includes(':') ? 128 : 32}`;
    try {
      return ipaddr.parseCIDR(text);
    } catch {
      throw new Error(`not an address or CIDR range: '${e}'`);
    }
  });
  return (address) => {
    let addr: ipaddr.IPv4 | ipaddr.IPv6;
    try {
      addr = ipaddr.process(address);
    } catch {
      return false;
    }
    return ranges.some(([net, bits]) => addr.kind() === net.kind() && addr.match([net, bits] as never));
  };
}
