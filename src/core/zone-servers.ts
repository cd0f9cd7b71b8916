/**
 * Evidence of what a reverse zone's own nameservers say, asked directly
 * with recursion off (gather/zone-servers.ts): the answer before any
 * resolver's cache, each server's health, and who delegates the zone to
 * whom. Gathered when the PTR or FCrDNS does not pass, or when asked.
 */
import type { DirectAnswer } from '../dns/types.js';

/** One nameserver of a zone at one of its addresses, and what it answered. */
export interface ZoneServer {
  /** The NS name. */
  ns: string;
  /** Absent when the NS name has no address (then `addressProblem` says what its lookup gave). */
  address?: string;
  addressProblem?: string;
  /** The address lookup failed temporarily (so the server's absence is not a finding). */
  addressTemporary?: boolean;
  /** Every question put to this server, recursion off: PTR, SOA, NS (or A/AAAA for a forward zone). */
  answers: DirectAnswer[];
}

/**
 * Server addresses asked per zone, at most: a zone that lists more is odd, and asking
 * every address of every name (12 names, several addresses each) sent 640 packets for
 * one audit. Picked one address per name first, so each name is asked before any twice.
 */
export const MAX_SERVERS_PER_ZONE = 8;

/** A zone as seen at its own servers. */
export interface ZoneAtServers {
  zone: string;
  /** NS names, as the resolver (or the referral) gave them. */
  nameservers: string[];
  servers: ZoneServer[];
  /** The NS lookup failed temporarily (its RCODE): no server could be asked, and that says nothing about the zone. */
  nameserversFailed?: string;
  /** Servers (at an address, or a name not looked up) left out by MAX_SERVERS_PER_ZONE: neither healthy nor broken. */
  unasked?: { ns: string; address?: string }[];
}

/** One zone cut on the way to the reverse zone, top down (RIR → ISP → customer). */
export interface DelegationStep {
  zone: string;
  nameservers: string[];
  /** The SOA's primary server and contact, when the resolver gave them: who runs this step. */
  primary?: string;
  contact?: string;
}

/** Why the zone's servers were asked. */
export type ZoneCheckReason = 'asked' | 'ptr-missing' | 'ptr-failed' | 'fcrdns-failing';

export interface ZoneServersEvidence {
  why: ZoneCheckReason;
  /** The name whose PTR the zone's servers were asked (the CNAME target under RFC 2317). */
  name: string;
  /** The reverse zone at its own servers; absent when no reverse zone was found. */
  zone?: ZoneAtServers;
  /** The zone's parent, asked for the zone's NS set: the delegation as the parent publishes it. */
  parent?: ZoneAtServers;
  /** The zone's servers referred the PTR question further down: the child zone, at its own servers (asked SOA and PTR). */
  delegatedFurther?: ZoneAtServers;
  /** Zone cuts from the top of the reverse tree to the zone, as the resolver sees them. */
  path: DelegationStep[];
  /** RFC 2317: the block delegated by CNAMEs, and the zone that holds it. */
  classless?: { block: string; zone: string; cname: string };
  /** Each PTR name's forward lookup (A/AAAA) at the servers of the zone that holds it. */
  forward: { name: string; zone?: ZoneAtServers; unknownBecause?: string; unknownTemporary?: boolean }[];
}
