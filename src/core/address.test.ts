import { describe, expect, it } from 'vitest';
import { parseAddressField, parseMailbox, toALabel } from './address.js';

describe('parseAddressField', () => {
  it.each([
    ['news@example.com', [{ address: 'news@example.com', domain: 'example.com' }]],
    ['"Example News" <news@Example.COM>', [{ address: 'news@Example.COM', domain: 'example.com' }]],
    ['Team: a@example.com, b@example.org;', [{ address: 'a@example.com', domain: 'example.com' }, { address: 'b@example.org', domain: 'example.org' }]],
    ['Bücher <info@bücher.de>', [{ address: 'info@bücher.de', domain: 'xn--bcher-kva.de' }]],
    ['info@xn--bcher-kva.de', [{ address: 'info@xn--bcher-kva.de', domain: 'xn--bcher-kva.de' }]],
    ['"a@b.example" <real@example.com>', [{ address: 'real@example.com', domain: 'example.com' }]],
  ])('%s', (raw, expected) => {
    expect(parseAddressField(raw)).toEqual(expected);
  });

  it.each([
    ['"a@b" <>', /empty address <>/],
    ['', /empty address/],
    ['root', /no address in the field/],
    ['Undisclosed recipients:;', /no address in the field/],
    ['a@', /not an address/],
    ['a@exa mple.com', /not a valid domain/],
    ['a@-bad-.example', /not a valid domain/],
  ])('%j is unusable', (raw, problem) => {
    expect(parseAddressField(raw)[0]?.problem).toMatch(problem);
  });
});

describe('parseMailbox', () => {
  it('treats <> as the null reverse-path', () => {
    expect(parseMailbox('<>')).toEqual({ address: '', problem: 'empty address (null reverse-path)' });
  });
  it('strips angle brackets', () => {
    expect(parseMailbox('<bounce@example.com>')).toEqual({ address: 'bounce@example.com', domain: 'example.com' });
  });
  it('converts IDN to A-labels', () => {
    expect(toALabel('ÉCOLE.example')).toBe('xn--cole-9oa.example');
    expect(toALabel('bad domain')).toBeUndefined();
  });
});
