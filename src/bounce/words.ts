/** What a bounce means now, in words (check.ts picks one). */
export const BOUNCE_NOW: Record<string, string> = {
  'still-there': 'The problem the receiver reported is still there',
  published: 'The fix is published at the reverse zone\'s own servers but not yet visible everywhere:',
  fixed: 'Fixed since: the IP now passes the checks this receiver refused it for.',
  'cannot-check': 'Could not check again: the lookups this needs did not answer.',
  'not-rechecked': 'An audit of the sending IP cannot re-check this kind of refusal (message authentication, reputation or content): send a test message to the sink to check the whole message.',
  'no-ip': 'The bounce does not name the sending IP, so nothing was audited; run ptrcheck audit <ip> with the address your mail leaves from.',
  'not-decoded': 'The bounce was not decoded, so nothing was audited; send only the part with the receiver\'s reply (the lines with its 4xx or 5xx code), or run ptrcheck audit <ip> with the address your mail leaves from.',
};

/** Per-method results a reply lists, and which to fix: "SPF fail (fix this), DKIM pass, DMARC pass". */
export function authenticationWords(results: Partial<Record<'spf' | 'dkim' | 'dmarc', string>>): string {
  return (['spf', 'dkim', 'dmarc'] as const)
    .filter((m) => results[m] !== undefined)
    .map((m) => `${m.toUpperCase()} ${results[m]}${results[m] === 'pass' || results[m] === 'bestguesspass' ? '' : ' (fix this)'}`)
    .join(', ');
}
