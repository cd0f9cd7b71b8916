/**
 * DMARC aggregate reports (RFC 7489 appendix C; RFC 9990): the source IPs
 * and their counts, from XML as mailbox providers send it, gzip'd or zipped.
 * Web-standard decompression only (DecompressionStream), so it runs anywhere.
 */
import { InputError } from '../core/errors.js';
import { readAtMost } from '../core/streams.js';

export interface DmarcRow {
  ip: string;
  count: number;
  disposition: string;
  dkim: string;
  spf: string;
  headerFrom: string;
}

export interface DmarcReport {
  org: string;
  reportId: string;
  domain: string;
  rows: DmarcRow[];
}

export async function readDmarcReport(bytes: Uint8Array, name: string): Promise<DmarcReport> {
  let data = bytes;
  if (data[0] === 0x1f && data[1] === 0x8b) data = await inflate(data, 'gzip');
  else if (data[0] === 0x50 && data[1] === 0x4b) data = await firstZipEntry(data, name);
  return parseXml(new TextDecoder().decode(data), name);
}

function parseXml(xml: string, name: string): DmarcReport {
  if (!/<feedback[\s>]/.test(xml)) throw new InputError(`${name} is not a DMARC aggregate report (no <feedback> element)`);
  const rows: DmarcRow[] = [];
  for (const rec of elements(xml, 'record')) {
    const policy = elements(rec, 'policy_evaluated').next().value ?? '';
    rows.push({
      ip: tag(rec, 'source_ip'),
      count: Number(tag(rec, 'count')) || 0,
      disposition: tag(policy, 'disposition'),
      dkim: tag(policy, 'dkim'),
      spf: tag(policy, 'spf'),
      headerFrom: tag(rec, 'header_from'),
    });
  }
  const published = elements(xml, 'policy_published').next().value ?? '';
  return { org: tag(xml, 'org_name'), reportId: tag(xml, 'report_id'), domain: tag(published, 'domain'), rows };
}

/*
 * Found with indexOf, never with a pattern: the report may come from anyone (mail to the sink's report
 * address), and /<t>\s*([^<]*?)\s*<\/t>/ over a long run of spaces backtracks for minutes. Each scan
 * below only moves forward, so reading a report is linear in its size.
 */

/** The contents of each <t>…</t>, in order (the first closing tag after each opening one). */
function* elements(s: string, t: string): Generator<string, undefined> {
  const open = `<${t}>`;
  const close = `</${t}>`;
  for (let at = s.indexOf(open); at >= 0; ) {
    const end = s.indexOf(close, at + open.length);
    if (end < 0) return;
    yield s.slice(at + open.length, end);
    at = s.indexOf(open, end + close.length);
  }
}

/** The trimmed text of the first <t>…</t> that holds only text (no markup), or ''. */
function tag(s: string, t: string): string {
  const open = `<${t}>`;
  const close = `</${t}>`;
  for (let at = s.indexOf(open); at >= 0; ) {
    const lt = s.indexOf('<', at + open.length);
    if (lt < 0) return '';
    if (s.startsWith(close, lt)) return s.slice(at + open.length, lt).trim();
    at = s.indexOf(open, lt);
  }
  return '';
}

/** Real aggregate reports are kilobytes to a few megabytes; a larger one decompressed is a bomb, refused while it inflates. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;

async function inflate(data: Uint8Array, format: 'gzip' | 'deflate-raw'): Promise<Uint8Array> {
  const what = format === 'gzip' ? 'gzip' : 'zip';
  let out: Uint8Array | undefined;
  try {
    out = await readAtMost(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream(format)), MAX_REPORT_BYTES);
  } catch {
    throw new InputError(`the ${what} data is corrupt`);
  }
  if (!out) throw new InputError(`the ${what} data decompresses to more than ${MAX_REPORT_BYTES / 1024 / 1024} MB: not a DMARC report (a compression bomb?)`);
  return out;
}

/** The first file of a ZIP archive (providers send one XML per zip). */
async function firstZipEntry(zip: Uint8Array, name: string): Promise<Uint8Array> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (zip.length < 30 || view.getUint32(0, true) !== 0x04034b50) throw new InputError(`${name} is not a zip archive`);
  const method = view.getUint16(8, true);
  const nameLen = view.getUint16(26, true);
  const extraLen = view.getUint16(28, true);
  let size = view.getUint32(18, true);
  const start = 30 + nameLen + extraLen;
  if (size === 0 || view.getUint16(6, true) & 0x08) {
    // Sizes in a data descriptor: take them from the central directory.
    const eocd = findEocd(view);
    const cd = view.getUint32(eocd + 16, true);
    // An offset past the end is a damaged archive, said so (not a RangeError).
    if (cd + 24 > view.byteLength) throw new InputError(`${name}: the zip archive's central directory is out of place`);
    size = view.getUint32(cd + 20, true);
  }
  const body = zip.subarray(start, start + size);
  if (method === 0) return body;
  if (method === 8) return inflate(body, 'deflate-raw');
  throw new InputError(`${name}: zip compression method ${method} is not supported`);
}

function findEocd(view: DataView): number {
  for (let i = view.byteLength - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x06054b50) return i;
  throw new InputError('the zip archive has no central directory');
}
