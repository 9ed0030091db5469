import { Hono } from 'hono';
import type { Db } from '../../db/client.ts';
import { HTML_LANG, LANGS, type Lang } from '../../lib/i18n.ts';
import type { AppEnv } from '../../web/env.ts';
import { listPairings, listRegions } from '../regions/regions.service.ts';
import { latestPublishedChange, publishedAddresses } from './news.read.ts';
import { articleUrl } from './news.service.ts';

interface SitemapEntry {
  /** The page in each language that has it (the same page translated). */
  paths: Partial<Record<Lang, string>>;
  lastmod: Date;
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const latest = (dates: (Date | null | undefined)[], fallback: Date): Date =>
  dates.reduce<Date>((max, d) => (d && d > max ? d : max), fallback);

const both = (path: string): Partial<Record<Lang, string>> =>
  Object.fromEntries(LANGS.map((l) => [l, `/${l}${path}`]));

/** Every public page with its last change: home pages, the news list, articles, regions and pairings. */
export async function sitemapEntries(db: Db): Promise<SitemapEntry[]> {
  const [regions, pairings, articles, newsChange] = await Promise.all([
    listRegions(db),
    listPairings(db),
    publishedAddresses(db),
    latestPublishedChange(db),
  ]);
  // Regions are reference data: their pages change when their pairings do.
  const referenceDate = latest(
    pairings.map((p) => p.updatedAt),
    new Date('2017-03-07T00:00:00+08:00'),
  );
  const entries: SitemapEntry[] = [
    { paths: both('/'), lastmod: latest([newsChange], referenceDate) },
    { paths: both('/news'), lastmod: newsChange ?? referenceDate },
    { paths: both('/regions'), lastmod: referenceDate },
  ];
  for (const r of regions) {
    const own = pairings.filter((p) => p.aCode === r.code || p.bCode === r.code).map((p) => p.updatedAt);
    entries.push({
      paths: both(`/regions/${r.code}`),
      lastmod: latest(own, new Date('2017-03-07T00:00:00+08:00')),
    });
  }
  for (const p of pairings) entries.push({ paths: both(`/pairings/${p.id}`), lastmod: p.updatedAt });
  const groups = new Map<string, SitemapEntry>();
  for (const a of articles) {
    const entry = groups.get(a.translationGroup) ?? { paths: {}, lastmod: a.updatedAt };
    entry.paths[a.lang] = articleUrl(a);
    entry.lastmod = latest([a.updatedAt], entry.lastmod);
    groups.set(a.translationGroup, entry);
  }
  return [...entries, ...groups.values()];
}

/** sitemaps.org XML; pages that exist in both languages name each other with xhtml:link alternates. */
export function sitemapXml(entries: SitemapEntry[], publicUrl: string): string {
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  for (const e of entries) {
    const langs = LANGS.filter((l) => e.paths[l]);
    for (const lang of langs) {
      out.push(
        `<url><loc>${xml(publicUrl + e.paths[lang]!)}</loc><lastmod>${e.lastmod.toISOString()}</lastmod>`,
      );
      if (langs.length > 1) {
        for (const alt of langs) {
          out.push(
            `<xhtml:link rel="alternate" hreflang="${HTML_LANG[alt]}" href="${xml(publicUrl + e.paths[alt]!)}"/>`,
          );
        }
      }
      out.push('</url>');
    }
  }
  out.push('</urlset>');
  return out.join('\n');
}

/** `/sitemap.xml` and `/robots.txt`, mounted at the root of the app. */
export const discoveryWeb = new Hono<AppEnv>();

discoveryWeb.get('/sitemap.xml', async (c) => {
  const { db, config } = c.var.deps;
  const body = sitemapXml(await sitemapEntries(db), config.publicUrl);
  return c.body(body, 200, {
    'Content-Type': 'application/xml; charset=utf-8',
    'Cache-Control': 'public, max-age=300',
  });
});

discoveryWeb.get('/robots.txt', (c) => {
  const lines = ['User-agent: *', 'Disallow: /api/'];
  for (const lang of LANGS) {
    for (const path of ['/news/manage', '/news/search', '/admin', '/account', '/sign-in'])
      lines.push(`Disallow: /${lang}${path}`);
  }
  lines.push('', `Sitemap: ${c.var.deps.config.publicUrl}/sitemap.xml`, '');
  return c.text(lines.join('\n'), 200, { 'Cache-Control': 'public, max-age=3600' });
});
