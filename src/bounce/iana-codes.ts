/**
 * Enhanced mail system status codes as the IANA registry defines them
 * (RFC 3463, RFC 7372 for the X.7.2x authentication codes): the meaning a
 * bounce's code has wherever the receiver does not say otherwise.
 * https://www.iana.org/assignments/smtp-enhanced-status-codes
 */
export const IANA_CODES: Readonly<Record<string, string>> = {
  '4.7.0': 'Other or undefined security status (RFC 3463)',
  '5.7.0': 'Other or undefined security status (RFC 3463)',
  '4.7.1': 'Delivery not authorized, message refused (RFC 3463), temporarily',
  '5.7.1': 'Delivery not authorized, message refused (RFC 3463)',
  '4.7.23': 'SPF validation error (RFC 7372), temporarily',
  '5.7.23': 'SPF validation failed (RFC 7372)',
  '4.7.24': 'SPF validation error (RFC 7372)',
  '5.7.24': 'SPF validation error (RFC 7372)',
  '4.7.25': 'Reverse DNS validation failed (RFC 7372), temporarily',
  '5.7.25': 'Reverse DNS validation failed (RFC 7372)',
  '5.7.26': 'Multiple authentication checks failed (RFC 7372)',
  '5.7.27': 'Sender address has null MX (RFC 7505)',
  '4.7.26': 'Multiple authentication checks failed (RFC 7372), temporarily',
  '5.7.9': 'Authentication mechanism is too weak (RFC 4954)',
  '5.5.4': 'Invalid command arguments (RFC 3463)',
  '5.1.1': 'Bad destination mailbox address (RFC 3463)',
  '4.2.1': 'Mailbox disabled, not accepting messages (RFC 3463), temporarily',
  '5.2.1': 'Mailbox disabled, not accepting messages (RFC 3463)',
  '4.4.2': 'Bad connection (RFC 3463)',
  '5.3.0': 'Other or undefined mail system status (RFC 3463)',
};

/** Basic reply codes (RFC 5321 §4.2.3), for a reply without an enhanced status code. */
export const REPLY_CODES: Readonly<Record<string, string>> = {
  '421': 'Service not available, closing transmission channel (RFC 5321)',
  '450': 'Requested mail action not taken: mailbox unavailable, temporarily (RFC 5321)',
  '451': 'Requested action aborted: local error in processing (RFC 5321)',
  '452': 'Requested action not taken: insufficient system storage (RFC 5321)',
  '550': 'Requested action not taken: mailbox unavailable or refused by policy (RFC 5321)',
  '551': 'User not local (RFC 5321)',
  '552': 'Requested mail action aborted: exceeded storage allocation (RFC 5321)',
  '553': 'Requested action not taken: mailbox name not allowed (RFC 5321)',
  '554': 'Transaction failed, or no SMTP service here (RFC 5321)',
};
