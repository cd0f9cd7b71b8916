import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { SINK_DOMAIN } from './test/workers/constants.js';

// Wrangler must not phone home from tests (the machine has no internet, and tests talk to 127.0.0.1 only).
process.env.WRANGLER_SEND_METRICS = 'false';

const UNDICI_SHIM = new URL('./src/workers/undici-shim.cjs', import.meta.url).pathname;

/** Rule tables that also run inside workerd: the same rules must judge the same on both runtimes. */
const SHARED_RULE_TABLES = ['rules/*.test.ts'];

export default defineConfig({
  // The same alias as wrangler.toml's, for modules (CommonJS requires too) loaded into workerd. It is
  // set here, not in the workers project, because the pool resolves those through the root server.
  plugins: [{ name: 'undici-shim', enforce: 'pre', resolveId: (id) => (id === 'undici' ? UNDICI_SHIM : undefined) }],
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['dist/**', 'node_modules/**', 'test/workers/**'],
          setupFiles: ['test/support/cleanup.ts'],
        },
      },
      {
        extends: true,
        plugins: [
          cloudflareTest(async ({ inject }) => ({
            main: './src/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                DOH_URL: inject('dohUrl'),
                SINK_DOMAIN,
                RATE_LIMIT_BURST: '1000',
                RATE_LIMIT_PER_MINUTE: '1000',
                MAX_MESSAGE_BYTES: String(256 * 1024),
                TEST_MIGRATIONS: await readD1Migrations('./migrations'),
              },
              // wrangler.toml's DB, and a second database the fault tests may break (a table dropped).
              d1Databases: { DB: '00000000-0000-0000-0000-000000000000', FAULTY_DB: 'faulty' },
            },
          })),
        ],
        test: {
          name: 'workers',
          // One workerd for all files (tests use unique ids and tokens; migrations apply once).
          isolate: false,
          include: ['test/workers/**/*.test.ts', ...SHARED_RULE_TABLES],
          globalSetup: ['test/workers/global-setup.ts'],
          setupFiles: ['test/workers/apply-migrations.ts'],
        },
      },
    ],
  },
});
