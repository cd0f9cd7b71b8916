/** gzip and single-file zip archives built with web-standard CompressionStream, for report fixtures. */
async function compress(data: Uint8Array, format: 'gzip' | 'deflate-raw'): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const gzip = (data: Uint8Array) => compress(data, 'gzip');

function crc32(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A zip holding one deflated file, as DMARC reporters send them. */
export async function zipOne(name: string, data: Uint8Array): Promise<Uint8Array> {
  const body = await compress(data, 'deflate-raw');
  const fname = new TextEncoder().encode(name);
  const crc = crc32(data);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(8, 8, true);
  local.setUint32(14, crc, true); local.setUint32(18, body.length, true); local.setUint32(22, data.length, true); local.setUint16(26, fname.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true); central.setUint16(4, 20, true); central.setUint16(6, 20, true); central.setUint16(10, 8, true);
  central.setUint32(16, crc, true); central.setUint32(20, body.length, true); central.setUint32(24, data.length, true); central.setUint16(28, fname.length, true);
  const cdOffset = 30 + fname.length + body.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); end.setUint16(8, 1, true); end.setUint16(10, 1, true);
  end.setUint32(12, 46 + fname.length, true); end.setUint32(16, cdOffset, true);
  const parts = [new Uint8Array(local.buffer), fname, body, new Uint8Array(central.buffer), fname, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
