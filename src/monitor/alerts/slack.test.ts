import { describe, expect, it } from 'vitest';
import { MAX_SLACK_LINES, slackBody, slackEscape, slackText } from './slack.js';
import type { TransitionEvent } from './types.js';

function ev(over: Partial<TransitionEvent> & { target?: string; label?: string } = {}): TransitionEvent {
  const { target = 'mail.example.com', label, ...rest } = over;
  return {
    event: 'monitor.transition',
    monitor: { id: 'm1', target, ...(label !== undefined ? { label } : {}) },
    ip: '203.0.113.5',
    from: { verdict: 'pass', failing: [] },
    to: { verdict: 'fail', failing: ['fcrdns', 'ptr-present'] },
    at: '2026-12-07T02:00:00Z',
    ...rest,
  };
}

/** The line of one event (the message's second line, after the summary). */
const line = (e: TransitionEvent) => slackText([e]).split('\n')[1];

describe('slackText: one line per change', () => {
  const rows: [name: string, event: TransitionEvent, expected: string][] = [
    ['a failing change with its report', ev({ label: 'label', reportUrl: 'https://ptrcheck.example/r/abc' }),
      '203.0.113.5 (mail.example.com monitor "label"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z <https://ptrcheck.example/r/abc>'],
    ['no label, no report', ev(), '203.0.113.5 (mail.example.com monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['an empty label is no label', ev({ label: '' }), '203.0.113.5 (mail.example.com monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['a recovery names what was fixed', ev({ from: { verdict: 'fail', failing: ['fcrdns'] }, to: { verdict: 'pass', failing: [] } }),
      '203.0.113.5 (mail.example.com monitor): fail → pass (fixed: fcrdns) at 2026-12-07T02:00:00Z'],
    ['warn to warn with other rules', ev({ from: { verdict: 'warn', failing: ['ptr-single'] }, to: { verdict: 'warn', failing: ['from-aligned'] } }),
      '203.0.113.5 (mail.example.com monitor): warn → warn (from-aligned) at 2026-12-07T02:00:00Z'],
    ['a first look (never alerted, but safe)', ev({ from: null, to: { verdict: 'pass', failing: [] } }),
      '203.0.113.5 (mail.example.com monitor): first look → pass at 2026-12-07T02:00:00Z'],
    ['a CIDR target and an IPv6 address', ev({ target: '2001:db8::/120', ip: '2001:db8::25' }),
      '2001:db8::25 (2001:db8::/120 monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['a mention in the target', ev({ target: '<!channel>' }), '203.0.113.5 (&lt;!channel&gt; monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['a link and mention in the label', ev({ label: '<https://evil.example|click> <@U123> <!here>' }),
      '203.0.113.5 (mail.example.com monitor "&lt;https://evil.example|click&gt; &lt;@U123&gt; &lt;!here&gt;"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['an ampersand and an entity', ev({ label: 'R&D &lt; &amp;' }),
      '203.0.113.5 (mail.example.com monitor "R&amp;D &amp;lt; &amp;amp;"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['Discord mass mentions', ev({ label: '@everyone @here @Channel ok@example.com' }),
      '203.0.113.5 (mail.example.com monitor "@\u200beveryone @\u200bhere @\u200bChannel ok@example.com"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['a newline that would forge a line', ev({ label: 'x\n198.51.100.1 (bank.example monitor): fail → pass' }),
      '203.0.113.5 (mail.example.com monitor "x\ufffd198.51.100.1 (bank.example monitor): fail → pass"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['control characters: ESC, NUL, CR, tab, DEL, C1, bidi override, zero-width',
      ev({ target: 'a\u001b[2Jb\u0000c\rd\te\u007ff\u0085g\u202eh\u200bi' }),
      '203.0.113.5 (a\ufffd[2Jb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh\ufffdi monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['a report URL that is not http(s) is left out', ev({ reportUrl: 'javascript:alert(1)' }),
      '203.0.113.5 (mail.example.com monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
    ['a report URL with markup is left out', ev({ reportUrl: 'https://x.example/r/1|<!channel>' }),
      '203.0.113.5 (mail.example.com monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z'],
  ];
  it.each(rows)('%s', (_name, event, expected) => {
    expect(line(event)).toBe(expected);
  });

  it('clips a 10 KB label to 200 characters', () => {
    const label = 'A'.repeat(10 * 1024);
    const text = line(ev({ label }))!;
    expect(text).toBe(`203.0.113.5 (mail.example.com monitor "${'A'.repeat(199)}…"): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z`);
  });

  it('clips by characters, not UTF-16 units, and escapes after clipping', () => {
    const text = line(ev({ label: '𝔘'.repeat(300), target: '&'.repeat(300) }))!;
    expect(text).toContain(`"${'𝔘'.repeat(199)}…"`);
    expect(text).toContain(`(${'&amp;'.repeat(199)}… monitor`);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/); // no lone surrogate
  });

  it('leaves no raw <, > or & from user text anywhere in the message', () => {
    const hostile = ev({ target: '<!channel>&<@U1>', label: '<<>>&&', ip: '<!everyone>' });
    const text = slackText([hostile]);
    expect(text.replace(/&(amp|lt|gt);/g, '')).not.toMatch(/[<>&]/);
  });
});

describe('slackText: the message', () => {
  it('starts with a summary and keeps the order of the events', () => {
    const a = ev({ ip: '203.0.113.5' });
    const b = ev({ ip: '203.0.113.6', from: { verdict: 'fail', failing: ['fcrdns'] }, to: { verdict: 'pass', failing: [] } });
    expect(slackText([a, b]).split('\n')).toEqual([
      'ptrcheck: 2 changes (1 now failing)',
      '203.0.113.5 (mail.example.com monitor): pass → fail (fcrdns, ptr-present) at 2026-12-07T02:00:00Z',
      '203.0.113.6 (mail.example.com monitor): fail → pass (fixed: fcrdns) at 2026-12-07T02:00:00Z',
    ]);
    expect(slackText([b]).split('\n')[0]).toBe('ptrcheck: 1 change');
  });

  it(`lists at most ${MAX_SLACK_LINES} changes and counts the rest`, () => {
    const many = Array.from({ length: 130 }, (_, i) => ev({ ip: `203.0.113.${i}` }));
    const lines = slackText(many).split('\n');
    expect(lines).toHaveLength(1 + MAX_SLACK_LINES + 1);
    expect(lines[0]).toBe('ptrcheck: 130 changes (130 now failing)');
    expect(lines.at(-2)).toMatch(/^203\.0\.113\.49 /);
    expect(lines.at(-1)).toBe('… and 80 more');
  });

  it('slackBody is {"text": …} and nothing else', () => {
    const events = [ev({ label: '"quoted" \\ back' })];
    expect(JSON.parse(slackBody(events))).toEqual({ text: slackText(events) });
    expect(Object.keys(JSON.parse(slackBody(events)))).toEqual(['text']);
  });

  it('slackEscape escapes & first, so entities are not doubled wrongly', () => {
    expect(slackEscape('<&>')).toBe('&lt;&amp;&gt;');
  });
});
