import { existsSync, readFileSync } from 'node:fs';
import type { Database } from '../../db/client.ts';
import { makeUser } from '../../test/factories.ts';
import type { UseCaseContext } from '../accounts/context.ts';
import type { SessionUser } from '../accounts/sessions.ts';
import type { ArticleFields } from './fields.ts';
import type { ImportedArticleInput } from './imported.ts';

// Tests only: the reference page and use-case contexts for users made by the factories.

const FILE = '2017-09-11-jilin-delegation-in-zhejiang.txt';
/** The demo content's copy, else the shared sample beside the repository. */
const SAMPLE = [
  new URL(`../demo/content/${FILE}`, import.meta.url),
  new URL(`../../../../shared/samples/news/${FILE}`, import.meta.url),
].find((u) => existsSync(u));

/** The reference article's parts, read plainly (the legacy importer has its own, stricter parser). */
export function referencePage(): { title: string; publishedAt: Date; paragraphs: string[] } {
  if (!SAMPLE) throw new Error(`reference page ${FILE} not found`);
  const lines = readFileSync(SAMPLE, 'utf8').split(/\r?\n/);
  const paragraphs = lines
    .slice(3)
    .map((l) => l.trim())
    .filter((l) => l && l !== '[Print] [Close]');
  return {
    title: lines[1]!.trim(),
    publishedAt: new Date(`${lines[2]!.trim().replace(' ', 'T')}+08:00`),
    paragraphs,
  };
}

/** The reference page as import input (English, no section) under `importKey`; `over` replaces parts. */
export function referenceInput(
  importKey: string,
  over: Partial<ImportedArticleInput> = {},
): ImportedArticleInput {
  const ref = referencePage();
  return {
    importKey,
    lang: 'en',
    title: ref.title,
    paragraphs: ref.paragraphs,
    sectionKey: null,
    publishedAt: ref.publishedAt,
    ...over,
  };
}

/** A use-case context acting as a user made by the factories. */
export function contextFor(
  user: { id: string; email: string },
  role: SessionUser['role'],
  regionCode: string | null = null,
  lang: 'en' | 'zh' = 'en',
): UseCaseContext & { viewer: SessionUser } {
  const viewer: SessionUser = {
    id: user.id,
    email: user.email,
    name: 'Test',
    role,
    regionCode,
    orgId: null,
    orgStatus: null,
    preferredLang: lang,
  };
  return { viewer, lang, requestId: 'test' };
}

/** A new user in the database and a use-case context acting as them. */
export async function actingAs(
  database: Database,
  role: SessionUser['role'],
  regionCode: string | null = null,
  lang: 'en' | 'zh' = 'en',
): Promise<UseCaseContext & { viewer: SessionUser }> {
  const user = await makeUser(database, { role, regionCode: regionCode ?? undefined });
  return contextFor(user, role, regionCode, lang);
}

/** Fields of an article with defaults for what a test does not care about. */
export function fields(over: Partial<ArticleFields> = {}): ArticleFields {
  return {
    title: 'Cooperation between Jilin and Zhejiang',
    summary: '',
    bodySource: 'The two provinces agreed on cooperation in tourism.',
    bodyFormat: 'markdown',
    section: 'news',
    regionCode: null,
    pairingId: null,
    ...over,
  };
}
