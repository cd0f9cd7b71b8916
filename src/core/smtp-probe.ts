/**
 * What the sender's own SMTP server says about itself when asked (opt-in):
 * its 220 banner, its EHLO reply and its STARTTLS certificate's names. The
 * receiver compares them with the PTR ("Reverse DNS does not match SMTP
 * banner" in MXToolbox's words).
 */
export interface SmtpProbeEvidence {
  address: string;
  port: number;
  /** ok: a 220 banner was read; refused: nothing listens; timeout: no answer in time; not-asked: refused by policy (a private address on a server, the per-IP limit). */
  outcome: 'ok' | 'refused' | 'timeout' | 'error' | 'not-asked';
  banner?: string;
  /** The first word of the banner after 220: the name the server announces. */
  bannerName?: string;
  /** The name in the first line of the EHLO reply. */
  ehloName?: string;
  starttls?: 'ok' | 'not-offered' | 'failed';
  /** DNS names in the certificate (subject CN and subjectAltName). */
  certNames?: string[];
  detail?: string;
  ms: number;
}

export interface SmtpProber {
  probe(address: string): Promise<SmtpProbeEvidence>;
}
