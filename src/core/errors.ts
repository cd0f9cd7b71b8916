/** Bad input from a user or a peer: shown as one clear line (CLI exit 2, HTTP 400), never a stack. */
export class InputError extends Error {
  override name = 'InputError';
}
