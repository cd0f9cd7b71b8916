import rule from './ptr-website.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';
import type { Evidence, WebPage } from '../src/core/types.js';

const named = evidenceFor('192.0.2.10', { ptr: ['mx1.example.de'] });
const ptrPage = (p: Partial<WebPage>): WebPage => ({ name: 'mx1.example.de', role: 'ptr', url: 'https://mx1.example.de/', outcome: 'none', ms: 40, ...p });
const orgPage = (p: Partial<WebPage>): WebPage => ({ name: 'example.de', role: 'org', url: 'https://example.de/', outcome: 'none', ms: 40, ...p });
const probed = (pages: WebPage[], e: Evidence = named): Evidence => ({ ...e, webProbe: { pages } });
const noOrg = orgPage({ outcome: 'no-address', detail: 'example.de: no A or AAAA record' });

testRule(rule, [
  {
    why: 'the PTR host\'s home page links to its Impressum',
    evidence: probed([ptrPage({ outcome: 'found', link: { kind: 'imprint', text: 'Impressum', href: '/impressum' } }), noOrg]),
    status: 'pass', messageId: 'found', data: { url: 'https://mx1.example.de/', kind: { messageId: 'kind-imprint' }, label: { messageId: 'label', text: 'Impressum' }, href: '/impressum', via: '' },
  },
  {
    why: 'an image link known by its href alone: no empty quotes',
    evidence: probed([ptrPage({ outcome: 'found', link: { kind: 'imprint', text: '', href: '/de/impressum.html' } })]),
    status: 'pass', messageId: 'found', data: { label: '', href: '/de/impressum.html' },
  },
  {
    why: 'the organisational domain\'s page (after a redirect to www) has a mailto: link',
    evidence: probed([ptrPage({ outcome: 'refused', address: '192.0.2.10', detail: 'connection refused' }), orgPage({ outcome: 'found', finalUrl: 'https://www.example.de/', link: { kind: 'mailto', text: 'Write to us', href: 'mailto:info@example.de' } })]),
    status: 'pass', messageId: 'found', data: { url: 'https://example.de/', kind: { messageId: 'kind-mailto' }, via: { messageId: 'via', finalUrl: 'https://www.example.de/' } },
  },
  {
    why: 'a found link stands even when the other page timed out',
    evidence: probed([ptrPage({ outcome: 'timeout', detail: 'no response headers in 5000 ms' }), orgPage({ outcome: 'found', link: { kind: 'contact', text: 'Kontakt', href: '/kontakt' } })]),
    status: 'pass', messageId: 'found',
  },
  {
    why: 'pages fetched, none links to an imprint or contact: T-Online (DIAL)',
    evidence: probed([ptrPage({ outcome: 'none', bytes: 524288, truncated: true }), noOrg]),
    status: 'fail', messageId: 'none-found',
    data: { name: 'mx1.example.de', org: 'example.de', pages: [{ messageId: 'page-none', truncated: { messageId: 'truncated', kib: 512 } }, { messageId: 'page-no-address' }] },
  },
  {
    why: 'no web server at all (refused), and the domain has no address: definite',
    evidence: probed([ptrPage({ outcome: 'refused', address: '192.0.2.10', detail: 'connection refused' }), noOrg]),
    status: 'fail', messageId: 'none-found',
  },
  {
    why: 'a certificate a browser refuses, a 404, a redirect loop, a JSON page, a private address: all definite',
    evidence: probed([
      ptrPage({ outcome: 'tls-error', detail: 'ERR_TLS_CERT_ALTNAME_INVALID' }),
      orgPage({ outcome: 'http-status', status: 404, detail: 'HTTP 404' }),
      orgPage({ name: 'a.example.de', outcome: 'too-many-redirects', detail: 'more than 5 redirects' }),
      orgPage({ name: 'b.example.de', outcome: 'not-html', detail: 'application/json' }),
      orgPage({ name: 'c.example.de', outcome: 'not-public', detail: 'c.example.de → 10.0.0.1' }),
      orgPage({ name: 'd.example.de', outcome: 'bad-redirect', detail: 'port 25, which browsers refuse' }),
    ]),
    status: 'fail', messageId: 'none-found',
  },
  {
    why: 'the only page redirects to plain http: not fetched, so a warning to check by hand',
    evidence: probed([ptrPage({ outcome: 'http-redirect', detail: 'http://mx1.example.de/' }), noOrg]),
    status: 'warn', messageId: 'http-only', data: { org: 'example.de' },
  },
  {
    why: 'a page timed out: unknown, never a failure',
    evidence: probed([ptrPage({ outcome: 'timeout', detail: 'no response headers in 5000 ms' }), noOrg]),
    status: 'error', messageId: 'temporary', data: { cached: '' },
  },
  {
    why: 'a server kept the timeout from its last look (once per name per 10 minutes): says so',
    evidence: probed([ptrPage({ outcome: 'timeout', detail: 'no response headers in 5000 ms', cached: true }), noOrg]),
    status: 'error', messageId: 'temporary', data: { cached: { messageId: 'cached' } },
  },
  {
    why: 'the address lookup failed (SERVFAIL) or the server answered 503: unknown',
    evidence: probed([ptrPage({ outcome: 'dns-failed', detail: 'A mx1.example.de SERVFAIL' }), orgPage({ outcome: 'http-status', status: 503, detail: 'HTTP 503' })]),
    status: 'error', messageId: 'temporary',
  },
  { why: 'no PTR name: nothing to ask', evidence: probed([], evidenceFor('192.0.2.11', { ptr: 'nxdomain' })), status: 'skip', messageId: 'no-name' },
  { why: 'the PTR lookup failed: unknown', evidence: probed([], evidenceFor('192.0.2.13', { ptr: 'servfail' })), status: 'error', messageId: 'runner/temporary' },
  { why: 'not asked (no --probe-web)', evidence: { ...named, unavailable: { webProbe: 'the PTR name\'s website is fetched only when asked' } }, status: 'skip', messageId: 'runner/unavailable' },
]);
