/** The interests pages. */
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export const interestsWeb = new Hono<AppEnv>();
