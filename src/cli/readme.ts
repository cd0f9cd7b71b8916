/**
 * The README's generated parts: the usage (`ptrcheck --help`) and the rule
 * catalogue (`ptrcheck rules`), between markers. `npm run docs` rewrites
 * them; test/docs.test.ts fails when the README is behind the code.
 */
import { catalogue } from '../../rules/index.js';
import { catalogueText } from '../report/catalogue.js';
import { helpText } from './help.js';
import { programs } from '../../rules/requirements/index.js';
import { requirementsText } from '../report/requirements-catalogue.js';

const SECTIONS: Record<string, () => string> = {
  'ptrcheck --help': helpText,
  'ptrcheck rules': () => catalogueText(catalogue),
  'ptrcheck requirements': () => requirementsText(programs),
};

/** The README with every generated section brought up to date (an unknown or unclosed marker is an error). */
export function renderReadme(readme: string): string {
  return readme.replace(/<!-- generated: (.+?) -->\n[\s\S]*?<!-- end generated -->/g, (_whole, name: string) => {
    const make = SECTIONS[name];
    if (!make) throw new Error(`README: no generator for '${name}'`);
    return `<!-- generated: ${name} -->\n\`\`\`\n${make().trimEnd()}\n\`\`\`\n<!-- end generated -->`;
  });
}

export const GENERATED_SECTIONS = Object.keys(SECTIONS);
