/** Monitoring's command-line settings, shared by `monitor run` and `serve --monitor`: each checked, one clear line when not. */
import { readFileSync } from 'node:fs';
import { shown } from '../core/errors.js';
import { UsageError } from './usage.js';

/** A webhook given on the command line is the operator's own choice (a loopback receiver included): http(s) only. */
export function webhookUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--webhook '${shown(text)}' is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--webhook '${shown(text)}' must be an http(s) URL`);
  return url.toString();
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
