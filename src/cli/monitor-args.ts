/** Monitoring's command-line settings, shared by `monitor run` and `serve --monitor`: each checked, one clear line when not. */
import { readFileSync } from 'node:fs';
import { shown } from '../core/errors.js';
import { UsageError } from './usage.js';
import { httpUrl } from '../config/parse.js';
import { emailDigest } from './alert-email.js';
import { deliverSlack, type TransitionEvent } from '../monitor/alerts/index.js';
import type { RoundDeps } from '../monitor/round.js';

/** A webhook given on the command line is the operator's own choice (a loopback receiver included): http(s) only. */
/** One URL checker for every place that takes one (config/parse.ts): the words are the same everywhere. */
export function webhookUrl(text: string, what = '--webhook'): string {
  return httpUrl(text, what);
}

export function secretFrom(path: string, what = '--webhook-secret-file'): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (e) {
    throw new UsageError(`cannot read ${what} '${shown(path)}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (text === '' || text.length > 4096) throw new UsageError(`${what} '${shown(path)}' must hold a secret of 1 to 4096 characters`);
  return text;
}

/** The digest channels given on the command line (Slack-compatible webhooks, e-mail through a relay), one message per round each. */
export function digestChannels(values: { 'slack-webhook'?: string[] | undefined }, email: Parameters<typeof emailDigest>[0] | undefined, publicUrl?: string): RoundDeps['digests'] {
  const slack = (values['slack-webhook'] ?? []).map((u) => webhookUrl(u, '--slack-webhook'));
  return [
    ...slack.map((url) => (events: TransitionEvent[]) => deliverSlack(url, events, { retries: 2 })),
    ...(email ? [emailDigest(email, publicUrl)] : []),
  ];
}
