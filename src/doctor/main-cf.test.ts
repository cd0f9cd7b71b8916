import { describe, expect, it } from 'vitest';
import { MAIN_CF_LIMITS, parseMainCf } from './main-cf.js';

describe('main.cf', () => {
  it('reads name = value, comments, continuation lines (space and tab) and overrides', () => {
    const text = [
      '# a comment',
      'myhostname = old.example.com',
      '',
      'mydestination = $myhostname,',
      '    localhost',
      '  # a comment between continuation lines ends nothing',
      '\tlocalhost.$mydomain',
      'myhostname=mx1.example.com   ',
      'smtp_helo_name =',
      'relayhost = [smtp.example.net]:587 # not a comment: Postfix keeps it',
    ].join('\n');
    const { params, badLines } = parseMainCf(text);
    expect(Object.fromEntries(params)).toEqual({
      myhostname: 'mx1.example.com',
      mydestination: '$myhostname, localhost localhost.$mydomain',
      smtp_helo_name: '',
      relayhost: '[smtp.example.net]:587 # not a comment: Postfix keeps it',
    });
    expect(badLines).toEqual([]);
  });

  it.each([
    ['CRLF line ends', 'myhostname = a.example.com\r\ninet_protocols = ipv4\r\n', { myhostname: 'a.example.com', inet_protocols: 'ipv4' }, []],
    ['no final newline', 'inet_protocols = all', { inet_protocols: 'all' }, []],
    ['a line without =', 'myhostname a.example.com\ninet_protocols = all', { inet_protocols: 'all' }, [1]],
    ['a continuation with nothing before it', '  stray\ninet_protocols = all', { inet_protocols: 'all' }, [1]],
    ['a name that is not one', 'my host = x\n$x = y\n= z', {}, [1, 2, 3]],
    ['U+FFFD from bytes that were not UTF-8, in a comment', '# caf\ufffd\nmyhostname = a.example.com', { myhostname: 'a.example.com' }, []],
    ['empty file', '', {}, []],
  ])('%s', (_why, text, params, bad) => {
    const r = parseMainCf(text);
    expect(Object.fromEntries(r.params)).toEqual(params);
    expect(r.badLines).toEqual(bad);
  });

  it('refuses too many lines, a line too long, and continuations adding up past the cap', () => {
    expect(() => parseMainCf('\n'.repeat(MAIN_CF_LIMITS.lines + 1), 'x/main.cf')).toThrow(`x/main.cf has more than ${MAIN_CF_LIMITS.lines} lines`);
    expect(() => parseMainCf(`a = ${'b'.repeat(MAIN_CF_LIMITS.lineChars)}`)).toThrow('main.cf line 1 is longer than 65536 characters');
    const many = `a = b\n${` ${'c'.repeat(1000)}\n`.repeat(70)}`;
    expect(() => parseMainCf(many)).toThrow('main.cf line 1 (with its continuation lines) is longer than 65536 characters');
  });
});
