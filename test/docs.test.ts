/** The docs' usage, rule catalogue, requirements and HTTP API reference are generated (npm run docs); this fails when they fall behind the code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_SECTIONS, renderDoc, renderReadme } from '../src/cli/readme.js';
import { docPages } from '../src/cli/doc-pages.js';
import { apiMarkdown, openApiDocument } from '../scripts/api-doc.js';
import { helpText } from '../src/cli/help.js';
import { COMMAND_SPECS } from '../src/cli/options.js';
import { catalogue } from '../rules/index.js';
import { repoRoot } from './support/repo-root.js';

const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
const pages = docPages(repoRoot()).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const everything = pages.map((p) => p.text).join('\n');
/** The app's OpenAPI document, built once for the tests that need it. */
let doc: Promise<Awaited<ReturnType<typeof openApiDocument>>> | undefined;
const apiDocument = () => (doc ??= openApiDocument());

describe('generated documentation', () => {
  it('every generated section is somewhere in the docs, and every page is up to date (run npm run docs)', async () => {
    for (const name of [...GENERATED_SECTIONS, 'http api']) expect(everything).toContain(`<!-- generated: ${name} -->`);
    const markdown = { 'http api': apiMarkdown(await apiDocument()) };
    for (const p of pages) expect(renderDoc(p.text, markdown) === p.text, `${p.file} is out of date: run npm run docs`).toBe(true);
  });

  it('the HTTP API reference names every path the app serves in its OpenAPI document', async () => {
    const api = await apiDocument();
    const md = apiMarkdown(api);
    expect(Object.keys(api.paths).length).toBeGreaterThan(8);
    for (const [path, methods] of Object.entries(api.paths)) for (const m of Object.keys(methods)) expect(md).toContain(`### \`${m.toUpperCase()} ${path}\``);
  });

  it('the help names every option of every command, and every rule is in the catalogue section', () => {
    const help = helpText();
    for (const [name, spec] of Object.entries(COMMAND_SPECS)) {
      expect(help).toContain(`ptrcheck ${name}`);
      for (const option of Object.keys(spec.options)) expect(help, `--${option} of ${name}`).toContain(`--${option}`);
    }
    for (const rule of catalogue) expect(everything).toContain(`\n${rule.meta.id} `);
  });

  it('refuses a marker it has no generator for, and rewrites a stale section', () => {
    expect(() => renderReadme('<!-- generated: nothing -->\nx\n<!-- end generated -->')).toThrow(/no generator for 'nothing'/);
    const stale = '# x\n<!-- generated: ptrcheck rules -->\nold\n<!-- end generated -->\n';
    const fresh = renderReadme(stale);
    expect(fresh).not.toContain('\nold\n');
    expect(fresh).toContain('fcrdns');
  });
});
