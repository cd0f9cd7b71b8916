/**
 * The page screenshots in docs/images come from the browser tests, never by
 * hand: each name here is written by the test named beside it when
 * PTRCHECK_DOC_SCREENSHOTS=1 (`npm run docs:screenshots`), and
 * test/doc-links.test.ts checks the docs show only these.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './repo-root.js';

export const DOC_SCREENSHOTS: Readonly<Record<string, string>> = {
  'report.png': 'test/http-page.test.ts: a failing report, light, the top of the page',
  'report-dark.png': 'test/http-page.test.ts: the same report, dark',
};

export const docImages = (): string => join(repoRoot(), 'docs', 'images');

/** The visible top of the page (what a reader sees first), into docs/images when asked. */
export async function docScreenshot(page: Page, name: keyof typeof DOC_SCREENSHOTS & string, artifacts: string): Promise<void> {
  if (!(name in DOC_SCREENSHOTS)) throw new Error(`${name} is not a documented screenshot`);
  const path = join(artifacts, `doc-${name}`);
  await page.screenshot({ path });
  if (process.env.PTRCHECK_DOC_SCREENSHOTS !== '1') return;
  mkdirSync(docImages(), { recursive: true });
  copyFileSync(path, join(docImages(), name));
}
