import rule from './helo-not-impersonating.js';
import { testRule } from '../test/support/rule-tester.js';
import { evidenceFor } from '../test/support/evidence.js';

testRule(rule, [
  { why: 'own domain', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], helo: 'mail.example.com' }), status: 'pass', messageId: 'not-claiming' },
  { why: 'Google\'s own server', evidence: evidenceFor('209.85.220.41', { ptr: ['mail-sor-f41.google.com'], helo: 'mail-sor-f41.google.com' }), status: 'pass', messageId: 'genuine' },
  { why: 'Microsoft outbound with its PTR', evidence: evidenceFor('40.107.22.71', { ptr: ['mail-am6eur05on2071.outbound.protection.outlook.com'], helo: 'EUR05-AM6-obe.outbound.protection.outlook.com' }), status: 'pass', messageId: 'genuine' },
  { why: 'claims gmail.com from a residential IP', evidence: evidenceFor('203.0.113.5', { ptr: ['203-0-113-5.dsl.example.net'], helo: 'gmail.com' }), status: 'fail', messageId: 'impersonating', data: { provider: 'Google (Gmail)' } },
  { why: 'claims outlook.com with no PTR', evidence: evidenceFor('203.0.113.5', { ptr: 'nxdomain', helo: 'mail.outlook.com' }), status: 'fail', messageId: 'impersonating' },
  { why: 'claims yahoo.com, PTR set to a yahoo name but not forward-confirmed', evidence: evidenceFor('203.0.113.5', { ptr: ['mta7.am0.yahoodns.net'], forward: { 'mta7.am0.yahoodns.net': ['98.136.1.1'] }, helo: 'yahoo.com' }), status: 'fail', messageId: 'impersonating' },
  { why: 'claims icloud.com from a cloud VM', evidence: evidenceFor('203.0.113.5', { ptr: ['ec2-203-0-113-5.compute-1.amazonaws.com'], helo: 'smtp.icloud.com' }), status: 'fail', messageId: 'impersonating' },
  { why: 'a look-alike domain is not a claim (not in the list)', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], helo: 'gmail-support.example.com' }), status: 'pass', messageId: 'not-claiming' },
  { why: 'address literal', evidence: evidenceFor('203.0.113.5', { ptr: ['mail.example.com'], helo: '[203.0.113.5]' }), status: 'skip', messageId: 'not-hostname' },
  { why: 'claims gmail.com, PTR lookup SERVFAIL: unknown, not impersonating', evidence: evidenceFor('209.85.220.41', { ptr: 'servfail', helo: 'mail-sor-f41.google.com' }), status: 'error', messageId: 'runner/temporary', data: { lookups: ['PTR 41.220.85.209.in-addr.arpa SERVFAIL'] } },
  { why: 'claims gmail.com, forward lookup timed out', evidence: evidenceFor('209.85.220.41', { ptr: ['mail-sor-f41.google.com'], forward: { 'mail-sor-f41.google.com': 'timeout' }, helo: 'mail-sor-f41.google.com' }), status: 'error', messageId: 'runner/temporary' },
  { why: 'no claim: a failed PTR lookup does not matter', evidence: evidenceFor('203.0.113.5', { ptr: 'timeout', helo: 'mail.example.com' }), status: 'pass', messageId: 'not-claiming' },
]);
