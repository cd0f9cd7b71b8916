/** RFC 4648 §5 base64url without padding: report ids and DoH GET queries (RFC 8484 §4.1). */
export function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
