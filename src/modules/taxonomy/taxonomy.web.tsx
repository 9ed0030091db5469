import { Hono } from 'hono';
import type { AppEnv } from '../../web/env.ts';

/** Taxonomy pages: industries and categories for everyone; the glossary, editable by admins. */
export const taxonomyWeb = new Hono<AppEnv>();
