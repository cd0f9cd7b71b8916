/** Bad input or usage: exit code 2, one clear line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `ptrcheck: reverse DNS and sender checks for mail deliverability

Usage:
  ptrcheck audit <ip> [--helo NAME] [--mail-from ADDR] [--from ADDR]
                      [--dns HOST:PORT] [--timeout MS] [--json]
  ptrcheck rules [--json]
  ptrcheck --help | --version

Options:
  --dns HOST:PORT  send every DNS query to this server (also PTRCHECK_DNS);
                   default: the system's resolvers
  --timeout MS     per-attempt DNS timeout in milliseconds (default 2000;
                   one retry)
  --json           print the JSON report (version 1)

Exit codes: 0 audit done and verdict not fail; 1 verdict fail; 2 bad input.
`;
