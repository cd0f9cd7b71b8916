/**
 * Every default in one place: what an audit, the HTTP server, the sink and
 * the Worker use when nobody said otherwise. Entries (CLI, Worker) parse
 * their settings with ./parse.ts and fill the gaps from here.
 */

/** authserv-id in Authentication-Results and SPF comments (RFC 8601 §2.5). */
export const DEFAULT_AUTHSERV_ID = 'ptrcheck';

export const DEFAULT_GATHER = {
  /** At most this many PTR names get forward lookups; more is abuse or a mistake. */
  forwardCap: 10,
  authservId: DEFAULT_AUTHSERV_ID,
  /** RFC 7208 §4.6.4 allows a time limit on SPF evaluation. */
  spfTimeLimitMs: 20_000,
  dnsbl: [] as readonly string[],
  authoritative: false,
};

/** A message read from a file or stdin by the CLI (a local file: generous). */
export const DEFAULT_CLI_MESSAGE_BYTES = 50 * 1024 * 1024;
/** A message received over the network (HTTP body, SMTP DATA, Email Routing). */
export const DEFAULT_NETWORK_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Reports and sink messages are deleted after this many days (0 keeps them). */
export const DEFAULT_RETENTION_DAYS = 30;

/** The sink's domain when none is given: test addresses are <token>@sink.localhost. */
export const DEFAULT_SINK_DOMAIN = 'sink.localhost';

/** A batch refuses a CIDR line holding more addresses than this (a /64 holds 2^64). */
export const DEFAULT_MAX_PER_CIDR = 1 << 24;
