/**
 * The sink's DMARC report address (rua=mailto:dmarc@<sink domain>): the
 * aggregate reports attached to a message (xml, gz or zip) are read, and
 * each source IP that passed DMARC for a watched domain is watched from
 * then on (monitor/dmarc.ts). What is not a report, or is a compression
 * bomb, is refused from the watch list and said so in the outcome; the
 * message itself is never refused for it. Runtime-neutral.
 */
import { InputError, shown } from '../core/errors.js';
import { attachmentsOf } from '../message/attachments.js';
import { addDmarcSources, type DmarcSourcesAdded } from '../monitor/dmarc.js';
import type { MonitorStore } from '../monitor/store.js';

/** The report address's local part unless the operator names another (serve --dmarc-local-part). */
export const DEFAULT_REPORT_LOCAL_PART = 'dmarc';

/** How reporters send them (RFC 7489 §7.2.1.1: gzip, zip, or plain XML), some as octet-stream with the file name saying it. */
const REPORT_TYPES: ReadonlySet<string> = new Set(['application/gzip', 'application/x-gzip', 'application/zip', 'application/x-zip-compressed', 'application/x-zip', 'text/xml', 'application/xml']);
const REPORT_NAME = /\.(xml|gz|zip)$/i;

export function isReportAttachment(type: string, name: string): boolean {
  return REPORT_TYPES.has(type) || (type === 'application/octet-stream' && REPORT_NAME.test(name));
}

export interface ReportMailOutcome {
  /** Each attachment read as a report, with what it added. */
  reports: ({ name: string } & DmarcSourcesAdded)[];
  /** Attachments that were not a report (or a bomb): nothing of them was added. */
  refused: { name: string; reason: string }[];
  /** Some of the message was not looked at (too many parts or attachments). */
  cut: boolean;
}

/** Reads every report attached to one message. InputErrors are outcomes; a failing store throws (the message is to be tried again). */
export async function readReportMail(raw: Uint8Array, monitors: MonitorStore, now: number): Promise<ReportMailOutcome> {
  const { found, cut } = attachmentsOf(raw, isReportAttachment);
  const out: ReportMailOutcome = { reports: [], refused: [], cut };
  for (const [i, a] of found.entries()) {
    const name = a.name ? shown(a.name) : `attachment ${i + 1}`;
    try {
      out.reports.push({ name, ...(await addDmarcSources(monitors, a.bytes, name, now)) });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      out.refused.push({ name, reason: e.message });
    }
  }
  return out;
}

/**
 * readReportMail, one message at a time: a report may decompress to 64 MB, and a hundred clients
 * mailing at once must not hold a hundred of them.
 */
export function reportMailbox(monitors: MonitorStore, now: () => number = Date.now): (raw: Uint8Array) => Promise<ReportMailOutcome> {
  let tail: Promise<unknown> = Promise.resolve();
  return (raw) => {
    const run = tail.then(() => readReportMail(raw, monitors, now()));
    tail = run.catch(() => undefined);
    return run;
  };
}
