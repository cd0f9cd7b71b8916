/**
 * What the PTR name's website says about its operator when asked (opt-in):
 * whether https://<PTR name>/ or https://<its organisational domain>/ links
 * to an imprint or contact page. T-Online refuses senders whose host name
 * leads to no operator with an imprint ("(DIAL)"), even with valid FCrDNS.
 */
import type { Resolver } from '../dns/types.js';

/**
 * How one home page went. Definite: found, none, no-address, not-public,
 * refused, tls-error, http-status (4xx), not-html, too-many-redirects,
 * http-redirect, bad-redirect (a Location a browser would not follow). Temporary (a retry may differ): timeout, dns-failed,
 * http-status (5xx), error.
 */
export type WebPageOutcome =
  | 'found' | 'none' | 'no-address' | 'not-public' | 'refused' | 'tls-error' | 'http-status' | 'not-html'
  | 'too-many-redirects' | 'http-redirect' | 'bad-redirect' | 'timeout' | 'dns-failed' | 'error';

/** The link that names an imprint or a contact: as the page wrote it, truncated, never trusted. */
export interface ImprintLink {
  kind: 'imprint' | 'contact' | 'about' | 'mailto';
  /** The link text, entities decoded, whitespace collapsed, control characters removed, at most 120 characters. */
  text: string;
  /** The href as written (decoded), at most 200 characters. */
  href: string;
}

export interface WebPage {
  /** The host name asked (the PTR name or its organisational domain). */
  name: string;
  role: 'ptr' | 'org';
  /** https://<name>/ */
  url: string;
  outcome: WebPageOutcome;
  /** The last URL asked, when redirects led elsewhere. */
  finalUrl?: string;
  /** The redirect chain's Location targets, in order (at most 5 followed). */
  redirects?: string[];
  /** The address connected to (the last request's). */
  address?: string;
  /** HTTP status of the last response. */
  status?: number;
  contentType?: string;
  /** Bytes of the body read (at most the cap). */
  bytes?: number;
  /** The body was longer than the cap: only its start was read. */
  truncated?: boolean;
  link?: ImprintLink;
  /** Why it could not be fetched, in a few words (the error, the rcode, the address refused). */
  detail?: string;
  /** Served from the server's per-name memory (at most once per name per 10 minutes). */
  cached?: boolean;
  ms: number;
}

export interface WebProbeEvidence {
  /** The home pages asked, PTR name first; empty when there was no name to ask. */
  pages: WebPage[];
}

/** Temporary outcomes: a retry may find the page, so no rule may fail on them. */
export function isTemporaryPage(p: WebPage): boolean {
  return p.outcome === 'timeout' || p.outcome === 'dns-failed' || p.outcome === 'error' || (p.outcome === 'http-status' && (p.status ?? 0) >= 500);
}

export interface WebProbeTarget {
  name: string;
  role: WebPage['role'];
}

export interface WebProber {
  /** Fetches each target's home page, resolving names through `resolver` (the audit's own, so every lookup is in the report). */
  probe(targets: readonly WebProbeTarget[], resolver: Resolver): Promise<WebProbeEvidence>;
}
