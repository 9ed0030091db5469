import type { Context } from 'hono';
import type { Lang } from '../../lib/i18n.ts';
import { negotiateLang } from '../../lib/i18n.ts';
import type { Actor } from '../audit/audit.service.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { clientIp } from '../../web/client-ip.ts';
import type { AppEnv } from '../../web/env.ts';
import type { Viewer } from './policy.ts';

/** What a use case knows about its caller: who, in which language, and which request (for the audit log). */
export interface UseCaseContext {
  viewer: Viewer;
  lang: Lang;
  requestId?: string | undefined;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** The context of an HTTP request: page language on pages, else the user's choice, else Accept-Language. */
export function contextOf(c: Context<AppEnv>): UseCaseContext {
  const viewer = c.var.user ?? null;
  const lang = c.var.lang ?? viewer?.preferredLang ?? negotiateLang(c.req.header('accept-language')) ?? 'en';
  return {
    viewer,
    lang,
    requestId: c.var.requestId,
    ip: clientIp(c),
    userAgent: c.req.header('user-agent'),
  };
}

/** The context of the CLI and background work: no user, English messages. */
export const SYSTEM_CONTEXT: UseCaseContext = { viewer: null, lang: 'en' };

/** The audit actor for a context: the signed-in user, an anonymous web caller (by address), or the system. */
export function actorOf(ctx: UseCaseContext): Actor {
  if (ctx.viewer) return { id: ctx.viewer.id, label: ctx.viewer.email };
  return ctx.ip ? { id: null, label: `anonymous@${ctx.ip}` } : SYSTEM;
}
