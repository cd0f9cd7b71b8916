import { describe, expect, it } from 'vitest';
import { format } from './format.js';
import fcrdns from '../../rules/fcrdns.js';
import ptrHostname from '../../rules/ptr-hostname.js';
import { runRule } from '../core/run-rules.js';
import { toReportResult } from './build.js';
import { evidenceFor } from '../../test/support/evidence.js';

describe('format', () => {
  it.each([
    ['plain values', '{a} and {b}', { a: 1, b: 'x' }, {}, '1 and x'],
    ['a list reads "a; b"', '{l}', { l: ['a', 'b'] }, {}, 'a; b'],
    ['a missing value stays visible', '{gone}', {}, {}, '{gone}'],
    ['an empty string is empty', '[{e}]', { e: '' }, {}, '[]'],
    ['a fragment takes its own template', '{f}.', { f: { messageId: 'x', n: 'n1' } }, { x: 'got {n}' }, 'got n1.'],
    ['a list of fragments, nested', '{f}', { f: [{ messageId: 'x', n: 'a' }, { messageId: 'y', inner: [{ messageId: 'x', n: 'b' }] }] }, { x: '<{n}>', y: 'y{inner}' }, '<a>; y<b>'],
    ['a fragment without a template shows its id', '{f}', { f: { messageId: 'unknown' } }, {}, 'unknown'],
  ])('%s', (_why, template, data, fragments, expected) => {
    expect(format(template, data as Record<string, unknown>, fragments)).toBe(expected);
  });
});

describe('rule words come from meta (fragments), and read as before', () => {
  it.each([
    [fcrdns, evidenceFor('192.0.2.17', { ptr: ['noaddr.example.com'], forward: { 'noaddr.example.com': 'nxdomain' } }), 'No PTR name resolves back to 192.0.2.17: noaddr.example.com does not exist (NXDOMAIN) (iprev=fail).'],
    [fcrdns, evidenceFor('192.0.2.18', { ptr: ['elsewhere.example.com'], forward: { 'elsewhere.example.com': ['192.0.2.99', '192.0.2.98'] } }), 'No PTR name resolves back to 192.0.2.18: elsewhere.example.com → 192.0.2.99, 192.0.2.98 (iprev=fail).'],
    [ptrHostname, evidenceFor('192.0.2.19', { ptr: ['mail_out.example.com'] }), 'Not a valid host name: mail_out.example.com contains an underscore.'],
  ])('%#: %s', (rule, evidence, text) => {
    expect(toReportResult(runRule(rule, evidence), rule.meta).message).toBe(text);
  });
});
