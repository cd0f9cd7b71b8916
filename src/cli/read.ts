/**
 * Files the CLI reads, bounded while reading: a message file or a DMARC
 * report is read up to its limit plus one byte (enough to tell "too big"),
 * whatever the file is — /dev/zero, a pipe, a huge file — so memory never
 * follows the input.
 */
import { createReadStream } from 'node:fs';
import { fileErrorWords as why, shown } from '../core/errors.js';
import { UsageError } from './usage.js';

/** Up to `limit + 1` bytes of `path`: one more than the limit says "too big" without reading the rest. */
export async function readBounded(path: string, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of createReadStream(path, { start: 0, end: limit }) as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) break;
    }
  } catch (e) {
    throw new UsageError(`cannot read '${shown(path)}': ${why(e)}`);
  }
  return Buffer.concat(chunks, size).subarray(0, limit + 1);
}

/** A file or standard input (`-`), at most `limit` bytes: a larger one is refused with one line naming it. */
export async function readInput(path: string, limit: number, io: { readStdin(limit: number): Promise<Uint8Array> }, what: string): Promise<Uint8Array> {
  const bytes = path === '-' ? await io.readStdin(limit + 1) : await readBounded(path, limit);
  if (bytes.length > limit) throw new UsageError(`the ${what} is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  return bytes;
}

/**
 * Lines of a stream, each at most `maxLine` characters kept: a longer line
 * (a file with no newline at all, binary data) is cut there and the rest of
 * it skipped while reading, so a 100 MB line costs `maxLine`, not 100 MB.
 * A cut line ends in "…" and never parses as an address.
 */
export async function* boundedLines(input: AsyncIterable<Buffer | string>, maxLine = 4096): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let line = '';
  let cut = false;
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      const piece = text.slice(from, nl < 0 ? text.length : nl);
      if (!cut) {
        line += piece;
        if (line.length > maxLine) {
          line = `${line.slice(0, maxLine)}…`;
          cut = true;
        }
      }
      if (nl < 0) break;
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      line = '';
      cut = false;
      from = nl + 1;
    }
  }
  if (line !== '') yield line;
}
