/**
 * The Slack (and Discord's Slack-compatible) channel: one `{ "text": … }` message for a round's
 * changes, posted with the same retries as the webhook. Slack reads `<…>` as links and mentions
 * (`<!channel>`) and `&` as an entity, so user text is escaped; `@everyone`/`@here` are broken
 * with a zero-width space for Discord.
 */
import { postWithRetries, type Delivery, type PostOptions } from './post.js';
import { safeUrl, summary, transitionLine } from './line.js';
import type { TransitionEvent } from './types.js';

/** The most transitions listed in one message (Slack truncates long text); the rest are counted. */
export const MAX_SLACK_LINES = 50;

/** Slack's three control characters as entities (api.slack.com "Escaping text"), and mass mentions broken. */
export function slackEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(everyone|here|channel)\b/gi, '@\u200b$1');
}

export function slackText(events: readonly TransitionEvent[]): string {
  const lines = events.slice(0, MAX_SLACK_LINES).map((e) => {
    const url = safeUrl(e.reportUrl);
    return `${transitionLine(e, slackEscape)}${url ? ` <${url}>` : ''}`;
  });
  if (events.length > MAX_SLACK_LINES) lines.push(`… and ${events.length - MAX_SLACK_LINES} more`);
  return [summary(events), ...lines].join('\n');
}

export function slackBody(events: readonly TransitionEvent[]): string {
  return JSON.stringify({ text: slackText(events) });
}

/** Posts one message for `events` (none: nothing is sent, and that is a success). */
export async function deliverSlack(url: string, events: readonly TransitionEvent[], o: PostOptions = {}): Promise<Delivery> {
  if (events.length === 0) return { ok: true, attempts: [] };
  return postWithRetries(
    { channel: 'slack', url, body: slackBody(events), headers: () => ({ 'Content-Type': 'application/json', 'User-Agent': 'ptrcheck' }) },
    o,
  );
}
