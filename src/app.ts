import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { getCookie } from 'hono/cookie';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { sql } from 'drizzle-orm';
import { AppError } from './lib/errors.ts';
import { isLang, LANGS, negotiateLang } from './lib/i18n.ts';
import { newApi } from './web/api.ts';
import type { AppEnv, Deps } from './web/env.ts';
import { notFound, onError } from './web/errors.tsx';
import { csrfProtection, LANG_COOKIE, pageLang, requestLog, sessionLoader } from './web/middleware.ts';
import { homeWeb } from './modules/home/home.web.tsx';
import { regionsApi } from './modules/regions/regions.api.ts';
import { regionsWeb } from './modules/regions/regions.web.tsx';
import { accountsApi } from './modules/accounts/accounts.api.ts';
import { accountsWeb } from './modules/accounts/accounts.web.tsx';
import { auditWeb } from './modules/audit/audit.web.tsx';
import { discoveryWeb } from './modules/news/discovery.ts';
import { newsApi } from './modules/news/news.api.ts';
import { newsWeb } from './modules/news/news.web.tsx';
import { listingsApi } from './modules/listings/listings.api.ts';
import { listingsWeb } from './modules/listings/listings.web.tsx';
import { taxonomyWeb } from './modules/taxonomy/taxonomy.web.tsx';
import { interestsApi } from './modules/interests/interests.api.ts';
import { interestsWeb } from './modules/interests/interests.web.tsx';
import { notificationsApi } from './modules/notifications/notifications.api.ts';
import { notificationsWeb } from './modules/notifications/notifications.web.tsx';
import { agreementsApi } from './modules/agreements/agreements.api.ts';
import { agreementsWeb } from './modules/agreements/agreements.web.tsx';
import { projectsApi } from './modules/projects/projects.api.ts';
import { projectsWeb } from './modules/projects/projects.web.tsx';
import { programmesApi } from './modules/programmes/programmes.api.ts';
import { programmesWeb } from './modules/programmes/programmes.web.tsx';
import { visitsApi } from './modules/visits/visits.api.ts';
import { visitsWeb } from './modules/visits/visits.web.tsx';
import { pipelineWeb } from './modules/pipeline/pipeline.web.tsx';
import { dashboardsWeb } from './modules/dashboards/dashboards.web.tsx';
import { dashboardsApi } from './modules/dashboards/dashboards.api.ts';
import { UPLOAD_PATH, UPLOAD_REQUEST_LIMIT, uploadsWeb } from './modules/news/uploads.ts';
import { FILES_PATH, FILES_REQUEST_LIMIT } from './modules/files/files.service.ts';

const STATIC_DIR = relative(process.cwd(), fileURLToPath(new URL('./web/static', import.meta.url)));
/** Bodies above this are refused before they are read; upload routes set their own limits. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the whole HTTP application for one instance; no global state, so tests can build many. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.notFound(notFound);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use('*', requestId());
  app.use('*', requestLog());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ status: 'ready', database: deps.database.kind });
    } catch (err) {
      c.var.log.warn({ err }, 'readiness check failed');
      throw new AppError('unavailable');
    }
  });
  app.use(
    '/static/*',
    serveStatic({ root: STATIC_DIR, rewriteRequestPath: (p) => p.replace(/^\/static/, '') }),
  );
  // Public, cookie-free GETs: uploaded images, /sitemap.xml, /robots.txt.
  app.route('/', uploadsWeb);
  app.route('/', discoveryWeb);

  const tooLarge = () => {
    throw new AppError('payload_too_large');
  };
  // Upload forms carry more than other requests; they are refused too, past their own limits.
  const carriesFiles = (path: string) => UPLOAD_PATH.test(path) || FILES_PATH.test(path);
  app.use(
    '*',
    except((c) => carriesFiles(c.req.path), bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge })),
  );
  app.use(
    '*',
    except(
      (c) => !FILES_PATH.test(c.req.path),
      bodyLimit({ maxSize: FILES_REQUEST_LIMIT, onError: tooLarge }),
    ),
  );
  app.use(
    '*',
    except(
      (c) => !UPLOAD_PATH.test(c.req.path),
      bodyLimit({ maxSize: UPLOAD_REQUEST_LIMIT, onError: tooLarge }),
    ),
  );
  app.use('*', sessionLoader());
  app.use('*', csrfProtection());

  // `/` picks a language: the remembered choice, then the browser's preference, then English.
  app.get('/', (c) => {
    const remembered = getCookie(c, LANG_COOKIE);
    const lang = isLang(remembered) ? remembered : (negotiateLang(c.req.header('accept-language')) ?? 'en');
    c.header('Vary', 'Cookie, Accept-Language');
    return c.redirect(`/${lang}/`, 302);
  });

  const web = new Hono<AppEnv>();
  web.route('/', regionsWeb);
  web.route('/', accountsWeb);
  web.route('/', auditWeb);
  web.route('/', newsWeb);
  // Before the listings: /listings/{ref}/interest belongs to the interests module.
  web.route('/', interestsWeb);
  web.route('/', listingsWeb);
  web.route('/', notificationsWeb);
  web.route('/', agreementsWeb);
  web.route('/', projectsWeb);
  web.route('/', programmesWeb);
  web.route('/', visitsWeb);
  web.route('/', pipelineWeb);
  web.route('/', dashboardsWeb);
  web.route('/', taxonomyWeb);
  for (const lang of LANGS) {
    app.use(`/${lang}`, pageLang(lang));
    app.use(`/${lang}/*`, pageLang(lang));
    app.get(`/${lang}`, (c) => c.redirect(`/${lang}/`, 301));
    // The home page is `/en/` (with the slash): mounting it inside `web` would make it `/en`.
    app.route(`/${lang}/`, homeWeb);
    app.route(`/${lang}`, web);
  }

  const api = newApi();
  api.route('/', regionsApi);
  api.route('/', accountsApi);
  api.route('/', newsApi);
  api.route('/', listingsApi);
  api.route('/', interestsApi);
  api.route('/', notificationsApi);
  api.route('/', agreementsApi);
  api.route('/', projectsApi);
  api.route('/', programmesApi);
  api.route('/', visitsApi);
  api.route('/', dashboardsApi);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Counterpart API', version: '1' },
    servers: [{ url: '/api/v1' }],
  });
  app.route('/api/v1', api);
  return app;
}
