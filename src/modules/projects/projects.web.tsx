/** The projects pages. */
import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

export const projectsWeb = new Hono<AppEnv>();
