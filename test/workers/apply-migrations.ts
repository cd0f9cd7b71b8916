/** Each Workers test file starts on a D1 database with migrations/ applied, as `wrangler d1 migrations apply` does. */
import { applyD1Migrations, env } from 'cloudflare:test';
import { beforeAll } from 'vitest';

beforeAll(async () => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
});
