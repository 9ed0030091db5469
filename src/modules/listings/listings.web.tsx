import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

/** Listing pages: browse with facets, one listing with its matches, post/edit/renew/close, review. */
export const listingsWeb = new Hono<AppEnv>();
