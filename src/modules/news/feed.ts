import { Feed } from 'feed';
import type { DbOrTx } from '../../db/client.ts';
import { HTML_LANG } from '../../lib/i18n.ts';
import { shellMsg } from '../../web/messages.ts';
import { plainText, renderBody } from './body.ts';
import { newsMsg } from './messages.ts';
import { latestNews } from './news.read.ts';
import { articleUrl } from './news.service.ts';

export const FEED_SIZE = 50;

/** The feed library marks titles and summaries as HTML: plain text must be escaped to stay text. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Atom 1.0 of the newest published articles of a language, with absolute addresses. */
export async function atomFeed(db: DbOrTx, lang: 'en' | 'zh', publicUrl: string): Promise<string> {
  const t = newsMsg(lang);
  const items = await latestNews(db, lang, FEED_SIZE);
  const home = `${publicUrl}/${lang}/news`;
  const feed = new Feed({
    id: home,
    title: t('feedTitle'),
    description: t('newsIntro'),
    link: home,
    language: HTML_LANG[lang],
    feedLinks: { atom: `${home}/feed.xml` },
    updated:
      items.reduce<Date | undefined>((max, a) => {
        const at = a.lastEditedAt ?? a.publishedAt!;
        return !max || at > max ? at : max;
      }, undefined) ?? new Date(0),
    author: { name: shellMsg(lang)('siteName'), link: `${publicUrl}/${lang}/` },
    copyright: shellMsg(lang)('siteName'),
    generator: false,
  });
  for (const a of items) {
    const link = `${publicUrl}${articleUrl(a)}`;
    feed.addItem({
      id: link,
      title: escapeHtml(a.title),
      link,
      date: a.lastEditedAt ?? a.publishedAt!,
      published: a.publishedAt!,
      description: escapeHtml(a.summary || plainText(a.bodySource, a.bodyFormat).slice(0, 280)),
      content: renderBody(a.bodySource, a.bodyFormat, { absoluteBase: publicUrl }),
      category: a.section
        ? [{ name: lang === 'zh' ? a.section.nameZh : a.section.nameEn, term: a.section.key }]
        : [],
    });
  }
  // The library writes `language` only into RSS; Atom states it with xml:lang on the root.
  return feed
    .atom1()
    .replace(
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${HTML_LANG[lang]}">`,
    );
}
