/** npm run docs: rewrites the README's generated sections (usage, rule catalogue) from the code. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReadme } from '../src/cli/readme.js';

const path = new URL('../../README.md', import.meta.url);
const before = readFileSync(path, 'utf8');
const after = renderReadme(before);
if (after !== before) writeFileSync(path, after);
console.log(after === before ? 'README.md is up to date' : 'README.md: generated sections rewritten');
