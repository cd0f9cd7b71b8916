/** Whether a server may contact an address a stranger's DNS named: public unicast only (not private, loopback, reserved…). */
import ipaddr from 'ipaddr.js';

export function isPublicUnicast(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}
