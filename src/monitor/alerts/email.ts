/**
 * The e-mail alert, built only (sending through the SMTP relay is the Node entry's): one
 * plain-text message for a round's changes. User text is kept to one line each (no header
 * or line injection); the addresses are refused if they could break a header.
 */
import { oneLine, safeUrl, summary, transitionLine } from './line.js';
import type { TransitionEvent } from './types.js';

/** The most transitions listed in one message; the rest are counted. */
export const MAX_EMAIL_LINES = 500;

export interface AlertEmailOptions {
  from: string;
  to: string;
  /** The server's public base URL: resolves relative report URLs and links the monitors page. */
  publicUrl?: string;
}

export interface AlertEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

function address(what: string, value: string): string {
  const v = value.trim();
  if (v === '' || v.length > 320 || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v)) throw new Error(`the alert e-mail ${what} address is not usable: ${JSON.stringify(oneLine(v, 80))}`);
  return v;
}

export function alertEmail(events: readonly TransitionEvent[], o: AlertEmailOptions): AlertEmail {
  const from = address('from', o.from);
  const to = address('to', o.to);
  const base = safeUrl(o.publicUrl);
  const body: string[] = [`${summary(events).replace(/^ptrcheck: /, 'ptrcheck saw ')} in the monitored senders.`, ''];
  for (const e of events.slice(0, MAX_EMAIL_LINES)) {
    body.push(transitionLine(e));
    const url = safeUrl(e.reportUrl, base);
    if (url) body.push(`  report: ${url}`);
  }
  if (events.length > MAX_EMAIL_LINES) body.push(`… and ${events.length - MAX_EMAIL_LINES} more`);
  if (base) body.push('', `All monitors: ${new URL('monitors', base.endsWith('/') ? base : `${base}/`).href}`);
  return { from, to, subject: summary(events), text: `${body.join('\n')}\n` };
}
