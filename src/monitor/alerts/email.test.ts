import { describe, expect, it } from 'vitest';
import { alertEmail, MAX_EMAIL_LINES } from './email.js';
import type { StateSnapshot, TransitionEvent } from './types.js';

function ev(ip: string, from: TransitionEvent['from'], to: TransitionEvent['to'], extra: Partial<TransitionEvent> = {}): TransitionEvent {
  return { event: 'monitor.transition', monitor: { id: 'm1', target: 'example.com', label: 'prod' }, ip, from, to, at: '2026-12-07T02:00:00Z', ...extra };
}
const PASS: StateSnapshot = { verdict: 'pass', failing: [] };
const FAIL: StateSnapshot = { verdict: 'fail', failing: ['fcrdns', 'ptr-present'] };
const WARN: StateSnapshot = { verdict: 'warn', failing: ['ptr-not-generic'] };
const addr = { from: 'ptrcheck@monitor.example', to: 'ops@example.com' };

describe('alertEmail: the subject', () => {
  const rows: [name: string, events: TransitionEvent[], subject: string][] = [
    ['one change, now failing', [ev('203.0.113.5', PASS, FAIL)], 'ptrcheck: 1 change (1 now failing)'],
    ['two changes, one failing', [ev('203.0.113.5', PASS, FAIL), ev('203.0.113.6', FAIL, PASS)], 'ptrcheck: 2 changes (1 now failing)'],
    ['a recovery only', [ev('203.0.113.6', FAIL, PASS)], 'ptrcheck: 1 change'],
    ['warnings only', [ev('203.0.113.6', PASS, WARN), ev('203.0.113.7', PASS, WARN)], 'ptrcheck: 2 changes'],
    ['three failing', [1, 2, 3].map((i) => ev(`203.0.113.${i}`, PASS, FAIL)), 'ptrcheck: 3 changes (3 now failing)'],
  ];
  it.each(rows)('%s', (_name, events, subject) => {
    expect(alertEmail(events, addr).subject).toBe(subject);
  });
});

describe('alertEmail: the text', () => {
  it('lists each change with its report, and links the monitors page', () => {
    const mail = alertEmail(
      [
        ev('203.0.113.5', PASS, FAIL, { reportUrl: 'https://ptrcheck.example/r/abc' }),
        ev('203.0.113.6', FAIL, PASS, { reportUrl: '/r/def', monitor: { id: 'm2', target: '198.51.100.0/24' } }),
      ],
      { ...addr, publicUrl: 'https://ptrcheck.example/base' },
    );
    expect(mail).toEqual({
      from: 'ptrcheck@monitor.example',
      to: 'ops@example.com',
      subject: 'ptrcheck: 2 changes (1 now failing)',
      text: [
        'ptrcheck saw 2 changes (1 now failing) in the monitored senders.',
        '',
        '203.0.113.5 (example.com monitor "prod"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z',
        '  report: https://ptrcheck.example/r/abc',
        '203.0.113.6 (198.51.100.0/24 monitor): fail → pass (fixed: fcrdns, ptr-present) at 2026-12-07T02:00:00Z',
        '  report: https://ptrcheck.example/r/def',
        '',
        'All monitors: https://ptrcheck.example/base/monitors',
        '',
      ].join('\n'),
    });
  });

  it('without a public URL: no monitors link, and a relative report URL is left out', () => {
    const mail = alertEmail([ev('203.0.113.5', null, PASS, { reportUrl: '/r/abc' })], addr);
    expect(mail.text).toBe('ptrcheck saw 1 change in the monitored senders.\n\n203.0.113.5 (example.com monitor "prod"): first look → pass at 2026-12-07T02:00:00Z\n');
  });

  it('keeps hostile labels and targets on their line, clipped, unescaped for plain text', () => {
    const label = `R&D <b>\r\nSubject: forged\r\n\r\n${'x'.repeat(10_000)}`;
    const mail = alertEmail([ev('203.0.113.5', PASS, FAIL, { monitor: { id: 'm', target: 'a\u001b[31mb', label } })], addr);
    const lines = mail.text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(`203.0.113.5 (a\ufffd[31mb monitor "${`R&D <b>\ufffd\ufffdSubject: forged\ufffd\ufffd\ufffd\ufffd${'x'.repeat(10_000)}`.slice(0, 199)}…"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z`);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it(`lists at most ${MAX_EMAIL_LINES} changes and counts the rest`, () => {
    const events = Array.from({ length: MAX_EMAIL_LINES + 7 }, (_, i) => ev(`10.0.${i >> 8}.${i & 255}`, PASS, FAIL));
    const lines = alertEmail(events, addr).text.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + MAX_EMAIL_LINES + 1);
    expect(lines.at(-1)).toBe('… and 7 more');
  });

  it('refuses addresses that could break a header', () => {
    const one = [ev('203.0.113.5', PASS, FAIL)];
    expect(() => alertEmail(one, { ...addr, to: 'ops@example.com\r\nBcc: all@example.com' })).toThrow(/to address/);
    expect(() => alertEmail(one, { ...addr, from: '' })).toThrow(/from address/);
    expect(alertEmail(one, { from: ' a@b.example ', to: 'c@d.example' }).from).toBe('a@b.example');
  });
});
