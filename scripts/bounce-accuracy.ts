/**
 * How well the bounce decoder reads real bounces: real DSNs with our
 * expectations (status, reply code, class, sending IP, receiver) in
 * fixtures/bounce-corpus/expected.json. The mails are public data this
 * repository does not carry: they are read from PTRCHECK_BOUNCE_CORPUS, else
 * from ../shared/corpora/bounces beside the checkout (where CI finds shared/).
 * `npm run accuracy:bounces` prints the table; its last line is the summary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBounce } from '../src/bounce/decode.js';
import { IP_CATEGORIES } from '../src/bounce/classify.js';
import { receivers } from '../rules/receivers/index.js';

export interface CorpusRow {
  file: string;
  status: string | null;
  code: string | null;
  class: 'ip' | 'authentication' | 'mailbox' | 'size' | 'content' | 'other';
  ip: string | null;
  receiver: string | null;
}

/** The corpus's receiver names → the ids of ptrcheck's receivers that are the same provider. */
const RECEIVER_IDS: Readonly<Record<string, readonly string[]>> = {
  gmail: ['gmail'], microsoft: ['microsoft-365', 'outlook-com'], yahoo: ['yahoo'], icloud: ['icloud'], gmx: ['gmx-webde'], comcast: ['comcast'],
  't-online': ['t-online'], att: ['att'], orange: ['orange'], godaddy: ['godaddy'], cox: ['cox'], mailru: ['mail-ru'], yandex: ['yandex'], zoho: ['zoho'],
  proofpoint: ['proofpoint'], mimecast: ['mimecast'], barracuda: ['barracuda'], cisco: ['cisco'],
};

/** The expectations, kept in this repository. */
export function expectations(repo: string): CorpusRow[] {
  return JSON.parse(readFileSync(join(repo, 'fixtures', 'bounce-corpus', 'expected.json'), 'utf8')) as CorpusRow[];
}

/** Where the mails are, when they are here (every row's file present). */
export function corpusDir(env: NodeJS.ProcessEnv, repo: string): string | undefined {
  const dir = env.PTRCHECK_BOUNCE_CORPUS ?? join(repo, '..', 'shared', 'corpora', 'bounces');
  return expectations(repo).every((r) => existsSync(join(dir, r.file))) ? dir : undefined;
}

interface Measure {
  name: string;
  hit: number;
  of: number;
  /** Floor as a share (at least), or a count (at most) when `most` is set. */
  floor?: number;
  most?: number;
  misses: string[];
}

export interface Accuracy {
  measures: Measure[];
  ok: boolean;
  summary: string;
}

export function measure(dir: string, rows: readonly CorpusRow[]): Accuracy {
  const status: Measure = { name: 'enhanced status (of those carrying one)', hit: 0, of: 0, floor: 0.97, misses: [] };
  const ipClass: Measure = { name: 'IP rejections in an IP class', hit: 0, of: 0, floor: 0.9, misses: [] };
  const auth: Measure = { name: 'authentication rejections as authentication', hit: 0, of: 0, floor: 0.9, misses: [] };
  const wrongClass: Measure = { name: 'mailbox/size/content called ptr or helo', hit: 0, of: 0, most: 0, misses: [] };
  const ipFound: Measure = { name: 'sending IP found where the reply names it', hit: 0, of: 0, floor: 0.9, misses: [] };
  const wrongIp: Measure = { name: 'wrong sending IPs', hit: 0, of: 0, most: 0, misses: [] };
  const receiver: Measure = { name: 'receiver named (of replies from one ptrcheck knows)', hit: 0, of: 0, floor: 0.9, misses: [] };
  const known = new Set(receivers.map((r) => r.id));
  for (const row of rows) {
    const d = decodeBounce(new TextDecoder().decode(readFileSync(join(dir, row.file))), receivers);
    const miss = (m: Measure, got: unknown) => m.misses.push(`${row.file}: got ${JSON.stringify(got)}`);
    if (row.status) {
      status.of++;
      if (d.enhanced === row.status) status.hit++;
      else miss(status, `${d.enhanced} (expected ${row.status})`);
    }
    if (row.class === 'ip') {
      ipClass.of++;
      if (IP_CATEGORIES.has(d.category)) ipClass.hit++;
      else miss(ipClass, d.category);
    }
    if (row.class === 'authentication') {
      auth.of++;
      if (d.category === 'authentication') auth.hit++;
      else miss(auth, d.category);
    }
    if (row.class === 'mailbox' || row.class === 'size' || row.class === 'content') {
      wrongClass.of++;
      if (d.category === 'ptr' || d.category === 'helo') (wrongClass.hit++, miss(wrongClass, d.category));
    }
    if (row.ip) {
      ipFound.of++;
      if (d.ip === row.ip) ipFound.hit++;
      else miss(ipFound, `${d.ip} (expected ${row.ip})`);
    }
    wrongIp.of++;
    if (d.ip !== undefined && d.ip !== row.ip) (wrongIp.hit++, miss(wrongIp, `${d.ip} (expected ${row.ip})`));
    const ids = row.receiver ? RECEIVER_IDS[row.receiver] ?? [] : [];
    if (ids.some((id) => known.has(id))) {
      receiver.of++;
      if (d.receiver && ids.includes(d.receiver.id)) receiver.hit++;
      else miss(receiver, `${d.receiver?.id} (expected ${row.receiver})`);
    }
  }
  const measures = [status, ipClass, auth, wrongClass, ipFound, wrongIp, receiver];
  const passes = (m: Measure) => (m.most !== undefined ? m.hit <= m.most : m.of === 0 || m.hit / m.of >= m.floor!);
  const ok = measures.every(passes);
  const pct = (m: Measure) => (m.of === 0 ? 'n/a' : `${((m.hit / m.of) * 100).toFixed(1)} %`);
  const summary = `bounce accuracy over ${rows.length} real bounces: status ${pct(status)}, IP class ${pct(ipClass)}, authentication ${pct(auth)}, ptr/helo mistakes ${wrongClass.hit}, IP found ${pct(ipFound)}, wrong IPs ${wrongIp.hit}, receiver ${pct(receiver)}: ${ok ? 'every floor met' : 'BELOW A FLOOR'}`;
  return { measures, ok, summary };
}

export function table(a: Accuracy): string {
  const lines = ['| measure | result | floor |', '|---|---|---|'];
  for (const m of a.measures) {
    const result = m.most !== undefined ? `${m.hit} of ${m.of}` : `${m.hit} / ${m.of}${m.of ? ` (${((m.hit / m.of) * 100).toFixed(1)} %)` : ''}`;
    lines.push(`| ${m.name} | ${result} | ${m.most !== undefined ? `at most ${m.most}` : `${(m.floor! * 100).toFixed(0)} %`} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/dist\//, '/dist/'))) {
  const dir = corpusDir(process.env, new URL('../..', import.meta.url).pathname);
  if (!dir) {
    console.log('bounce accuracy: no corpus (set PTRCHECK_BOUNCE_CORPUS, or place it at ../shared/corpora/bounces)');
    process.exit(2);
  }
  const a = measure(dir, expectations(new URL('../..', import.meta.url).pathname));
  console.log(table(a));
  if (process.argv.includes('--misses')) for (const m of a.measures) for (const x of m.misses) console.log(`  ${m.name}: ${x}`);
  console.log(a.summary);
  process.exitCode = a.ok ? 0 : 1;
}
