'use strict';
/**
 * Stands in for undici in the Workers build only (wrangler.toml [alias], and
 * the vitest config for tests in workerd). mailauth's BIMI module requires
 * undici and builds an Agent when it is loaded, and undici does not load on
 * workerd. ptrcheck runs mailauth with BIMI off (disableBimi), so nothing
 * here is ever asked to fetch. CommonJS, because mailauth requires it.
 */
class Agent {
  constructor() {}
}

async function fetch() {
  throw new Error('BIMI lookups are not available in the ptrcheck Worker');
}

module.exports = { Agent, fetch };
