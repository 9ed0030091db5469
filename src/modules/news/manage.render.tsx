import type { Context } from 'hono';
import { z } from 'zod';
import { otherLang } from '../../lib/i18n.ts';
import type { AppEnv } from '../../web/env.ts';
import { ErrorSummary, type FormErrors } from '../../web/forms.tsx';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { authorize } from '../accounts/policy.ts';
import { listPairings, listRegions, pairingsOf } from '../regions/regions.service.ts';
import { manageMsg, newsMsg } from './messages.ts';
import { manageableArticles, type ArticleContext } from './news.read.ts';
import type { ArticleRow } from './news.repo.ts';
import { canPublishNews } from './policy.ts';
import { BODY_FORMATS } from './schema.ts';
import { listSections } from './sections.service.ts';
import {
  ArticleForm,
  formValues,
  type ArticleFormOptions,
  type ArticleFormValues,
} from './views/article-form.tsx';
import { DoneNotice, StatusPanel } from './views/manage-page.tsx';

// The new and edit pages of the publishing screens, rendered for GETs and for posts that failed.

const blank = (s: string) => s || null;

/** The article form as posted: blanks are "none"; line ends normalised. */
export const ArticleFormSchema = z.object({
  lang: z.enum(['en', 'zh']),
  title: z.string().default(''),
  summary: z.string().default(''),
  bodySource: z
    .string()
    .default('')
    .transform((s) => s.replace(/\r\n?/g, '\n')),
  bodyFormat: z.enum(BODY_FORMATS).default('markdown'),
  section: z.string().trim().default('').transform(blank),
  regionCode: z.string().trim().default('').transform(blank),
  pairingId: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/)
    .default('')
    .transform((s) => (s ? Number(s) : null)),
  translationOf: z.string().trim().default('').transform(blank),
  minorChange: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});

export function requirePublisher(c: Context<AppEnv>) {
  authorize(c.var.user, canPublishNews(c.var.user));
  return c.var.user!;
}

async function formOptions(c: Context<AppEnv>, article?: ArticleRow): Promise<ArticleFormOptions> {
  const user = requirePublisher(c);
  const db = c.var.deps.db;
  const admin = user.role === 'admin';
  const [sections, regions, pairings, candidates] = await Promise.all([
    listSections(db),
    admin ? listRegions(db) : null,
    admin ? listPairings(db) : pairingsOf(db, user.regionCode ?? ''),
    manageableArticles(db, contextOf(c), {
      lang: article ? otherLang(article.lang) : undefined,
      page: 1,
      pageSize: 200,
    }),
  ]);
  const lang = c.var.lang;
  const translations = candidates.rows
    .filter((a) => a.id !== article?.id)
    .map((a) => (article ? a : { ...a, title: `${newsMsg(lang)(`lang_${a.lang}`)}: ${a.title}` }));
  return { sections, regions, pairings, translations };
}

export async function renderNew(
  c: Context<AppEnv>,
  values: ArticleFormValues,
  errors: FormErrors,
  status: 200 | 400 = 200,
) {
  const t = manageMsg(c.var.lang);
  return renderPage(
    c,
    {
      title: t('newArticle'),
      children: (
        <>
          <h1>{t('newArticle')}</h1>
          <ErrorSummary title={t('errorSummary')} errors={errors} />
          <ArticleForm
            lang={c.var.lang}
            csrf={c.var.csrfToken}
            values={values}
            errors={errors}
            options={await formOptions(c)}
          />
        </>
      ),
    },
    status,
  );
}

export async function renderEdit(
  c: Context<AppEnv>,
  ctx: ArticleContext,
  form: { values?: ArticleFormValues; errors?: FormErrors; scheduledAt?: string },
  status: 200 | 400 | 409 = 200,
) {
  const t = manageMsg(c.var.lang);
  const a = ctx.article;
  const options = await formOptions(c, a);
  const errors = form.errors ?? {};
  return renderPage(
    c,
    {
      title: `${t('editArticle')}: ${a.title}`,
      children: (
        <>
          <h1>{t('editArticle')}</h1>
          <DoneNotice lang={c.var.lang} done={c.req.query('done')} />
          <ErrorSummary title={t('errorSummary')} errors={errors} />
          <StatusPanel
            lang={c.var.lang}
            csrf={c.var.csrfToken}
            article={a}
            errors={errors}
            scheduledAt={form.scheduledAt}
          />
          <ArticleForm
            lang={c.var.lang}
            csrf={c.var.csrfToken}
            values={form.values ?? formValues(a, options.sections, ctx.translations[0])}
            errors={errors}
            options={options}
            article={a}
          />
        </>
      ),
    },
    status,
  );
}
