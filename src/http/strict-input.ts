/**
 * Input the routes' schemas cannot see, refused up front with errors that
 * name the actual problem: a query parameter given twice (?ip=a&ip=b would
 * otherwise audit one of them silently), and a body of the wrong type.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { errorJson } from './errors.js';

/** The first query parameter among `names` that appears more than once, with its count. */
export function repeatedParam(c: Context, names: readonly string[]): { name: string; count: number } | undefined {
  for (const name of names) {
    const count = c.req.queries(name)?.length ?? 0;
    if (count > 1) return { name, count };
  }
  return undefined;
}

export function singleQuery(names: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const repeated = repeatedParam(c, names);
    if (repeated) return errorJson(c, 400, 'bad_request', `${repeated.name} is given ${repeated.count} times; give it once`);
    return next();
  };
}

/** The body must be one of `types` (media type, parameters ignored); 415 names what is expected. */
export function requireContentType(types: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const given = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!types.includes(given)) {
      const what = given === '' ? 'no content type' : `content type '${given.slice(0, 60)}'`;
      return errorJson(c, 415, 'unsupported_media_type', `${what}: send the raw message as ${types.join(' or ')}`);
    }
    return next();
  };
}
