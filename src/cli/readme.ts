/**
 * The docs' generated parts, between markers on any page: the usage
 * (`ptrcheck --help`), the rule catalogue (`ptrcheck rules`), the receivers'
 * requirements. `npm run docs` rewrites them; test/docs.test.ts fails when a
 * page is behind the code.
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

/**
 * A doc page (the README, docs/*.md) with every generated section brought up
 * to date (an unknown marker is an error). `markdown` holds sections made
 * elsewhere as Markdown, not as a terminal's text (the HTTP API reference,
 * which needs the app: scripts/api-doc.ts).
 */
export function renderDoc(text: string, markdown: Readonly<Record<string, string>> = {}): string {
  return text.replace(/<!-- generated: (.+?) -->\n[\s\S]*?<!-- end generated -->/g, (_whole, name: string) => {
    const md = Object.hasOwn(markdown, name) ? markdown[name] : undefined;
    if (md !== undefined) return `<!-- generated: ${name} -->\n${md.trimEnd()}\n<!-- end generated -->`;
    const make = Object.hasOwn(SECTIONS, name) ? SECTIONS[name] : undefined;
    if (!make) throw new Error(`no generator for '${name}'`);
    return `<!-- generated: ${name} -->\n\`\`\`\n${make().trimEnd()}\n\`\`\`\n<!-- end generated -->`;
  });
}

export const renderReadme = (readme: string): string => renderDoc(readme);

export const GENERATED_SECTIONS = Object.keys(SECTIONS);
