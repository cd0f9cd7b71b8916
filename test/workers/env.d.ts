/** The bindings the Workers tests see: wrangler.toml's, overridden by vitest.config.ts, plus the migrations. */
declare namespace Cloudflare {
  interface Env {
    DB: D1Database;
    /** For fault tests only: migrated, then broken on purpose. */
    FAULTY_DB: D1Database;
    DOH_URL: string;
    SINK_DOMAIN: string;
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
  }
}
