/** Bad input or usage: exit code 2, one clear line, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `ptrcheck: reverse DNS and sender checks for mail deliverability

Usage:
  ptrcheck audit <ip> [--helo NAME] [--mail-from ADDR] [--from ADDR]
                      [--dnsbl ZONE]... [--dns HOST:PORT] [--timeout MS] [--json | --format F]
  ptrcheck message <file.eml|-> [--ip IP] [--helo NAME] [--mail-from ADDR]
                      [--trusted-receiver PATTERN]... [--max-size MB]
                      [--dns HOST:PORT] [--timeout MS] [--json | --format F]
  ptrcheck batch <file|-> [--concurrency 64] [--format ndjson|csv] [--only-failing]
                 [--from-dmarc REPORT.xml|.gz|.zip] [--max-per-cidr N] [--dns HOST:PORT]
                 [--dns-transport tcp|udp]  (tcp: pipelined, the default for batch)
                 [--dnsbl ZONE]...
  ptrcheck serve [--http-port 8025] [--host 127.0.0.1] [--db FILE]
                 [--dns HOST:PORT] [--dnsbl ZONE]... [--retention-days 30] [--rate-limit 30]
  ptrcheck rules [--json]
  ptrcheck --help | --version

Options:
  --dns HOST:PORT  send every DNS query to this server (also PTRCHECK_DNS);
                   default: the system's resolvers
  --doh URL        use DNS over HTTPS (RFC 8484) instead (also PTRCHECK_DOH),
                   e.g. https://cloudflare-dns.com/dns-query
  --dnsbl ZONE     also look the IP up on this DNS blocklist (RFC 5782), e.g.
                   zen.spamhaus.org; repeatable (also PTRCHECK_DNSBL=a,b)
  --timeout MS     per-attempt DNS timeout in milliseconds (default 2000;
                   one retry)
  --json           print the JSON report (version 1); same as --format json
  --format F       text (default), json, or authres (an RFC 8601
                   Authentication-Results header line)
  --ip, --helo, --mail-from (message)
                   the connecting IP, HELO and envelope sender, overriding
                   what the Received: and Return-Path: headers say
  --trusted-receiver PATTERN (message)
                   a host of the receiving side (mx.example.net,
                   *.prod.outlook.com): its Received: hops are skipped when
                   looking for the hop where the sender connected
  --max-size MB    refuse larger messages (default 50)

Exit codes: 0 audit done and verdict not fail; 1 verdict fail; 2 bad input.
`;
