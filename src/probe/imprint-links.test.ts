import { describe, expect, it } from 'vitest';
import { findImprintLink } from './imprint-links.js';
import type { ImprintLink } from '../core/web-probe.js';

const CASES: [string, string, ImprintLink | undefined][] = [
  ['a plain Impressum link', '<p><a href="/impressum">Impressum</a></p>', { kind: 'imprint', text: 'Impressum', href: '/impressum' }],
  ['upper case, no quotes, extra attributes', '<A CLASS=nav HREF=/legal/imprint.html TITLE="x">Legal</A>', { kind: 'imprint', text: 'Legal', href: '/legal/imprint.html' }],
  ['single quotes and an entity in the text', "<a href='/mentions'>Mentions l&eacute;gales</a>", { kind: 'imprint', text: 'Mentions légales', href: '/mentions' }],
  ['numeric entities, nested markup, whitespace', '<a href="/x"><span>Legal&#32;\n  <b>notice</b></span></a>', { kind: 'imprint', text: 'Legal notice', href: '/x' }],
  ['only the href names it', '<a href="https://example.de/de/impressum.html"><img src=i.png></a>', { kind: 'imprint', text: '', href: 'https://example.de/de/impressum.html' }],
  ['an image link with alt text', '<a href="/p"><img alt="Impressum" src="i.png"></a>', { kind: 'imprint', text: 'Impressum', href: '/p' }],
  ['Spanish, Dutch', '<a href="/a">Aviso legal</a>', { kind: 'imprint', text: 'Aviso legal', href: '/a' }],
  ['Dutch colofon', '<a href="/c">Colofon</a>', { kind: 'imprint', text: 'Colofon', href: '/c' }],
  ['a contact page (Kontakt) when there is no imprint', '<a href="/k">Kontakt</a><a href="/about">Über uns</a>', { kind: 'contact', text: 'Kontakt', href: '/k' }],
  ['an imprint wins over an earlier contact', '<a href="/k">Contact us</a> <a href="/i">Imprint</a>', { kind: 'imprint', text: 'Imprint', href: '/i' }],
  ['Italian contatti', '<a href="/x">Contatti</a>', { kind: 'contact', text: 'Contatti', href: '/x' }],
  ['a mailto: link', '<a href="mailto:info@example.de">Schreiben Sie uns</a>', { kind: 'mailto', text: 'Schreiben Sie uns', href: 'mailto:info@example.de' }],
  ['über uns (with the umlaut as an entity)', '<a href="/u">&Uuml;ber uns</a>', { kind: 'about', text: 'Über uns', href: '/u' }],
  ['a privacy policy alone is not enough', '<a href="/datenschutz">Datenschutz</a><a href="/privacy">Privacy policy</a>', undefined],
  ['a host named contact… is no contact page', '<a href="https://contactlab.example/">Partner</a>', undefined],
  ['an imprint link inside a comment does not count', '<!-- <a href="/impressum">Impressum</a> --><a href="/news">News</a>', undefined],
  ['an imprint link inside a script does not count', '<script>var s = "<a href=\'/impressum\'>Impressum</a>";</script><a href="/">Home</a>', undefined],
  ['the script ends at its end tag, in any case', '<SCRIPT>x<y</ScRiPt ><a href="/impressum">Impressum</a>', { kind: 'imprint', text: 'Impressum', href: '/impressum' }],
  ['a link text in an attribute value of another tag', '<img alt="<a href=/impressum>Impressum</a>"><a href="/">Home</a>', undefined],
  ['a new <a> ends an unclosed one', '<a href="/home">Home <a href="/impressum">Impressum</a>', { kind: 'imprint', text: 'Impressum', href: '/impressum' }],
  ['a quote left open to the end drops the tag', '<a href="/x">Home</a><a href="/impressum>Impressum</a>', undefined],
  ['control characters and direction marks are removed', '<a href="/i">Imp\u202eressum\u0007 Impressum</a>', { kind: 'imprint', text: 'Imp ressum Impressum', href: '/i' }],
  ['`<a<a<a` is no tag', '<a<a<a<a Impressum', undefined],
  ['a closing tag for nothing', '</a></a><a href=/kontakt>Kontakt</a>', { kind: 'contact', text: 'Kontakt', href: '/kontakt' }],
  ['the text is cut at 120 characters', `<a href="/i">Impressum ${'x'.repeat(300)}</a>`, { kind: 'imprint', text: `Impressum ${'x'.repeat(109)}…`, href: '/i' }],
  ['no links at all', '<html><body>Hello</body></html>', undefined],
  ['an empty page', '', undefined],
];

describe('findImprintLink', () => {
  it.each(CASES)('%s', (_why, html, expected) => {
    expect(findImprintLink(html)).toEqual(expected);
  });

  it('finds the link after 100,000 others', () => {
    const html = `${'<a href="/p">Produkt</a>\n'.repeat(100_000)}<a href="/impressum">Impressum</a>`;
    expect(findImprintLink(html)).toEqual({ kind: 'imprint', text: 'Impressum', href: '/impressum' });
  });

  // Hostile pages of 512 KiB (the body cap): each is one forward walk. They finish at all (a quadratic
  // scan of 512 KiB would take minutes); no timing is asserted.
  const KIB512 = 512 * 1024;
  const hostile: [string, string][] = [
    ['<a<a<a…', '<a'.repeat(KIB512 / 2)],
    ['<a href="<a href="… (quotes never closed)', '<a href="'.repeat(KIB512 / 9)],
    ['<a href=x>… (anchors never closed)', '<a href=x>'.repeat(KIB512 / 10)],
    ['<script><script>… (never closed)', '<script>'.repeat(KIB512 / 8)],
    ['</</</…', '</'.repeat(KIB512 / 2)],
    ['<!--<!--… (never closed)', '<!--'.repeat(KIB512 / 4)],
    ['&&&#… entities in a link', `<a href="/x">${'&#'.repeat(KIB512 / 2)}`],
    ['<a x x x x… (attributes without end)', `<a ${'x '.repeat(KIB512 / 2)}`],
  ];
  it.each(hostile)('walks %s once', (_why, html) => {
    expect(findImprintLink(html)).toBeUndefined();
  });
});
