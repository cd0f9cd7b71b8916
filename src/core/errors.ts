/** Bad input from a user or a peer: shown as one clear line (CLI exit 2, HTTP 400), never a stack. */
export class InputError extends Error {
  override name = 'InputError';
}

/** User input echoed in an error: clipped to `max` characters, control characters escaped, so an error line stays one short line. */
export function shown(text: string, max = 80): string {
  const clipped = text.length > max ? `${text.slice(0, max)}…` : text;
  return clipped.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Why a file could not be read, in words (ENOENT → "no such file"), for the one line a user sees. */
export function fileErrorWords(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
