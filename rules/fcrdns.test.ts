import rule from './fcrdns.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

testRule(rule, [
  { why: 'PTR name resolves to the IP', evidence: evidenceFor('192.0.2.10', { ptr: ['mx1.example.com'] }), status: 'pass', messageId: 'confirmed', data: { iprev: 'pass', name: 'mx1.example.com' } },
  {
    why: 'two PTRs, only the second confirms: pass',
    evidence: evidenceFor('192.0.2.16', { ptr: ['old-name.example.net', 'mx2.example.com'], forward: { 'old-name.example.net': [] } }),
    status: 'pass', messageId: 'confirmed', data: { iprev: 'pass', name: 'mx2.example.com' },
  },
  {
    why: 'the name resolves to several addresses, one of them ours',
    evidence: evidenceFor('192.0.2.10', { ptr: ['mx.example.com'], forward: { 'mx.example.com': ['192.0.2.9', '192.0.2.10'] } }),
    status: 'pass', messageId: 'confirmed',
  },
  { why: 'IPv6 confirmed by AAAA', evidence: evidenceFor('2001:db8::25', { ptr: ['mail6.example.com'] }), status: 'pass', messageId: 'confirmed', data: { iprev: 'pass' } },
  {
    why: 'IPv6 compared as addresses, not strings',
    evidence: evidenceFor('2001:db8::25', { ptr: ['mail6.example.com'], forward: { 'mail6.example.com': ['2001:0db8:0000:0000:0000:0000:0000:0025'] } }),
    status: 'pass', messageId: 'confirmed',
  },
  {
    why: 'PTR name has no A record (NXDOMAIN)',
    evidence: evidenceFor('192.0.2.17', { ptr: ['noaddr.example.com'], forward: { 'noaddr.example.com': 'nxdomain' } }),
    status: 'fail', messageId: 'mismatch', data: { iprev: 'fail', details: [{ messageId: 'forward-nxdomain', name: 'noaddr.example.com' }] },
  },
  {
    why: 'PTR name exists without an A record (NODATA)',
    evidence: evidenceFor('192.0.2.17', { ptr: ['noaddr.example.com'], forward: { 'noaddr.example.com': [] } }),
    status: 'fail', messageId: 'mismatch', data: { iprev: 'fail', details: [{ messageId: 'forward-nodata', name: 'noaddr.example.com', type: 'A' }] },
  },
  {
    why: 'PTR name resolves elsewhere',
    evidence: evidenceFor('192.0.2.18', { ptr: ['elsewhere.example.com'], forward: { 'elsewhere.example.com': ['192.0.2.99'] } }),
    status: 'fail', messageId: 'mismatch', data: { details: [{ messageId: 'forward-addresses', name: 'elsewhere.example.com', addresses: '192.0.2.99' }] },
  },
  {
    why: 'single-label PTR cannot resolve on the Internet',
    evidence: evidenceFor('192.0.2.20', { ptr: ['mailhost'] }),
    status: 'fail', messageId: 'mismatch', data: { iprev: 'fail' },
  },
  {
    why: 'IPv6 name resolves only to a different IPv6 address',
    evidence: evidenceFor('2001:db8::26', { ptr: ['mail6-old.example.com'], forward: { 'mail6-old.example.com': ['2001:db8::99'] } }),
    status: 'fail', messageId: 'mismatch',
  },
  { why: 'no PTR at all: permerror', evidence: evidenceFor('192.0.2.11', { ptr: 'nxdomain' }), status: 'fail', messageId: 'no-ptr', data: { iprev: 'permerror' } },
  { why: 'NODATA PTR: permerror', evidence: evidenceFor('192.0.2.12', { ptr: [] }), status: 'fail', messageId: 'no-ptr', data: { iprev: 'permerror' } },
  { why: 'PTR SERVFAIL: temperror, not fail', evidence: evidenceFor('192.0.2.13', { ptr: 'servfail' }), status: 'error', messageId: 'temporary', data: { iprev: 'temperror' } },
  { why: 'PTR timeout: temperror', evidence: evidenceFor('192.0.2.14', { ptr: 'timeout' }), status: 'error', messageId: 'temporary', data: { iprev: 'temperror' } },
  {
    why: 'forward SERVFAIL and no match: temperror',
    evidence: evidenceFor('192.0.2.22', { ptr: ['flaky.example.com'], forward: { 'flaky.example.com': 'servfail' } }),
    status: 'error', messageId: 'temporary', data: { iprev: 'temperror' },
  },
  {
    why: 'one forward lookup fails, another confirms: pass',
    evidence: evidenceFor('192.0.2.22', { ptr: ['flaky.example.com', 'mx.example.com'], forward: { 'flaky.example.com': 'timeout' } }),
    status: 'pass', messageId: 'confirmed',
  },
  {
    why: 'the confirming name is past the forward-lookup cap: fail, and says capped',
    evidence: evidenceFor('192.0.2.40', {
      ptr: Array.from({ length: 11 }, (_, i) => `h${i}.example.com`),
      forward: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`h${i}.example.com`, ['192.0.2.1']])),
    }),
    status: 'fail', messageId: 'mismatch', data: { capped: true },
  },
]);
