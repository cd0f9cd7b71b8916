export type { DnsAnswer, DnsOutcome, DnsRecord, RecordType, Resolver } from './types.js';
export { isNegative, isTemporary, normalizeName } from './types.js';
export { withCache, type CacheOptions, type CachingResolver } from './cache.js';
export { withRecorder, type RecordingResolver } from './recorder.js';
export { createStubResolver, type Exchange, type ExchangeResult } from './stub.js';
export { parseSoa, type SoaFields } from './wire.js';
