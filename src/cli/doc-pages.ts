/** The documentation's pages: the README, then docs/*.md in name order. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function docPages(repo: string): string[] {
  let pages: string[] = [];
  try {
    pages = readdirSync(join(repo, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => join(repo, 'docs', f));
  } catch {
    pages = [];
  }
  return [join(repo, 'README.md'), ...pages];
}
