import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { DOC_SCREENSHOTS, docImages } from './support/doc-screenshots.js';
import { describe, expect, it } from 'vitest';
import { docFiles } from './support/doc-examples.js';
import { brokenLinks, headings, images, links, slug } from './support/doc-links.js';
import { repoRoot } from './support/repo-root.js';
import { tempDir } from './support/tmp.js';

describe('links between the README and docs/', () => {
  it.each(docFiles().map((f) => [relative(repoRoot(), f), f] as const))('%s: every relative link leads somewhere', (_name, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });
});

describe('screenshots in the docs', () => {
  it('show only pages the browser tests capture, and each is there (npm run docs:screenshots)', () => {
    const shown = docFiles().flatMap((f) => images(readFileSync(f, 'utf8')).map((src) => ({ f, src })));
    for (const { f, src } of shown) {
      const name = basename(src);
      expect(Object.keys(DOC_SCREENSHOTS), `${relative(repoRoot(), f)} shows ${src}`).toContain(name);
      expect(existsSync(join(dirname(f), src)), `${src} from ${relative(repoRoot(), f)}`).toBe(true);
    }
    expect(shown.length).toBeGreaterThan(0);
    for (const name of Object.keys(DOC_SCREENSHOTS)) expect(existsSync(join(docImages(), name)), name).toBe(true);
  });
});

describe('the link checker itself', () => {
  it('makes GitHub\'s anchors', () => {
    expect(slug('Run it on your mail server: doctor')).toBe('run-it-on-your-mail-server-doctor');
    expect(slug('What each big receiver requires (requirements[], ptrcheck requirements)')).toBe('what-each-big-receiver-requires-requirements-ptrcheck-requirements');
    expect([...headings('# A\n## A\n```\n# not a heading\n```\n### `code` b\n')]).toEqual(['a', 'a-1', 'code-b']);
  });

  it('finds a missing file, a missing heading, and ignores links in code and on the web', () => {
    const dir = tempDir('links');
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'a.md'), '# Alpha\n[b](b.md) [c](c.md#nope) [self](#alpha) [web](https://example.com/x) [gone](#gone)\n```\n[code](missing.md)\n```\n');
    writeFileSync(join(dir, 'docs', 'c.md'), '# Gamma\n');
    expect(links('x [a](b.md "title") y')).toEqual(['b.md']);
    expect(images('<picture>\n  <source media="(prefers-color-scheme: dark)" srcset="images/d.png">\n  <img alt="x" src="images/l.png">\n</picture>\n![a](images/m.png)')).toEqual(['images/d.png', 'images/l.png', 'images/m.png']);
    expect(brokenLinks(join(dir, 'docs', 'a.md'))).toEqual(['b.md: no such file', 'c.md#nope: no heading #nope', '#gone: no heading #gone']);
  });
});
