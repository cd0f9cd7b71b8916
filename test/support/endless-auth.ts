/**
 * A stand-in for mailauth in the authentication threads
 * (`createThreadAuthenticator({ work: ENDLESS_AUTH })`): a message with an
 * `X-Endless: yes` header is worked on for ever, synchronously, as mailauth's
 * worst cases are, so only its time budget (the worker terminated) ends it;
 * every other message goes to the real mailauth. Going over the budget is
 * then certain on a fast machine, not a bet on how slow mailauth is.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { authenticateMessage as mailauth } from '../../src/message/authenticate.js';
import { repoRoot } from './repo-root.js';

export const ENDLESS_HEADER = 'X-Endless: yes';

const marked = (raw: Uint8Array) => new TextDecoder().decode(raw).includes(`\r\n${ENDLESS_HEADER}\r\n`);

export const authenticateMessage: typeof mailauth = async (raw, facts, resolver) => {
  if (marked(raw)) for (;;); // never ends: what ends it is the worker being terminated
  return mailauth(raw, facts, resolver);
};

/** This module compiled (the worker is plain Node: it loads dist/, as it does its own script). */
export const ENDLESS_AUTH = pathToFileURL(join(repoRoot(), 'dist/test/support/endless-auth.js'));
