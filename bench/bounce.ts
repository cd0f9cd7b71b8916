/**
 * bench/bounce: the bounce bombs of issue 25 (F2) against a normal bounce of
 * the same size, at 200 KB and at 10 MB (the server's limit). The baseline
 * is a Postfix DSN with the original message attached (plain text lines),
 * grown to the size: what a large bounce really is. Each case runs in a
 * child process of its own: the decode time (best of 20 at 200 KB, of 5 at
 * 10 MB), in this thread or through the serve process's decoding threads
 * (warm, the copy to the worker included), and the RSS decoding added: the
 * child's peak less what it held with the input built (and before the
 * decoding thread was started: the thread counts). Prints each bomb's
 * time ÷ the baseline's; linear and cut, a bomb costs about what a normal
 * bounce of its size does.
 *
 *   npm run bench:bounce
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { decodeBounce } from '../src/bounce/decode.js';
import { createThreadDecoder } from '../src/bounce/thread.js';
import { receivers } from '../rules/receivers/index.js';
import { repoRoot } from '../test/support/repo-root.js';

const KB = 1024;
const MB = KB * KB;
const fill = (head: string, unit: string, size: number) => head + unit.repeat(Math.ceil((size - head.length) / unit.length)).slice(0, size - head.length);
const HTML = 'Content-Type: text/html\n\n';
const GMAIL = '550-5.7.25 [203.0.113.10] The IP address sending this message does not have a PTR record setup. - gsmtp\n';

const CASES: Record<string, (size: number) => string> = {
  'baseline: DSN + original attached': (size) => {
    const dsn = readFileSync(join(repoRoot(), 'fixtures', 'bounces', 'postfix-gmail-ptr.eml'), 'utf8');
    const boundary = /boundary="([^"]+)"/.exec(dsn)![1]!;
    const [head] = dsn.split(`--${boundary}--`);
    const attached = `${head}--${boundary}\nContent-Type: message/rfc822\n\nFrom: news@fresh.example\nSubject: December news\n\n`;
    return `${fill(attached, 'The quick brown fox jumps over the lazy dog, and the newsletter goes on here.\n', size - boundary.length - 6)}\n--${boundary}--\n`;
  },
  '<a<a<a… as text/html': (size) => fill(HTML, '<a', size),
  '<a<a<a… with one €: a UTF-16 string': (size) => fill(`${HTML}€`, '<a', size),
  '<script<script…': (size) => fill(HTML, '<script', size),
  'an unclosed <!--': (size) => fill(`${HTML}<!--`, 'x', size),
  '(in reply to (in reply to…': (size) => fill('550 5.7.1 refused ', '(in reply to ', size),
  'lines of unclosed (in reply to': (size) => fill('', '550 5.7.1 refused (in reply to RCPT TO command\n', size),
  'one line, no newline': (size) => fill('550 5.7.1 ', 'a', size),
  'newlines': (size) => fill(GMAIL, '\n', size),
  'a base64 part': (size) => `Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n${btoa(fill(GMAIL, 'filler text ', Math.floor((size * 0.74) / 3) * 3)).replace(/(.{76})/g, '$1\n')}`,
  'a quoted-printable part': (size) => fill(`Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n${GMAIL}`, '=3D=\n', size),
  'a header block': (size) => `${fill('', `X-Filler: ${'v'.repeat(60)}\n`, size - GMAIL.length - 2)}\n\n${GMAIL}`,
  'MIME parts': (size) => fill(`Content-Type: multipart/mixed; boundary="b"\n\n--b\n\n${GMAIL}`, '--b\nContent-Type: text/plain\n\n550 5.7.1 another part\n', size),
  'continuation lines': (size) => fill('550-5.7.1 first\n', '550-5.7.1 and more\n', size),
};

interface Measured {
  ms: number;
  /** RSS with the input built, before decoding; the child's peak RSS. */
  beforeMb: number;
  peakMb: number;
}

type Mode = 'here' | 'threads';

/** The child: one case at one size, decoded in this thread or through the decoding threads (warm); its own RSS. */
async function child(name: string, size: number, mode: Mode): Promise<void> {
  const raw = CASES[name]!(size);
  if (raw.length > size) throw new Error(`${name}: ${raw.length} > ${size}`);
  if (name.startsWith('baseline') && decodeBounce(raw, receivers).enhanced !== '5.7.25') throw new Error('the baseline is not read as the bounce it is');
  // Before the decoding thread starts: what it costs (its own heap and code) counts as decoding's.
  const beforeMb = process.memoryUsage().rss / MB;
  const threads = mode === 'threads' ? createThreadDecoder({ threads: 1, timeoutMs: 60_000 }) : undefined;
  if (threads) await threads('550 5.7.1 warm up');
  const decode = threads ?? (async (r: string) => decodeBounce(r, receivers));
  let ms = Infinity;
  for (let i = 0; i < (size > MB ? 5 : 20); i++) {
    const t0 = performance.now();
    await decode(raw);
    ms = Math.min(ms, performance.now() - t0);
  }
  await threads?.close();
  process.stdout.write(JSON.stringify({ ms, beforeMb, peakMb: process.resourceUsage().maxRSS / KB } satisfies Measured));
}

function measure(name: string, size: number, mode: Mode = 'here'): Measured {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', name, String(size), mode], { encoding: 'utf8', maxBuffer: MB });
  if (r.status !== 0) throw new Error(`${name} at ${size}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measured;
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, Number(process.argv[4]), process.argv[5] as Mode);
} else {
  const SIZES = [200 * KB, 10 * MB];
  const added = (m: Measured) => m.peakMb - m.beforeMb;
  console.log(`bench/bounce: decode time of each bomb ÷ a normal bounce of the same size (best of 20 at 200 KB, of 5 at 10 MB; Node ${process.version})`);
  console.log('');
  console.log('| case | 200 KB | ÷ baseline | 10 MB | ÷ baseline | 10 MB via the threads | RSS added at 10 MB: here | via the threads |');
  console.log('|---|---|---|---|---|---|---|---|');
  const run = (name: string) => ({ here: SIZES.map((size) => measure(name, size)), threads: measure(name, 10 * MB, 'threads') });
  const base = run('baseline: DSN + original attached');
  let worst = 0;
  let most = 0;
  for (const name of Object.keys(CASES)) {
    const m = name.startsWith('baseline') ? base : run(name);
    const ratios = m.here.map((x, i) => x.ms / base.here[i]!.ms);
    if (!name.startsWith('baseline')) worst = Math.max(worst, ...ratios);
    most = Math.max(most, added(m.here[1]!), added(m.threads));
    const cells = m.here.flatMap((x, i) => [`${x.ms.toFixed(1)} ms`, ratios[i]!.toFixed(2)]);
    console.log(`| ${name} | ${cells.join(' | ')} | ${m.threads.ms.toFixed(1)} ms | ${added(m.here[1]!).toFixed(0)} MB | ${added(m.threads).toFixed(0)} MB |`);
  }
  console.log('');
  console.log(`worst bomb ÷ baseline: ${worst.toFixed(2)}; most RSS added by decoding 10 MB: ${most.toFixed(0)} MB`);
}
