/** The notifications pages. */
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export const notificationsWeb = new Hono<AppEnv>();
