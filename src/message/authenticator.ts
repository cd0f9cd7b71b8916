/**
 * How a message's SPF, DKIM, DMARC and ARC are checked: mailauth in this
 * thread by default (the Worker runtime, the CLI), or in worker threads on a
 * Node server (auth-thread.ts), injected like the resolver.
 */
import type { Resolver } from '../dns/types.js';
import type { authenticateMessage, AuthInput } from './authenticate.js';

export type AuthResult = Awaited<ReturnType<typeof authenticateMessage>>;
export type Authenticator = (message: Uint8Array, facts: AuthInput, resolver: Resolver) => Promise<AuthResult>;
