/** The README's usage and rule catalogue are generated (npm run docs); this fails when they fall behind the code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_SECTIONS, renderReadme } from '../src/cli/readme.js';
import { helpText } from '../src/cli/help.js';
import { COMMAND_SPECS } from '../src/cli/options.js';
import { catalogue } from '../rules/index.js';
import { repoRoot } from './support/repo-root.js';

const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');

describe('generated documentation', () => {
  it('the README has every generated section, up to date (run npm run docs)', () => {
    for (const name of GENERATED_SECTIONS) expect(readme).toContain(`<!-- generated: ${name} -->`);
    expect(renderReadme(readme) === readme, 'README.md is out of date: run npm run docs').toBe(true);
  });

  it('the help names every option of every command, and every rule is in the catalogue section', () => {
    const help = helpText();
    for (const [name, spec] of Object.entries(COMMAND_SPECS)) {
      expect(help).toContain(`ptrcheck ${name}`);
      for (const option of Object.keys(spec.options)) expect(help, `--${option} of ${name}`).toContain(`--${option}`);
    }
    for (const rule of catalogue) expect(readme).toContain(`\n${rule.meta.id} `);
  });

  it('refuses a marker it has no generator for, and rewrites a stale section', () => {
    expect(() => renderReadme('<!-- generated: nothing -->\nx\n<!-- end generated -->')).toThrow(/no generator for 'nothing'/);
    const stale = '# x\n<!-- generated: ptrcheck rules -->\nold\n<!-- end generated -->\n';
    const fresh = renderReadme(stale);
    expect(fresh).not.toContain('\nold\n');
    expect(fresh).toContain('fcrdns');
  });
});
