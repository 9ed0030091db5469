/** Tests only: what a coordinator types into the visit forms, and a published article to link. */
import type { Database } from '../../db/client.ts';
import { SYSTEM } from '../audit/audit.service.ts';
import { upsertImportedArticle } from '../news/news.service.ts';
import type { AreaInput, ParticipantInput, VisitInput } from './fields.ts';

export { actingAs, contextFor } from '../listings/testing.ts';

/** The reference talks (Zhejiang hosting Jilin in Hangzhou), with defaults a test may replace. */
export function visitInput(over: Partial<VisitInput> = {}): VisitInput {
  return {
    kind: 'visit',
    titleZh: '吉林省代表团来浙江考察',
    titleEn: 'Jilin delegation’s investigation trip in Zhejiang',
    startsOn: '2017-09-06',
    endsOn: '2017-09-07',
    hostRegionCode: 'CN-ZJ',
    hostAreaCode: '330100',
    visitingRegionCode: 'CN-JL',
    places: 'Hangzhou',
    summaryZh: '两省举行座谈。',
    summaryEn: 'The two provinces held talks.',
    ...over,
  };
}

export function participant(over: Partial<ParticipantInput> = {}): ParticipantInput {
  return { name: '车俊', nameEn: 'Che Jun', title: '浙江省委书记', side: 'host', ...over };
}

export function areaInput(over: Partial<AreaInput> = {}): AreaInput {
  return {
    titleZh: '吉林产品与浙江市场对接',
    titleEn: 'Jilin products and the Zhejiang market',
    owner: { regionCode: 'CN-ZJ', office: '浙江省商务厅', officeEn: 'Zhejiang Department of Commerce' },
    dueOn: '2018-12-31',
    ...over,
  };
}

let seq = 0;
/** A published (imported) article in one language; returns its id and slug. */
export async function publishedArticle(database: Database, lang: 'en' | 'zh' = 'en', title?: string) {
  const a = await upsertImportedArticle(
    database.db,
    {
      importKey: `visits-test:${process.pid}:${++seq}`,
      lang,
      title:
        title ?? (lang === 'en' ? `Jilin delegation in Zhejiang ${seq}` : `吉林省代表团来浙江考察 ${seq}`),
      paragraphs: [lang === 'en' ? 'The two provinces met.' : '两省举行座谈。'],
      sectionKey: null,
      publishedAt: new Date('2017-09-11T10:13:57+08:00'),
    },
    SYSTEM,
  );
  return { id: a.id, slug: a.slug };
}
