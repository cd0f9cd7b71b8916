/** npm run docs: rewrites the README's generated sections (usage, rule catalogue) from the code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from '../src/cli/readme.js';
import { corpusDir, expectations, measure, table } from './bounce-accuracy.js';

const path = new URL('../../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
let after = renderReadme(before);
// The bounce accuracy table: rewritten only where the corpus is (it is public data kept outside the repository).
const repo = new URL('../..', import.meta.url).pathname;
const corpus = corpusDir(process.env, repo);
if (corpus) {
  const a = measure(corpus, expectations(repo));
  after = after.replace(/<!-- accuracy: bounces -->\n[\s\S]*?<!-- end accuracy -->/, `<!-- accuracy: bounces -->\n${table(a)}\n\n${a.summary}\n<!-- end accuracy -->`);
}
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is up to date' : 'README.md: generated sections rewritten');
