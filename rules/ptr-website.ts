import { defineRule } from '../src/core/rule.js';
import { isTemporaryPage, type WebPage } from '../src/core/web-probe.js';
import type { Fragment } from '../src/core/types.js';

const PAGE_FRAGMENT: Record<WebPage['outcome'], string> = {
  found: 'page-found',
  none: 'page-none',
  'no-address': 'page-no-address',
  'not-public': 'page-not-public',
  refused: 'page-refused',
  'tls-error': 'page-tls',
  'http-status': 'page-status',
  'not-html': 'page-not-html',
  'too-many-redirects': 'page-redirects',
  'http-redirect': 'page-http-redirect',
  'bad-redirect': 'page-bad-redirect',
  timeout: 'page-failed',
  'dns-failed': 'page-dns',
  error: 'page-failed',
};

/** One page in words: what was asked and how it went (the values are the page's own, shown, never followed). */
function describe(p: WebPage): Fragment {
  return {
    messageId: PAGE_FRAGMENT[p.outcome],
    url: p.url,
    name: p.name,
    address: p.address ?? '',
    status: p.status ?? 0,
    detail: p.detail ?? p.outcome,
    truncated: p.truncated ? { messageId: 'truncated', kib: Math.round((p.bytes ?? 0) / 1024) } : '',
    via: p.finalUrl && p.finalUrl !== p.url ? { messageId: 'via', finalUrl: p.finalUrl } : '',
  };
}

export default defineRule({
  meta: {
    id: 'ptr-website',
    title: 'The PTR name leads to a website with an imprint or contact',
    failureTitle: 'The PTR name leads to no website with an imprint or contact',
    rationale: 'T-Online asks that the sending host\'s name lead to its operator\'s website with a direct means of contact (an imprint); it refuses mail from hosts where it finds none as if they were dial-up addresses ("(DIAL)"), even with valid FCrDNS.',
    weight: 1,
    severity: 'minor',
    refs: ['T-Online postmaster, section 4.1 (host name → operator\'s domain → imprint)', 'EU Directive 2000/31/EC Article 5 (information a service provider must make available)', 'RFC 1912 §2.1'],
    requires: ['ip', 'ptr', 'webProbe'],
    lookups: ['ptr', 'webProbe'],
    messages: {
      found: '{url} links to {kind}{label} ({href}){via}.',
      'none-found': 'No imprint or contact link could be found from the PTR name: {pages}.',
      'http-only': 'No imprint or contact link could be checked over https: {pages}. ptrcheck fetches https pages only; check by hand that the http page shows an imprint.',
      temporary: 'Not judged: {pages}. A page that could not be fetched for now may hold the imprint (not a failure); try again{cached}.',
      'no-name': 'No PTR name whose website could be asked.',
    },
    fragments: {
      'kind-imprint': 'an imprint',
      'kind-contact': 'a contact page',
      'kind-about': 'an "about us" page',
      'kind-mailto': 'a contact address (mailto:)',
      via: ' (after redirects, at {finalUrl})',
      label: ': “{text}”',
      cached: ' (this server looks at each name at most once per 10 minutes: that was its last look)',
      truncated: ' in its first {kib} KiB',
      'page-found': '{url} links to an imprint or contact',
      'page-none': '{url}{via} has no imprint or contact link{truncated}',
      'page-no-address': '{url}{via} has no address ({detail})',
      'page-not-public': '{url}{via} leads only to addresses the public cannot reach ({detail})',
      'page-refused': '{url}{via}: nothing accepts HTTPS connections at {address}',
      'page-tls': '{url}{via}: a browser would refuse its certificate or TLS ({detail})',
      'page-status': '{url}{via} answers HTTP {status}',
      'page-not-html': '{url}{via} is not a web page ({detail})',
      'page-redirects': '{url} redirects in circles ({detail})',
      'page-http-redirect': '{url} redirects to plain http: {detail} (not fetched)',
      'page-bad-redirect': '{url} redirects where a browser would not go ({detail})',
      'page-dns': '{url}{via}: an address lookup failed ({detail})',
      'page-failed': '{url}{via}: {detail}',
    },
    remedies: {
      'none-found': 'T-Online wants the sending host\'s name to lead to an imprint: put a home page with a link to your imprint (or contact page) at https://{org}/ (or at https://{name}/), or name the host (PTR and its A/AAAA record) under a domain whose website has one. Then write to toda@rx.t-online.de if T-Online already refuses you with (DIAL).',
      'http-only': 'Serve the home page over https (T-Online\'s users and ptrcheck follow the host name to it), with a link to your imprint.',
    },
  },
  run({ ptr, webProbe }) {
    const pages = webProbe.pages;
    if (pages.length === 0) return { status: 'skip', messageId: 'no-name' };
    const found = pages.find((p) => p.outcome === 'found' && p.link);
    if (found?.link) {
      const via = found.finalUrl && found.finalUrl !== found.url ? { messageId: 'via', finalUrl: found.finalUrl } : '';
      // An image link or an empty one is known by its href alone.
      const label = found.link.text ? { messageId: 'label', text: found.link.text } : '';
      return { status: 'pass', messageId: 'found', data: { url: found.url, kind: { messageId: `kind-${found.link.kind}` }, label, href: found.link.href, via, name: found.name } };
    }
    const described = pages.map(describe);
    // A page that could not be fetched for now may be the one with the imprint: never a failure.
    if (pages.some(isTemporaryPage)) return { status: 'error', messageId: 'temporary', data: { pages: described, cached: pages.some((p) => p.cached && isTemporaryPage(p)) ? { messageId: 'cached' } : '' } };
    const name = pages.find((p) => p.role === 'ptr')?.name ?? ptr.names[0] ?? '';
    const org = pages.find((p) => p.role === 'org')?.name ?? name;
    if (pages.some((p) => p.outcome === 'http-redirect')) return { status: 'warn', messageId: 'http-only', data: { pages: described, name, org } };
    return { status: 'fail', messageId: 'none-found', data: { pages: described, name, org } };
  },
});
