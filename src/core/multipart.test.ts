import { describe, expect, it } from 'vitest';
import { multipartParts, type PartOptions } from './multipart.js';

const parts = (body: string, o?: PartOptions) => [...multipartParts(body, 0, body.length, 'b', o)].map(([a, z]) => body.slice(a, z));

describe('multipart body parts (RFC 2046 §5.1.1)', () => {
  it.each([
    ['CRLF parts, preamble and epilogue left out', 'preamble\r\n--b\r\nA: 1\r\n\r\none\r\n--b\r\n\r\ntwo\r\n--b--\r\nepilogue', ['A: 1\r\n\r\none', '\r\ntwo']],
    ['LF only', '--b\nx\n--b\ny\n--b--\n', ['x', 'y']],
    ['spaces and tabs after a delimiter', '--b \t\r\nx\r\n--b--  \r\n', ['x']],
    ['"--bX" is body text, not a delimiter', '--b\r\nx\r\n--bX\r\ny\r\n--b--', ['x\r\n--bX\r\ny']],
    ['a delimiter not at a line start is body text', '--b\r\nx --b\r\n--b--', ['x --b']],
    ['no closing delimiter: the last part runs to the end', '--b\r\nx\r\n--b\r\ny', ['x', 'y']],
    ['a part with no headers starts with its blank line', '--b\r\n\r\nbody\r\n--b--', ['\r\nbody']],
    ['an empty part', '--b\r\n--b\r\nx\r\n--b--', ['', 'x']],
    ['no delimiter at all: no parts', 'just text --b-- here', []],
  ])('%s', (_why, body, want) => expect(parts(body)).toEqual(want));

  it('after the close: stops, or (for bounces) reads on', () => {
    const body = '--b\r\nx\r\n--b--\r\nlate text\r\n';
    expect(parts(body)).toEqual(['x']);
    expect(parts(body, { afterClose: 'continue' })).toEqual(['x', 'late text\r\n']);
  });

  it('walks 200,000 near-delimiters (a quadratic walk would not finish within the test timeout)', () => {
    const body = `--b\r\n${'x--b --bX\r\n'.repeat(200_000)}--b--`;
    expect(parts(body).map((p) => p.length)).toEqual([body.length - 5 - 7]);
  });
});
