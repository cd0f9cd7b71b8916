/**
 * One transition as one line of words, shared by the Slack and e-mail messages:
 * `203.0.113.5 (mail.example.com monitor "label"): pass → fail (ptr-present, fcrdns) at <time>`.
 * Targets and labels are user input: control characters are replaced, long text is clipped.
 */
import type { StateSnapshot, TransitionEvent } from './types.js';

/** The most characters of one piece of user text (a target, a label) shown. */
export const MAX_SHOWN = 200;

// C0, DEL, C1, line/paragraph separators, bidi embeddings/overrides/isolates, zero-width and BOM characters.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** User text made safe to show on one line: controls become U+FFFD, at most MAX_SHOWN characters (code points), "…" when clipped. */
export function oneLine(text: string, max = MAX_SHOWN): string {
  const chars = Array.from(String(text).replace(CONTROL, '\uFFFD'));
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

const VERDICTS = new Set(['pass', 'warn', 'fail']);

function verdict(s: StateSnapshot | null): string {
  if (s === null) return 'first look';
  return VERDICTS.has(s.verdict) ? s.verdict : oneLine(String(s.verdict), 20);
}

/** Rule ids named on the line: what fails now, else what stopped failing. */
function rules(e: TransitionEvent): string {
  const now = e.to.failing ?? [];
  if (now.length > 0) return ` (${now.map((r) => oneLine(r, 60)).join(', ')})`;
  const before = e.from?.failing ?? [];
  return before.length > 0 ? ` (fixed: ${before.map((r) => oneLine(r, 60)).join(', ')})` : '';
}

/** The line, each piece of user text passed through `text` (the channel's escaping) after oneLine. */
export function transitionLine(e: TransitionEvent, text: (s: string) => string = (s) => s): string {
  const label = e.monitor.label ? ` "${text(oneLine(e.monitor.label))}"` : '';
  const who = `${text(oneLine(e.ip, 64))} (${text(oneLine(e.monitor.target))} monitor${label})`;
  return `${who}: ${text(verdict(e.from))} → ${text(verdict(e.to))}${text(rules(e))} at ${text(oneLine(e.at, 40))}`;
}

/** "2 changes (1 now failing)": the subject of an e-mail, the first line of a Slack message. */
export function summary(events: readonly TransitionEvent[]): string {
  const failing = events.filter((e) => e.to.verdict === 'fail').length;
  const changes = `${events.length} change${events.length === 1 ? '' : 's'}`;
  return failing > 0 ? `ptrcheck: ${changes} (${failing} now failing)` : `ptrcheck: ${changes}`;
}

/** An http(s) URL with nothing in it a message format could read as markup or a line break, or undefined. */
export function safeUrl(text: string | undefined, base?: string): string | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const href = url.href;
    return href.length <= 2000 && !/[\s<>|"'`\u0000-\u001f\u007f-\u009f]/.test(href) ? href : undefined;
  } catch {
    return undefined;
  }
}
