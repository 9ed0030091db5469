import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { Context } from 'hono';
import { HTML_LANG, otherLang, type Lang } from '../lib/i18n.ts';
import type { AppEnv } from './env.ts';
import { shellMsg } from './messages.ts';

export interface PageProps {
  title: string;
  /** Extra `<head>` content: canonical links, Open Graph, alternates. */
  head?: Child;
  /** `print` renders the same content with only the print stylesheet's parts kept. */
  variant?: 'normal' | 'print';
  /**
   * The same page in the other language (a path under its prefix), for the language switch and the
   * alternate link; null when the page has no counterpart (the switch then goes to that language's home).
   * Default: the current path.
   */
  otherPath?: string | null;
  children: Child;
}

/** Builds a site-local link in the page's language: `href(lang, '/regions')` → `/en/regions`. */
export function href(lang: Lang, path: string): string {
  return `/${lang}${path === '/' ? '/' : path}`;
}

/** The hidden CSRF field every form that changes state must carry. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Renders a whole page (with DOCTYPE) in the shell: header, navigation, language switch, footer. */
export function renderPage(
  c: Context<AppEnv>,
  props: PageProps,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 413 | 429 | 500 = 200,
) {
  const lang = c.var.lang;
  const t = shellMsg(lang);
  const user = c.var.user;
  const other = otherLang(lang);
  const nav: { path: string; label: string }[] = [
    { path: '/', label: t('navHome') },
    { path: '/news', label: t('navNews') },
    { path: '/listings', label: t('navListings') },
    { path: '/projects', label: t('navProjects') },
    { path: '/visits', label: t('navVisits') },
    { path: '/programmes', label: t('navProgrammes') },
    { path: '/dashboard', label: t('navDashboards') },
    { path: '/regions', label: t('navRegions') },
  ];
  // Those who take part in cooperation follow it in their pipeline; a pending organisation's members don't yet.
  if (user && (user.role !== 'member' || user.orgStatus === 'approved')) {
    nav.push({ path: '/pipeline', label: t('navPipeline') });
  }
  if (user?.role === 'coordinator') {
    nav.push({ path: '/coordinator/organisations', label: t('coordination') });
    nav.push({ path: '/coordinator/listings', label: t('reviewListings') });
  }
  if (user?.role === 'admin') nav.push({ path: '/admin', label: t('admin') });
  const current = c.var.localPath;
  const otherPath = props.otherPath === undefined ? current : (props.otherPath ?? '/');
  const page = (
    <html lang={HTML_LANG[lang]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · ${t('siteName')}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {props.otherPath === null ? null : (
          <link rel="alternate" hreflang={HTML_LANG[other]} href={href(other, otherPath)} />
        )}
        {props.head}
        <script src="/static/app.js" defer></script>
      </head>
      <body class={props.variant === 'print' ? 'print-view' : undefined}>
        <a class="skip-link" href="#main">
          {t('skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={href(lang, '/')}>
              <span class="brand-name">{t('siteName')}</span>
              <span class="brand-tagline">{t('siteTagline')}</span>
            </a>
            <div class="header-tools">
              <a
                class="lang-switch"
                href={href(other, otherPath)}
                lang={HTML_LANG[other]}
                hreflang={HTML_LANG[other]}
              >
                {t('switchLanguage')}
              </a>
              {user ? (
                <>
                  <a href={href(lang, '/notifications')}>
                    {c.var.unread > 0
                      ? t('navNotificationsUnread', { count: c.var.unread })
                      : t('navNotifications')}
                  </a>
                  <a href={href(lang, '/account')}>{t('account')}</a>
                  <form method="post" action={href(lang, '/sign-out')} class="inline-form">
                    <CsrfField token={c.var.csrfToken} />
                    <button type="submit" class="link-button">
                      {t('signOut')}
                    </button>
                  </form>
                </>
              ) : (
                <a href={href(lang, `/sign-in?next=${encodeURIComponent(href(lang, current))}`)}>
                  {t('signIn')}
                </a>
              )}
            </div>
          </div>
          <nav class="site-nav" aria-label={t('navLabel')}>
            <ul class="wrap">
              {nav.map((item) => (
                <li>
                  <a
                    href={href(lang, item.path)}
                    aria-current={isCurrent(current, item.path) ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('footerAbout')}</p>
            <p>{t('footerNote')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      {page}
    </>,
    status,
  );
}

function isCurrent(current: string, path: string): boolean {
  return path === '/' ? current === '/' : current === path || current.startsWith(`${path}/`);
}

/** A breadcrumb trail from the home page; the last item is the current page and is not a link. */
export function Breadcrumb({ lang, items }: { lang: Lang; items: { label: string; path?: string }[] }) {
  const t = shellMsg(lang);
  return (
    <nav class="breadcrumb" aria-label={t('breadcrumbLabel')}>
      <ol>
        {[{ label: t('navHome'), path: '/' }, ...items].map((item) => (
          <li>
            {item.path ? (
              <a href={href(lang, item.path)}>{item.label}</a>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
