import { describe, expect, it } from 'vitest';
import { csvRow, Summary, type CompactResult } from './records.js';

const rec = (over: Partial<CompactResult>): CompactResult => ({
  ip: '192.0.2.1', line: 1, ptr: ['mail.example.com'], fcrdns: 'pass', iprev: 'pass', generic: 'mail-host', score: 97, verdict: 'warn', failing: ['ip-public:warn'], ...over,
});

describe('CSV rows', () => {
  it('writes the columns in order', () => {
    expect(csvRow(rec({}), false)).toBe('192.0.2.1,mail.example.com,pass,pass,mail-host,97,warn,ip-public:warn');
  });
  it('quotes commas and quotes (RFC 4180)', () => {
    expect(csvRow(rec({ ptr: ['a,b.example.com', 'x"y.example.com'] }), false)).toContain('"a,b.example.com x""y.example.com"');
  });
  it('defuses spreadsheet formulas in attacker-controlled names', () => {
    expect(csvRow(rec({ ptr: ['=HYPERLINK("http://evil")'] }), false).split(',')[1]).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvRow(rec({ ptr: ['+1.example.com'] }), false)).toContain(",'+1.example.com,");
  });
  it('adds the DMARC columns when asked', () => {
    expect(csvRow(rec({ dmarc: { count: 37, disposition: 'reject', dkim: 'fail', spf: 'fail', headerFrom: 'example.com' } }), true)).toMatch(/,37,reject,fail,fail,example\.com$/);
  });
});

describe('Summary', () => {
  it('counts verdicts and failing rules', () => {
    const s = new Summary();
    s.add(rec({ verdict: 'pass', failing: [] }));
    s.add(rec({ verdict: 'fail', failing: ['fcrdns:fail', 'ptr-present:fail'] }));
    s.add(rec({ verdict: 'fail', failing: ['fcrdns:fail'] }));
    expect(s.verdicts).toEqual({ pass: 1, warn: 0, fail: 2 });
    expect(s.failingRules).toEqual({ 'fcrdns:fail': 2, 'ptr-present:fail': 1 });
    expect(s.text(1000)).toMatch(/^ptrcheck batch: 3 addresses in 1\.0 s \(3\/s\); pass 1, warn 0, fail 2; 0 bad input line\(s\)/);
  });
});
