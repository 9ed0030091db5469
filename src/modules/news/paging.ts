import type { Context } from 'hono';
import type { AppEnv } from '../../web/env.ts';

/** A page number from the query: 1 unless a sensible positive integer was given. */
export function pageParam(c: Context<AppEnv>): number {
  const n = Number(c.req.query('page') ?? '1');
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
