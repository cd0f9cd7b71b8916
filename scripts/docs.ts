/** npm run docs: rewrites the generated sections of the README and docs/*.md (usage, rules, requirements, the HTTP API) from the code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderDoc } from '../src/cli/readme.js';
import { docPages } from '../src/cli/doc-pages.js';
import { apiMarkdown, openApiDocument } from './api-doc.js';
import { corpusDir, expectations, measure, table } from './bounce-accuracy.js';

const repo = new URL('../..', import.meta.url).pathname;
const markdown = { 'http api': apiMarkdown(await openApiDocument()) };
for (const file of docPages(repo)) {
  const before = readFileSync(file, 'utf8');
  let after = renderDoc(before, markdown);
  // The bounce accuracy table: rewritten only where the corpus is (it is public data kept outside the repository).
  const corpus = corpusDir(process.env, repo);
  if (corpus && after.includes('<!-- accuracy: bounces -->')) {
    const a = measure(corpus, expectations(repo));
    after = after.replace(/<!-- accuracy: bounces -->\n[\s\S]*?<!-- end accuracy -->/, `<!-- accuracy: bounces -->\n${table(a)}\n\n${a.summary}\n<!-- end accuracy -->`);
  }
  const name = file.slice(repo.length);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? `${name} is up to date` : `${name}: generated sections rewritten`);
}

