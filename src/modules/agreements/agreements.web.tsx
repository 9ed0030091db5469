/** The agreements pages. */
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export const agreementsWeb = new Hono<AppEnv>();
