/**
 * How a bounce is decoded: here, in this thread (the CLI, the Worker
 * runtime), or in worker threads with a time budget on a Node server
 * (thread.ts), injected like `authenticate`.
 */
import type { ReceiverSpec } from '../core/receivers.js';
import { decodeBounce, type DecodedBounce } from './decode.js';

export type BounceDecoder = (raw: string) => Promise<DecodedBounce>;

/** A bounce given up (over its time budget, or its thread stopped); the message says which, in words. */
export class BounceNotDecodedError extends Error {
  override name = 'BounceNotDecodedError';
}

export function decodeHere(receivers: readonly ReceiverSpec[]): BounceDecoder {
  return async (raw) => decodeBounce(raw, receivers);
}
