/** Bad input or usage: exit code 2, one clear line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
