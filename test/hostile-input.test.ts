/**
 * The reliability suite: hostile input to every entry, each with the
 * expected answer and a bound on time and memory, measured here (the CLI's
 * whole process tree, sampled from /proc) and asserted with generous
 * margins. Nothing may stall, crash, flood its output or grow with the input.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runMeasured } from './support/measured-cli.js';
import { useHttpServer } from './support/http.js';
import { tempDir } from './support/tmp.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const dir = tempDir('hostile');
const file = (name: string, data: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};
const junkPem = file('junk.pem', '-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n');
const empty = file('empty.txt', '');
const binary = file('binary.bin', randomBytes(1024 * 1024));
// Issue 25 F2: a 10 MB text/html bounce of <a<a<a… and 10 MB of '(in reply to ' (the patterns took 22 s at 200 KB).
const tagBomb = file('tag-bomb.eml', `Content-Type: text/html\n\n${'<a'.repeat(5 * 1024 * 1024)}`.slice(0, 10 * 1024 * 1024));
const replyBomb = file('reply-bomb.txt', `550 5.7.1 refused ${'(in reply to '.repeat(810_000)}`.slice(0, 10 * 1024 * 1024));
// 20 MB and not one newline: a line reader that keeps the whole line would hold all of it.
const noNewline = join(dir, 'no-newline.txt');
{
  const fd = openSync(noNewline, 'w');
  const block = Buffer.alloc(1024 * 1024, 'a');
  for (let i = 0; i < 20; i++) writeSync(fd, block);
  closeSync(fd);
}
// 256 MB of zeros in ~250 KB: a DMARC "report" that is a decompression bomb.
const bomb = file('bomb.xml.gz', gzipSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 }));
const db = join(dir, 'serve.sqlite');
// For backup: a ptrcheck database, a SQLite one that is not ptrcheck's, a named pipe.
const ptrcheckDb = join(dir, 'ptrcheck.sqlite');
openSqliteStore(ptrcheckDb).close();
const otherDb = join(dir, 'other.sqlite');
{
  const other = new DatabaseSync(otherDb);
  other.exec('CREATE TABLE notes (text TEXT)');
  other.close();
}
const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
const DNS = { PTRCHECK_DNS: '127.0.0.1:9' }; // nothing leaves loopback; the cases below fail before any query

interface Case {
  args: string[];
  env?: Record<string, string>;
  code: number;
  stderr: RegExp;
  /** Bounds, generous: seconds of wall time and MB of peak RSS (the whole process tree). */
  seconds?: number;
  mb?: number;
}

const serve = (...more: string[]) => ['serve', '--db', db, '--http-port', '0', '--smtp-port', '0', ...more];

const CLI_CASES: [string, Case][] = [
  ['serve: junk TLS key and certificate', { args: serve('--tls-key', junkPem, '--tls-cert', junkPem), code: 2, stderr: /--tls-key\/--tls-cert are not a usable PEM key and certificate pair/ }],
  ['serve: a TLS file that does not exist', { args: serve('--tls-key', join(dir, 'nope.pem'), '--tls-cert', junkPem), code: 2, stderr: /cannot read --tls-key '.*nope\.pem': no such file/ }],
  ['serve: a host that is not an address', { args: serve('--host', '999.1.1.1'), code: 2, stderr: /--host '999\.1\.1\.1' is not an IP address to listen on/ }],
  ['serve: an empty --dns', { args: serve('--dns', ''), code: 2, stderr: /--dns is empty/ }],
  ['serve: an empty PTRCHECK_DNS', { args: serve(), env: { PTRCHECK_DNS: '' }, code: 2, stderr: /PTRCHECK_DNS is empty/ }],
  ['serve: a rate limit that is not a number', { args: serve('--rate-limit', 'lots'), code: 2, stderr: /--rate-limit 'lots' must be a whole number from 0 to 1000000/ }],
  ['serve: a sink domain that is not a domain', { args: serve('--sink-domain', 'not a domain'), code: 2, stderr: /--sink-domain 'not a domain' is not a domain name/ }],
  ['serve: a public URL that is not http(s)', { args: serve('--public-url', 'ftp://x.example'), code: 2, stderr: /--public-url 'ftp:\/\/x\.example' must be an http\(s\) URL/ }],
  ['serve: an authserv-id with a space', { args: serve('--authserv-id', 'a b'), code: 2, stderr: /--authserv-id 'a b' must be a host-name-like token/ }],
  ['serve: a zero message size', { args: serve('--max-message-mb', '0'), code: 2, stderr: /--max-message-mb '0' must be a whole number from 1 to 1024/ }],
  ['serve: a trusted network that is not one', { args: serve('--trusted-network', 'everyone'), code: 2, stderr: /--trusted-network/ }],
  ['serve: a database that cannot be opened', { args: ['serve', '--db', join(dir, 'no-such-dir', 'x.sqlite'), '--http-port', '0', '--no-smtp'], code: 2, stderr: /cannot open the database/ }],
  ['audit: the unspecified address ::', { args: ['audit', '::'], env: DNS, code: 2, stderr: /'::' is an unspecified address.*mail is never sent from one/ }],
  ['audit: 0.0.0.0', { args: ['audit', '0.0.0.0'], env: DNS, code: 2, stderr: /'0\.0\.0\.0' is an unspecified address/ }],
  ['audit: the broadcast address', { args: ['audit', '255.255.255.255'], env: DNS, code: 2, stderr: /broadcast address/ }],
  ['audit: IPv4 multicast', { args: ['audit', '224.0.0.1'], env: DNS, code: 2, stderr: /'224\.0\.0\.1' is a multicast address/ }],
  ['audit: IPv6 multicast', { args: ['audit', 'ff02::1'], env: DNS, code: 2, stderr: /'ff02::1' is a multicast address/ }],
  ['audit: an IPv4-compatible IPv6 address', { args: ['audit', '::192.0.2.10'], env: DNS, code: 2, stderr: /deprecated IPv4-compatible IPv6 address/ }],
  ['audit: an empty --dns', { args: ['audit', '192.0.2.1', '--dns', ''], code: 2, stderr: /--dns is empty/ }],
  ['audit: an empty PTRCHECK_DNS', { args: ['audit', '192.0.2.1'], env: { PTRCHECK_DNS: '' }, code: 2, stderr: /PTRCHECK_DNS is empty/ }],
  ['audit: an empty --doh', { args: ['audit', '192.0.2.1', '--doh', ''], code: 2, stderr: /--doh is empty/ }],
  ['audit: a 100 KB host name as the IP', { args: ['audit', `${'x'.repeat(100_000)}.example.com`], env: DNS, code: 2, stderr: /is a hostname, not an IP address/ }],
  ['audit: a HELO carrying CR/LF', { args: ['audit', '192.0.2.1', '--helo', 'mail.example.com\r\nX-Injected: yes'], env: DNS, code: 2, stderr: /--helo contains a control character \(\\x0d\)/ }],
  ['audit: a MAIL FROM carrying a header', { args: ['audit', '192.0.2.1', '--mail-from', 'a@b.example\r\nBcc: x@y.example'], env: DNS, code: 2, stderr: /--mail-from contains a control character/ }],
  ['audit: a From carrying an escape sequence', { args: ['audit', '192.0.2.1', '--from', 'a@b.example\u001b[2J'], env: DNS, code: 2, stderr: /--from contains a control character \(\\x1b\)/ }],
  ['audit: --timeout -1', { args: ['audit', '192.0.2.1', '--timeout', '-1'], env: DNS, code: 2, stderr: /--timeout needs a value; for one that starts with a dash write --timeout=VALUE/ }],
  ['message: /dev/zero with --max-size 1', { args: ['message', '/dev/zero', '--max-size', '1', '--ip', '192.0.2.1'], env: DNS, code: 2, stderr: /the message is larger than the 1\.0 MB limit/, mb: 200 }],
  ['batch: a gzip bomb as a DMARC report', { args: ['batch', '--from-dmarc', bomb], env: DNS, code: 2, stderr: /decompresses to more than 64 MB: not a DMARC report/, mb: 300 }],
  ['batch: 20 MB without a newline', { args: ['batch', noNewline], env: DNS, code: 2, stderr: /no address in the input: 1 bad line\(s\) and nothing else/, mb: 250 }],
  ['batch: an empty file', { args: ['batch', empty], env: DNS, code: 2, stderr: /no address in the input \(it is empty, or only comments\)/ }],
  // Options and inputs added for the zone's servers, watch, bounce, the SMTP probe and the service.
  ['audit: --authoritative-port 0', { args: ['audit', '192.0.2.1', '--authoritative-port', '0'], env: DNS, code: 2, stderr: /--authoritative-port '0' must be a port number, 1-65535/ }],
  ['audit: --authoritative-port with an escape', { args: ['audit', '192.0.2.1', '--authoritative-port', '53\u001b[2J'], env: DNS, code: 2, stderr: /--authoritative-port '53\\x1b\[2J' must be a port number/ }],
  ['audit: --probe-port 70000', { args: ['audit', '192.0.2.1', '--probe-smtp', '--probe-port', '70000'], env: DNS, code: 2, stderr: /--probe-port '70000' must be a port number, 1-65535/ }],
  ['watch: an --expect with an escape sequence', { args: ['watch', '192.0.2.1', '--expect', 'mail\u001b[2J.example'], env: DNS, code: 2, stderr: /--expect 'mail\\x1b\[2J\.example' is not a host name/ }],
  ['watch: a 100 KB --expect', { args: ['watch', '192.0.2.1', '--expect', 'x'.repeat(100_000)], env: DNS, code: 2, stderr: /--expect 'x+…' is not a host name/ }],
  ['watch: an empty --expect', { args: ['watch', '192.0.2.1', '--expect', ''], env: DNS, code: 2, stderr: /--expect '' is not a host name/ }],
  ['watch: an --interval of 1000 days', { args: ['watch', '192.0.2.1', '--interval', '1000d'], env: DNS, code: 2, stderr: /--interval '1000d' must be a duration like 30s, 5m or 24h, from 1s to 1d/ }],
  ['watch: --dns-timeout that is not a number', { args: ['watch', '192.0.2.1', '--dns-timeout', 'soon'], env: DNS, code: 2, stderr: /--dns-timeout 'soon' must be a whole number from 1 to 60000/ }],
  ['bounce: /dev/zero (read to its 10 MB limit, no further)', { args: ['bounce', '/dev/zero'], env: DNS, code: 2, stderr: /the bounce is larger than 10 MB/, mb: 250 }],
  ['bounce: an empty file', { args: ['bounce', empty], env: DNS, code: 2, stderr: /the bounce is empty/ }],
  ['bounce: 1 MB of random bytes: read, nothing classified, no crash', { args: ['bounce', binary, '--timeout', '200'], env: DNS, code: 0, stderr: /^$/, mb: 250 }],
  ['bounce: 10 MB of <a<a<a… as text/html: read in part, in linear time', { args: ['bounce', tagBomb], env: DNS, code: 0, stderr: /^$/, mb: 250 }],
  ['bounce: 10 MB of (in reply to (in reply to…: read in part, in linear time', { args: ['bounce', replyBomb], env: DNS, code: 0, stderr: /^$/, mb: 250 }],
  ['serve: --drain-seconds that is not a number', { args: serve('--drain-seconds', 'forever'), code: 2, stderr: /--drain-seconds 'forever' must be a whole number from 0 to 3600/ }],
  ['serve: an unknown --log-format', { args: serve('--log-format', 'xml'), code: 2, stderr: /--log-format 'xml' must be json, text or off/ }],
  ['serve: --metrics-port 99999', { args: serve('--metrics-port', '99999'), code: 2, stderr: /--metrics-port '99999' must be a whole number from 0 to 65535/ }],
  ['serve: a --metrics-host that is a name', { args: serve('--metrics-port', '0', '--metrics-host', 'metrics.example'), code: 2, stderr: /--metrics-host 'metrics\.example' is not an IP address to listen on/ }],
  ['serve: --probe-port 0', { args: serve('--probe-smtp', '--probe-port', '0'), code: 2, stderr: /--probe-port '0' must be a port number, 1-65535/ }],
  ['serve: --probe-web-port 0', { args: serve('--probe-web', '--probe-web-port', '0'), code: 2, stderr: /--probe-web-port '0' must be a port number, 1-65535/ }],
  ['audit: PTRCHECK_WEB_CA is /dev/zero (read to 1 MB, no further)', { args: ['audit', '192.0.2.1', '--probe-web', '--probe-web-port', '8443'], env: { ...DNS, PTRCHECK_WEB_CA: '/dev/zero' }, code: 2, stderr: /^ptrcheck: PTRCHECK_WEB_CA '\/dev\/zero' is not a PEM certificate file \(at most 1 MB\)\n$/, mb: 250 }],
  // Issue 27: trusted receivers are names, addresses or networks, and nothing that could never match.
  ['message: a --trusted-receiver CIDR that is no network', { args: ['message', '-', '--trusted-receiver', '10.0.0.0/33'], env: DNS, code: 2, stderr: /^ptrcheck: --trusted-receiver '10\.0\.0\.0\/33' is not a network: write ADDRESS\/BITS \(192\.0\.2\.0\/24, 2001:db8::\/32\)\n$/ }],
  ['message: a --trusted-receiver with an escape', { args: ['message', '-', '--trusted-receiver', 'mx.example.net\u001b[2J'], env: DNS, code: 2, stderr: /^ptrcheck: --trusted-receiver 'mx\.example\.net\\x1b\[2J' is not a host name pattern/ }],
  ['message: a 100 KB --trusted-receiver', { args: ['message', '-', '--trusted-receiver', 'a'.repeat(100_000)], env: DNS, code: 2, stderr: /^ptrcheck: --trusted-receiver 'a+…' is not a host name pattern/ }],
  ['serve: a --trusted-receiver address that is none', { args: serve('--trusted-receiver', '192.168.1.300'), code: 2, stderr: /^ptrcheck: --trusted-receiver '192\.168\.1\.300' is not an IP address/ }],
  // Issue 29: monitoring's settings.
  ['serve: an --admin-token-file that does not exist', { args: serve('--admin-token-file', join(dir, 'no-token')), code: 2, stderr: /^ptrcheck: cannot read --admin-token-file '.*no-token': no such file\n$/ }],
  ['serve: an empty --admin-token-file', { args: serve('--admin-token-file', empty), code: 2, stderr: /^ptrcheck: --admin-token-file '.*' must hold a secret of 1 to 4096 characters\n$/ }],
  ['serve: a --monitor-interval of 10s', { args: serve('--monitor', '--monitor-interval', '10s'), code: 2, stderr: /^ptrcheck: --monitor-interval '10s' must be a duration like 30s, 5m or 24h, from 1m to 7d\n$/ }],
  ['serve: a --webhook with an escape', { args: serve('--monitor', '--webhook', 'http://x\u001b[2J'), code: 2, stderr: /^ptrcheck: --webhook 'http:\/\/x\\x1b\[2J' is not a URL\n$/ }],
  ['monitor: a 100 KB target', { args: ['monitor', 'add', 'x'.repeat(100_000), '--db', join(dir, 'mon.sqlite')], code: 2, stderr: /^ptrcheck: .* is not an IP address, a CIDR or a domain name|^ptrcheck: .*253/ }],
  ['monitor: a target with an escape', { args: ['monitor', 'add', 'example.com\u001b[2J', '--db', join(dir, 'mon.sqlite')], code: 2, stderr: /\\x1b\[2J/ }],
  ['monitor: a --slack-webhook that is no http(s) URL', { args: ['monitor', 'run', '--slack-webhook', 'javascript:alert(1)', '--db', join(dir, 'mon.sqlite')], code: 2, stderr: /^ptrcheck: --slack-webhook 'javascript:alert\(1\)' must be an http\(s\) URL\n$/ }],
  ['monitor: an --alert-email with an escape', { args: ['monitor', 'run', '--alert-email', 'ops@example.net\u001b[2J', '--smtp-relay', '127.0.0.1:25', '--db', join(dir, 'mon.sqlite')], code: 2, stderr: /^ptrcheck: --alert-email 'ops@example\.net\\x1b\[2J' is not an e-mail address\n$/ }],
  ['monitor: a 100 KB --alert-email', { args: ['monitor', 'run', '--alert-email', `${'a'.repeat(100_000)}@example.net`, '--smtp-relay', '127.0.0.1:25', '--db', join(dir, 'mon.sqlite')], code: 2, stderr: /is not an e-mail address\n$/ }],
  // Issue 25: the ceilings' settings.
  ['serve: --max-audits 0', { args: serve('--max-audits', '0'), code: 2, stderr: /^ptrcheck: --max-audits '0' must be a whole number from 1 to 10000\n$/ }],
  ['serve: --max-audits with an escape', { args: serve('--max-audits', '8\u001b[2J'), code: 2, stderr: /^ptrcheck: --max-audits '8\\x1b\[2J' must be a whole number from 1 to 10000\n$/ }],
  ['serve: a 100 KB --max-audits', { args: serve('--max-audits', '9'.repeat(100_000)), code: 2, stderr: /^ptrcheck: --max-audits '9+…' must be a whole number from 1 to 10000\n$/ }],
  ['serve: --rate-limit-v6-prefix 129', { args: serve('--rate-limit-v6-prefix', '129'), code: 2, stderr: /^ptrcheck: --rate-limit-v6-prefix '129' must be a whole number from 16 to 128\n$/ }],
  ['serve: --rate-limit-v6-prefix /64', { args: serve('--rate-limit-v6-prefix', '/64'), code: 2, stderr: /^ptrcheck: --rate-limit-v6-prefix '\/64' must be a whole number from 16 to 128\n$/ }],
  ['serve: an empty --max-audits is the default; binary bytes in --rate-limit-v6-prefix are not', { args: serve('--max-audits', '', '--rate-limit-v6-prefix', '\u0001\u00ff\u0002'), code: 2, stderr: /^ptrcheck: --rate-limit-v6-prefix '\\x01.\\x02' must be a whole number from 16 to 128\n$/ }],
  ['backup: no database there', { args: ['backup', join(dir, 'copy.sqlite'), '--db', join(dir, 'none.sqlite')], code: 2, stderr: /no database at '.*none\.sqlite' \(give --db\)/ }],
  ['backup: never over an existing file', { args: ['backup', binary, '--db', binary], code: 2, stderr: /exists already; a backup never overwrites/ }],
  ['backup: a file that is not a database', { args: ['backup', join(dir, 'copy2.sqlite'), '--db', binary], code: 2, stderr: /^ptrcheck: --db '.*binary\.bin' is not a SQLite database\n$/ }],
  // Issue 25 F9: each refused before anything is created (the test after these checks the directory).
  ['backup: an empty file name', { args: ['backup', '', '--db', ptrcheckDb], code: 2, stderr: /^ptrcheck: the backup file name is empty: ptrcheck backup <file> \[--db FILE\]\n$/ }],
  ['backup: a file: URI in memory', { args: ['backup', `file:${join(dir, 'copy3.sqlite')}?mode=memory`, '--db', ptrcheckDb], code: 2, stderr: /^ptrcheck: 'file:.*copy3\.sqlite\?mode=memory' is a SQLite URI or in-memory name, not a file: give a plain path for the backup\n$/ }],
  ['backup: :memory:', { args: ['backup', ':memory:', '--db', ptrcheckDb], code: 2, stderr: /^ptrcheck: ':memory:' is a SQLite URI or in-memory name, not a file: give a plain path for the backup\n$/ }],
  ['backup: a directory that does not exist', { args: ['backup', join(dir, 'no-such-dir', 'copy.sqlite'), '--db', ptrcheckDb], code: 2, stderr: /^ptrcheck: cannot write the backup '.*no-such-dir\/copy\.sqlite': its directory does not exist\n$/ }],
  ['backup: a directory name', { args: ['backup', `${join(dir, 'new-dir')}/`, '--db', ptrcheckDb], code: 2, stderr: /^ptrcheck: '.*new-dir\/' names a directory: give a file name for the backup\n$/ }],
  ['backup: a 100 KB file name', { args: ['backup', 'x'.repeat(100_000), '--db', ptrcheckDb], code: 2, stderr: /^ptrcheck: cannot use 'x{80}…': the name is too long\n$/ }],
  ['backup: --db /dev/zero', { args: ['backup', join(dir, 'copy4.sqlite'), '--db', '/dev/zero'], code: 2, stderr: /^ptrcheck: --db '\/dev\/zero' is a character device, not a database file\n$/ }],
  ['backup: --db a directory', { args: ['backup', join(dir, 'copy5.sqlite'), '--db', dir], code: 2, stderr: /^ptrcheck: --db '.*' is a directory, not a database file\n$/ }],
  ['backup: --db a named pipe (never opened: it would block)', { args: ['backup', join(dir, 'copy6.sqlite'), '--db', fifo], code: 2, stderr: /^ptrcheck: --db '.*fifo' is a named pipe, not a database file\n$/ }],
  ['backup: --db empty', { args: ['backup', join(dir, 'copy7.sqlite'), '--db', ''], code: 2, stderr: /^ptrcheck: --db is empty: give the database serve uses\n$/ }],
  ['backup: --db an empty file', { args: ['backup', join(dir, 'copy8.sqlite'), '--db', empty], code: 2, stderr: /^ptrcheck: --db '.*empty\.txt' is empty, not a ptrcheck database\n$/ }],
  ['backup: --db a SQLite database that is not ptrcheck\'s', { args: ['backup', join(dir, 'copy9.sqlite'), '--db', otherDb], code: 2, stderr: /^ptrcheck: --db '.*other\.sqlite' is a SQLite database but not ptrcheck's \(no reports table\)\n$/ }],
  // Batch pacing (issue 19): --qps and the wider --concurrency.
  ['batch: --qps with an escape', { args: ['batch', empty, '--qps', '5\u001b[2J'], env: DNS, code: 2, stderr: /--qps '5\\x1b\[2J' must be a whole number from 1 to 1000000/ }],
  ['batch: --qps empty', { args: ['batch', empty, '--qps', ''], env: DNS, code: 2, stderr: /--qps '' must be a whole number from 1 to 1000000/ }],
  ['batch: --qps of 100 KB', { args: ['batch', empty, '--qps', '9'.repeat(100_000)], env: DNS, code: 2, stderr: /--qps '9{80}…' must be a whole number/ }],
  ['batch: --qps of binary bytes', { args: ['batch', empty, '--qps', '\u0001\u0002\u00ff\u00fe'], env: DNS, code: 2, stderr: /--qps '\\x01\\x02\u00ff\u00fe' must be a whole number/ }],
  ['batch: --concurrency over the limit', { args: ['batch', empty, '--concurrency', '99999999999999999999'], env: DNS, code: 2, stderr: /--concurrency '9+' must be a whole number from 1 to 10000/ }],
  ['batch: 1 MB of random bytes', { args: ['batch', binary], env: DNS, code: 2, stderr: /more bad lines .* in all\), skipped[\s\S]*no address in the input/, mb: 250 }],
  // Issue 30: DNS lists. A zone is a query per audit: a name, at most 64 of them, and never a dead list.
  ['audit: a 100 KB --dnsbl', { args: ['audit', '192.0.2.1', '--dnsbl', 'x'.repeat(100_000)], env: DNS, code: 2, stderr: /^ptrcheck: --dnsbl: 'x{80}…' is not a DNS zone name \(e\.g\. zen\.spamhaus\.org\)\n$/ }],
  ['audit: a --dnsbl zone with binary bytes', { args: ['audit', '192.0.2.1', '--dnsbl', 'bl\u0001\u00ff\u001b[2J.example'], env: DNS, code: 2, stderr: /^ptrcheck: --dnsbl: 'bl\\x01\u00ff\\x1b\[2j\.example' is not a DNS zone name/ }],
  ['audit: 1000 --dnsbl zones', { args: ['audit', '192.0.2.1', '--dnsbl', Array.from({ length: 1000 }, (_, i) => `z${i}.example.net`).join(',')], env: DNS, code: 2, stderr: /^ptrcheck: --dnsbl: 1000 zones given; at most 64\n$/ }],
  ['audit: a dead list (SORBS) in PTRCHECK_DNSBL', { args: ['audit', '192.0.2.1'], env: { ...DNS, PTRCHECK_DNSBL: 'zen.spamhaus.org,dnsbl.sorbs.net' }, code: 2, stderr: /^ptrcheck: --dnsbl: dnsbl\.sorbs\.net is SORBS, dead since 2024-06-05: .*Remove it\n$/ }],
  ['serve: a dead list (SORBS) in --dnsbl', { args: serve('--dnsbl', 'dnsbl.sorbs.net'), code: 2, stderr: /^ptrcheck: --dnsbl: dnsbl\.sorbs\.net is SORBS, dead since 2024-06-05: Proofpoint decommissioned SORBS/ }],
  ['batch: a dead list (AHBL) in --dnsbl', { args: ['batch', empty, '--dnsbl', 'dnsbl.ahbl.org'], env: DNS, code: 2, stderr: /^ptrcheck: --dnsbl: dnsbl\.ahbl\.org is AHBL, dead since 2015-01-01/ }],
  ['monitor: a dead list (NJABL) in --dnsbl', { args: ['monitor', 'run', '--dnsbl', 'dnsbl.njabl.org', '--db', join(dir, 'mon.sqlite')], env: DNS, code: 2, stderr: /^ptrcheck: --dnsbl: dnsbl\.njabl\.org is NJABL, dead since 2013-03-01/ }],
];

describe('hostile CLI input: one line, the right exit code, bounded time and memory', () => {
  it.each(CLI_CASES)('%s', async (_what, c) => {
    const run = await runMeasured(c.args, { ...(c.env ? { env: c.env } : {}), killAfterMs: (c.seconds ?? 15) * 1000 });
    expect(run.killed, `still running after ${c.seconds ?? 15} s: ${run.stderr}`).toBe(false);
    expect(run.code).toBe(c.code);
    expect(run.stderr).toMatch(c.stderr);
    expect(run.stderr).not.toMatch(/\n\s+at |internal error/);
    // Every line short, and not many of them (a bad input echoed whole is a flood).
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(25);
    for (const line of lines) expect(line.length).toBeLessThan(400);
    expect(run.ms / 1000).toBeLessThan(c.seconds ?? 15);
    expect(run.peakRssMb).toBeLessThan(c.mb ?? 200);
  });

  it('the refused backups left nothing behind (issue 25 F9)', () => {
    expect(readdirSync(dir).filter((f) => /^copy|partial|new-dir|no-such-dir/.test(f))).toEqual([]);
    expect(existsSync(':memory:')).toBe(false);
  });
});

describe('hostile HTTP input: a 4xx that names the problem', () => {
  const srv = useHttpServer({ maxMessageBytes: 256 * 1024 });
  const message = 'Received: from mail.example.com (mail.example.com [23.192.228.80]) by mx.example.net\r\nFrom: a@example.com\r\n\r\nhi\r\n';
  const errorOf = async (r: Response) => ((await r.json()) as { error: { code: string; message: string } }).error;

  it.each([
    ['no content type', undefined, 415, /no content type: send the raw message as message\/rfc822/],
    ['application/json', 'application/json', 415, /content type 'application\/json'/],
    ['text/plain', 'text/plain', 415, /content type 'text\/plain'/],
    ['message/rfc822', 'message/rfc822', 200, undefined],
    ['message/global (RFC 6532)', 'message/global; charset=utf-8', 200, undefined],
  ])('POST /api/v1/audit/message with %s → %s', async (_what, type, status, text) => {
    const body = new TextEncoder().encode(message);
    const res = await srv.get('/api/v1/audit/message', { method: 'POST', ...(type ? { headers: { 'content-type': type } } : {}), body });
    expect(res.status).toBe(status);
    if (text) expect((await errorOf(res)).message).toMatch(text);
  });

  it.each([
    ['/api/v1/audit?ip=192.0.2.1&ip=192.0.2.2', /ip is given 2 times; give it once/],
    ['/api/v1/audit?ip=192.0.2.1&helo=a.example&helo=b.example', /helo is given 2 times/],
    // (10 KB: past Node's 16 KB header limit the server itself answers 431, before any route.)
    [`/api/v1/audit?ip=${'x'.repeat(10_000)}`, /^ip: /],
    ['/api/v1/audit?ip=224.0.0.1', /multicast address/],
    ['/api/v1/audit?ip=192.0.2.1&helo=mail.example.com%0D%0AX-Injected:%20yes', /^helo contains a control character \(\\x0d\)/],
    ['/api/v1/audit?ip=192.0.2.1&from=a@example.com%1B%5B2J', /^from contains a control character \(\\x1b\)/],
    ['/check?ip=192.0.2.1&mailFrom=a@b.example%0ABcc:x@y.example', /mailFrom contains a control character/],
    ['/api/v1/audit?ip=%3A%3A', /unspecified address/],
  ])('GET %#: 400 that says why', async (path, text) => {
    const res = await srv.get(path);
    expect(res.status).toBe(400);
    // The page form answers with its page; the API with JSON.
    const message = path.startsWith('/check') ? (await res.text()).replace(/<[^>]*>/g, '') : (await errorOf(res)).message;
    expect(message).toMatch(text);
    if (!path.startsWith('/check')) expect(message.length).toBeLessThan(300);
  });

  it.each([
    ['a JSON MAIL FROM carrying a header', '/api/v1/audit', 'application/json', JSON.stringify({ ip: '192.0.2.1', mailFrom: 'a@b.example\r\nBcc: x@y.example' }), /^mailFrom contains a control character \(\\x0d\)/],
    ['a message audit whose ?helo= carries an escape', '/api/v1/audit/message?helo=x%1Bb', 'message/rfc822', message, /^helo contains a control character \(\\x1b\)/],
  ])('POST %s → 400, nothing audited', async (_what, path, type, body, text) => {
    const res = await srv.get(path, { method: 'POST', headers: { 'content-type': type }, body });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(text);
  });

  it.each([
    ['{"ip":123}', /^ip: .*expected string, received number/],
    ['{"ip":["192.0.2.1"]}', /^ip: .*expected string, received array/],
    ['{"ip":null}', /^ip: /],
    ['{}', /^ip is required$/],
  ])('POST /api/v1/audit %s → 400 naming the problem', async (body, text) => {
    const res = await srv.get('/api/v1/audit', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(text);
  });

  it.each([
    ['/api/v1/watch?ip=192.0.2.1&expect=mail%1B%5B2J.example', 400, /^expect 'mail\\x1b\[2J\.example' is not a host name$/],
    [`/api/v1/watch?ip=192.0.2.1&expect=${'x'.repeat(5000)}`, 400, /^expect: /],
    [`/api/v1/watch?ip=${'x'.repeat(5000)}`, 400, /^ip: /],
    ['/api/v1/watch?ip=224.0.0.1', 400, /multicast address/],
    ['/api/v1/watch?ip=192.0.2.1&expect=a.example&expect=b.example', 400, /expect is given 2 times/],
  ])('GET %s → %i naming the problem', async (path, status, text) => {
    const res = await srv.get(path);
    expect(res.status).toBe(status);
    const message = (await errorOf(res)).message;
    expect(message).toMatch(text);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message.length).toBeLessThan(300);
  });

  it('POST /api/v1/bounce: over the size limit → 413, the rest never read', async () => {
    const res = await srv.get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(300 * 1024) });
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
  });

  it('POST /api/v1/bounce: random bytes are read as text, nothing classified, never a 500', async () => {
    const res = await srv.get('/api/v1/bounce', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: randomBytes(200 * 1024) });
    expect(res.status).toBe(200);
    const result = (await res.json()) as { bounce: { notes: string[] }; now: { status: string } };
    expect(result.bounce.notes.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty paste', 'bounce=', 400, /paste the bounce text into the box/],
    ['no field at all', 'other=1', 400, /paste the bounce text into the box/],
    ['a paste over the size limit', `bounce=${'x'.repeat(300 * 1024)}`, 413, /too large to paste here/],
  ])('POST /bounce (the page form) with %s → %i and the page says why', async (_what, body, status, text) => {
    const res = await srv.get('/bounce', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(status);
    expect((await res.text()).replace(/<[^>]*>/g, '')).toMatch(text);
  });

  it('the page form with a repeated field answers 400 with the reason, not a redirect', async () => {
    const res = await srv.get('/check?ip=192.0.2.1&ip=192.0.2.2', { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/ip is given 2 times; give it once/);
  });
});
