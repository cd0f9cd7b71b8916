/**
 * The test SMTP sink: accepts mail for <token>@<sink domain> only (never a
 * relay), commits the message and its session to the store before the 250
 * reply, which carries the report URL, then lets the auditor judge it.
 * With `reports`, <localPart>@<sink domain> also takes DMARC aggregate
 * reports, read before the 250 (sink/report-mailbox.ts).
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { newReportId } from '../../store/ids.js';
import { DEFAULT_NETWORK_MESSAGE_BYTES } from '../../config/defaults.js';
import type { Observer } from '../../core/observer.js';
import type { SinkStore, StoredMessage } from '../../store/types.js';
import type { SessionEvidence } from '../../core/types.js';
import { networkMatcher } from './trust.js';
import { isToken } from '../tokens.js';
import { parseIp } from '../../core/ip.js';
import type { MonitorStore } from '../../monitor/store.js';
import { reportMailbox } from '../report-mailbox.js';

export interface SinkOptions {
  store: SinkStore;
  /** Sessions, refusals and stored messages are reported here (metrics, logs). */
  observer?: Observer | undefined;
  /** Mail is accepted for this domain only. */
  domain: string;
  /** Base URL of the HTTP side, for the report link in the 250 reply. */
  publicUrl: string;
  port: number;
  host: string;
  /** Greeting name (the sink's own host name). */
  hostname?: string;
  tls?: { key: string; cert: string };
  /** Addresses/CIDRs allowed to use XCLIENT and XFORWARD (default loopback). */
  trustedNetworks?: readonly string[];
  maxMessageBytes?: number;
  maxRecipients?: number;
  maxClients?: number;
  socketTimeoutMs?: number;
  /** Called after a message was committed (wake the auditor). */
  onStored?: (rows: StoredMessage[]) => void;
  /**
   * Mail to <localPart>@<domain> is DMARC aggregate reports (rua=mailto:…): each source IP that
   * passed DMARC for a watched domain is watched in `monitors` before the 250 (sink/report-mailbox.ts).
   */
  reports?: { localPart: string; monitors: MonitorStore } | undefined;
}

export interface RunningSink {
  port: number;
  close(): Promise<void>;
  /**
   * Stop taking mail: new clients and new transactions get 421 4.3.2;
   * messages already in DATA finish (and get their 250 once stored).
   * Resolves when none is in DATA, or at `deadline` (epoch ms).
   */
  drain(deadline: number): Promise<void>;
  readonly draining: boolean;
}


function smtpError(code: number, text: string): Error {
  const err = new Error(text) as Error & { responseCode: number };
  err.responseCode = code;
  return err;
}

export async function startSink(o: SinkOptions): Promise<RunningSink> {
  const obs = o.observer;
  const trusted = networkMatcher(o.trustedNetworks ?? ['127.0.0.1', '::1']);
  const maxBytes = o.maxMessageBytes ?? DEFAULT_NETWORK_MESSAGE_BYTES;
  const maxRcpt = o.maxRecipients ?? 10;
  const domain = o.domain.toLowerCase();
  const reportsLocal = o.reports?.localPart.toLowerCase();
  const mailbox = o.reports ? reportMailbox(o.reports.monitors) : undefined;
  /** The peer address as accepted, before any XCLIENT. */
  const peers = new Map<string, string>();
  let draining = false;
  let inData = 0;
  let drained: (() => void) | undefined;
  const SHUTTING_DOWN = '4.3.2 the sink is shutting down; try again later';

  const server = new SMTPServer({
    name: o.hostname ?? domain,
    banner: 'ptrcheck test sink: send a message to your test address',
    size: maxBytes,
    rejectOversized: true,
    authOptional: true,
    disabledCommands: ['AUTH'],
    ...(o.tls ? { key: o.tls.key, cert: o.tls.cert } : { hideSTARTTLS: true }),
    useXClient: true,
    useXForward: true,
    maxClients: o.maxClients ?? 100,
    socketTimeout: o.socketTimeoutMs ?? 60_000,
    closeTimeout: 5_000,
    logger: false,
    // The sink judges rDNS itself, through its own resolver; smtp-server would ask the system's.
    disableReverseLookup: true,
    onConnect(session, callback) {
      if (draining) {
        obs?.smtpSession?.({ id: session.id, ip: session.remoteAddress, event: 'refused-draining' });
        return callback(smtpError(421, SHUTTING_DOWN));
      }
      obs?.smtpSession?.({ id: session.id, ip: session.remoteAddress, event: 'connect' });
      peers.set(session.id, session.remoteAddress);
      // smtp-server would let every client use XCLIENT/XFORWARD; only trusted networks may.
      if (!trusted(session.remoteAddress)) session.disabledCommands = ['AUTH', 'XCLIENT', 'XFORWARD'];
      callback();
    },
    onClose(session) {
      if (peers.has(session.id)) obs?.smtpSession?.({ id: session.id, ip: session.remoteAddress, event: 'close' });
      peers.delete(session.id);
    },
    onMailFrom(_address, _session, callback) {
      callback(draining ? smtpError(421, SHUTTING_DOWN) : undefined);
    },
    onRcptTo(address, session, callback) {
      const at = address.address.lastIndexOf('@');
      const local = address.address.slice(0, at);
      const rcptDomain = address.address.slice(at + 1).toLowerCase();
      const refuse = (reason: string, err: Error) => (obs?.smtpRefused?.({ id: session.id, reason }), callback(err));
      if (at < 1 || rcptDomain !== domain) return refuse('relay', smtpError(550, `5.7.1 relaying denied: this sink accepts mail for @${domain} only`));
      const token = local.toLowerCase();
      if (token === reportsLocal && mailbox) {
        if (session.envelope.rcptTo.length >= maxRcpt) return refuse('too-many-recipients', smtpError(452, `4.5.3 too many recipients (at most ${maxRcpt})`));
        return callback();
      }
      if (!isToken(token)) return refuse('unknown-address', smtpError(550, '5.1.1 no such test address'));
      if (session.envelope.rcptTo.length >= maxRcpt) return refuse('too-many-recipients', smtpError(452, `4.5.3 too many recipients (at most ${maxRcpt})`));
      // Only addresses this server issued (and has not yet expired) take mail: random mail cannot fill the database.
      o.store.inboxExists(token).then(
        (issued) => (issued ? callback() : refuse('unissued-address', smtpError(550, '5.1.1 no such test address (get one at the web page or POST /api/v1/inbox)'))),
        () => callback(smtpError(451, '4.3.0 cannot check the address now; try again later')),
      );
    },
    onData(stream, session, reply) {
      inData++;
      let answered = false;
      const callback = (err: Error | null, message?: string): void => {
        if (answered) return;
        answered = true;
        inData--;
        reply(err, message);
        if (inData === 0) drained?.();
      };
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk); // past the limit, drain without keeping
      });
      stream.on('error', (e) => callback(e));
      stream.on('end', () => {
        const facts0 = sessionFacts(session, peers.get(session.id));
        const report = (result: 'accepted' | 'too-large' | 'store-failed', storeMs = 0) =>
          obs?.smtpMessage?.({ id: session.id, ip: facts0.ip, helo: facts0.helo, bytes: size, recipients: session.envelope.rcptTo.length, storeMs, result });
        if (stream.sizeExceeded) return (report('too-large'), callback(smtpError(552, `5.3.4 message larger than ${maxBytes} bytes`)));
        const raw = Buffer.concat(chunks);
        const facts = sessionFacts(session, peers.get(session.id));
        const locals = [...new Set(session.envelope.rcptTo.map((r) => r.address.slice(0, r.address.lastIndexOf('@')).toLowerCase()))];
        const toReports = mailbox !== undefined && locals.includes(reportsLocal!);
        const tokens = locals.filter((t) => !toReports || t !== reportsLocal);
        const now = Date.now();
        const rows: StoredMessage[] = tokens.map((token) => ({ id: newReportId(), token, receivedAt: now, session: facts, raw }));
        const storing = performance.now();
        // Reports first: when they cannot be kept, nothing is stored and the 451 has the whole message sent again.
        (async () => {
          if (toReports) await readReports(session.id, facts.ip, raw);
          if (rows.length > 0) await o.store.storeMessages(rows);
        })().then(
          () => {
            report('accepted', performance.now() - storing);
            callback(null, rows.length > 0 ? `2.0.0 accepted; report: ${rows.map((r) => `${o.publicUrl}/r/${r.id}`).join(' ')}` : '2.0.0 accepted: DMARC report received');
            if (rows.length > 0) o.onStored?.(rows);
          },
          () => (report('store-failed', performance.now() - storing), callback(smtpError(451, '4.3.0 could not store the message; try again later'))),
        );
      });
    },
  });
  /** A message to the report address, read; what it added and what it refused are logged, never answered (the watch list is no one else's business). */
  const readReports = async (id: string, ip: string, raw: Uint8Array): Promise<void> => {
    const out = await mailbox!(raw).catch((e: unknown) => {
      obs?.error?.({ where: 'dmarc-report', message: (e as Error).message });
      throw e;
    });
    const sum = (f: (r: (typeof out.reports)[number]) => number) => out.reports.reduce((n, r) => n + f(r), 0);
    const note = out.reports.length + out.refused.length === 0 ? 'no report attached (no XML, gzip or zip part)' : out.cut ? 'some parts were not read (too many)' : undefined;
    obs?.dmarcMail?.({
      id, ip, domains: [...new Set(out.reports.map((r) => r.domain))],
      added: sum((r) => r.added.length), already: sum((r) => r.already.length), skipped: sum((r) => r.skipped),
      refused: out.refused.map((r) => `${r.name}: ${r.reason}`), ...(note ? { note } : {}),
    });
  };
  server.on('error', () => undefined); // per-connection errors are answered on the connection
  // smtp-server writes a reply in pieces; with Nagle's algorithm each piece waits for the client's
  // delayed ACK (~40 ms), which throttles a pipelining client to a few messages a second.
  server.server.on('connection', (socket: import('node:net').Socket) => socket.setNoDelay(true));

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    get draining() {
      return draining;
    },
    drain(deadline) {
      draining = true;
      if (inData === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        drained = () => (clearTimeout(timer), resolve());
      });
    },
  };
}

function sessionFacts(session: SMTPServerSession, peer: string | undefined): SessionEvidence {
  const mailFrom = session.envelope.mailFrom;
  const facts: SessionEvidence = {
    ip: stripMapped(session.remoteAddress),
    mailFrom: mailFrom ? mailFrom.address : '',
    rcpt: session.envelope.rcptTo.map((r) => r.address),
    tls: Boolean(session.secure),
  };
  if (peer && stripMapped(peer) !== facts.ip) facts.peerIp = stripMapped(peer);
  if (session.hostNameAppearsAs) facts.helo = session.hostNameAppearsAs;
  if (session.tlsOptions) {
    facts.tlsProtocol = session.tlsOptions.version;
    facts.tlsCipher = session.tlsOptions.name;
  }
  return facts;
}

/** The peer as audits name it (an IPv4-mapped IPv6 peer is its IPv4 address), by the same parse as every target. */
function stripMapped(a: string): string {
  try {
    return parseIp(a).address;
  } catch {
    return a;
  }
}
