/**
 * The browser for page tests comes with `npm ci`: @sparticuz/chromium ships a
 * headless Chromium inside the registry package, unpacked once into
 * node_modules/.cache (not /tmp, which tests leave empty). CHROMIUM_PATH
 * points at another build instead (e.g. Debian's /usr/bin/chromium). No
 * browser is never a reason to skip: launchBrowser() throws with the reason.
 */
import { afterAll, beforeAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './repo-root.js';

// Our own flags, not the package's `args`: those disable web security, which
// would make the CSP and script-injection tests meaningless.
const FLAGS = [
  '--no-sandbox', // tests run as root
  '--no-zygote',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // the machine has no network; nothing may leave loopback
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

interface Found {
  executablePath: string;
  env: Record<string, string>;
}

async function packaged(): Promise<Found> {
  const pkg = (await import('@sparticuz/chromium')).default;
  const modules = join(repoRoot(), 'node_modules');
  // Its exports map hides package.json; the version keys the cache so an upgrade unpacks afresh.
  const { version } = JSON.parse(readFileSync(join(modules, '@sparticuz', 'chromium', 'package.json'), 'utf8')) as { version: string };
  const dir = join(modules, '.cache', `ptrcheck-chromium-${version}`);
  if (!existsSync(join(dir, 'chromium'))) {
    // The package unpacks into os.tmpdir(); point that at a staging folder and
    // move it into place whole, so parallel test files never see half a binary.
    const staging = `${dir}.staging-${process.pid}`;
    mkdirSync(staging, { recursive: true });
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      await pkg.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    // The package's fonts.conf names /tmp/fonts; ours names where they really are, and the system's fonts.
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${dir}/fonts/fonts</dir>\n  <dir>/usr/share/fonts</dir>\n  <cachedir>${dir}/fonts-cache</cachedir>\n</fontconfig>\n`,
    );
    try {
      renameSync(staging, dir);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(dir, 'chromium'))) throw e; // another test file won the race otherwise
    }
  }
  return { executablePath: join(dir, 'chromium'), env: { FONTCONFIG_PATH: dir } };
}

export async function launchBrowser(): Promise<Browser> {
  const override = process.env.CHROMIUM_PATH;
  let found: Found;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override} does not exist`);
    found = { executablePath: override, env: {} };
  } else {
    try {
      found = await packaged();
    } catch (e) {
      throw new Error(`cannot unpack the Chromium that @sparticuz/chromium ships (run npm ci): ${(e as Error).message}`);
    }
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  try {
    return await chromium.launch({ executablePath: found.executablePath, args: FLAGS, env: { ...env, ...found.env } });
  } catch (e) {
    throw new Error(`cannot launch Chromium at ${found.executablePath}: ${(e as Error).message}`);
  }
}

/** The browser for a test file: started before its tests (failing them with the reason if none can run), closed after. */
export function useBrowser(): { readonly browser: Browser } {
  const fx = {} as { browser: Browser };
  beforeAll(async () => {
    fx.browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await fx.browser?.close();
  });
  return fx;
}

/**
 * A full-page screenshot for test-artifacts/: a picture for people, not an assertion. Headless
 * Chromium without a GPU sometimes answers "Unable to capture screenshot" for a tall page; then it
 * is tried once more, and else the visible part is kept, so a test never fails for its picture.
 */
export async function screenshot(page: Page, path: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await page.screenshot({ path, fullPage: true });
      return;
    } catch (e) {
      if (!/Unable to capture screenshot/i.test((e as Error).message)) throw e;
    }
  }
  await page.screenshot({ path });
}
