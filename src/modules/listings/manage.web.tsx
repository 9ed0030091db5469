/** The listing pages that change things: post, edit, renew, close, review; my listings and the review queue. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { invalid } from '../../lib/errors.ts';
import { bilingual } from '../../lib/i18n.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { shellMsg } from '../../web/messages.ts';
import { contextOf } from '../accounts/context.ts';
import { listOrganisations } from '../accounts/organisations.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { regionTree } from '../regions/regions.service.ts';
import { ListingInput, MAX_TAG_CHARS, MAX_TAGS } from './fields.ts';
import {
  doneUrl,
  inPageLang,
  pageNumber,
  placesIn,
  placesOf,
  refParam,
  renderListing,
  reviewsListings,
} from './listing.render.tsx';
import {
  browseListings,
  closeListing,
  createListing,
  getListing,
  myListings,
  renewListing,
  reviewListing,
  updateListing,
  type ListingView,
} from './listings.service.ts';
import { canCreateListings, publishesDirectly } from './policy.ts';
import { listingsUi } from './ui-messages.ts';
import { ListingForm, formValuesOf, type OrgChoice } from './views/listing-form.tsx';
import { MinePage, QueuePage, WORK_PAGE_SIZE } from './views/work-pages.tsx';

/** Mounted before the listing page, so that /listings/new and /listings/mine are not read as refs. */
export const manageWeb = new Hono<AppEnv>();

const msg = (key: Parameters<ReturnType<typeof listingsUi>>[0], params?: Record<string, number>) =>
  bilingual(listingsUi('en')(key, params), listingsUi('zh')(key, params));

/** Keywords as typed: separated by ASCII or full-width commas (or 、), blanks dropped. */
function splitTags(s: string): string[] {
  return s
    .split(/[,，、]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** The form's strings read into a ListingInput: keywords split, the amount read as a number. */
const ListingFormSchema = z.object({
  orgId: ListingInput.shape.orgId,
  areaCode: ListingInput.shape.areaCode,
  direction: ListingInput.shape.direction,
  category: ListingInput.shape.category,
  sector: ListingInput.shape.sector,
  title: ListingInput.shape.title,
  description: ListingInput.shape.description,
  language: ListingInput.shape.language,
  tags: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const tags = splitTags(s);
      if (tags.length > MAX_TAGS)
        ctx.addIssue({ code: 'custom', message: msg('tagsTooMany', { max: MAX_TAGS }) });
      if (tags.some((t) => t.length > MAX_TAG_CHARS)) {
        ctx.addIssue({ code: 'custom', message: msg('tagTooLong', { max: MAX_TAG_CHARS }) });
      }
      return tags;
    }),
  amountCny: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return undefined;
      const n = Number(s.replace(/[\s,，]/g, ''));
      if (!Number.isFinite(n)) ctx.addIssue({ code: 'custom', message: msg('amountNotNumber') });
      else if (n <= 0) ctx.addIssue({ code: 'custom', message: msg('amountNotPositive') });
      return n;
    })
    .pipe(ListingInput.shape.amountCny),
  validUntil: ListingInput.shape.validUntil,
});

/** The organisations a coordinator (own region) or admin may post for; null for members. */
async function orgChoices(c: Context<AppEnv>): Promise<OrgChoice[] | null> {
  const viewer = c.var.user;
  if (!viewer || viewer.role === 'member') return null;
  const { rows } = await listOrganisations(c.var.deps, contextOf(c), {
    statuses: ['approved'],
    regionCode: viewer.role === 'coordinator' ? (viewer.regionCode ?? '-') : undefined,
    page: 1,
    pageSize: 1000,
  });
  const lang = c.var.lang;
  return rows
    .map((o) => ({ id: o.id, name: lang === 'zh' ? o.nameZh : o.nameEn }))
    .sort((a, b) => a.name.localeCompare(b.name, lang === 'zh' ? 'zh-CN' : 'en'));
}

function requirePoster(c: Context<AppEnv>): void {
  const viewer = requireViewer(c.var.user);
  authorize(viewer, canCreateListings(viewer));
}

async function renderNew(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 409 = 200,
) {
  const lang = c.var.lang;
  return renderPage(
    c,
    {
      title: listingsUi(lang)('newTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <ListingForm
          lang={lang}
          csrf={c.var.csrfToken}
          values={values}
          errors={errors}
          orgs={await orgChoices(c)}
          direct={publishesDirectly(c.var.user)}
        />
      ),
    },
    status,
  );
}

function renderEdit(
  c: Context<AppEnv>,
  view: ListingView,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 | 409 = 200,
) {
  const lang = c.var.lang;
  const l = view.listing;
  return renderPage(
    c,
    {
      title: listingsUi(lang)('editTitle', { title: l.title }),
      head: <meta name="robots" content="noindex" />,
      children: (
        <ListingForm
          lang={lang}
          csrf={c.var.csrfToken}
          values={values}
          errors={errors}
          orgs={null}
          direct={publishesDirectly(c.var.user)}
          listing={{ ref: l.ref, title: l.title, orgName: lang === 'zh' ? view.org.nameZh : view.org.nameEn }}
        />
      ),
    },
    status,
  );
}

manageWeb.get('/listings/new', (c) => {
  requirePoster(c);
  return renderNew(c, {}, {});
});

manageWeb.post('/listings/new', async (c) => {
  requirePoster(c);
  const lang = c.var.lang;
  const values = await readForm(c);
  const form = parseForm(ListingFormSchema, values, lang);
  if (!form.ok) return renderNew(c, values, form.errors, 400);
  const result = await tryUseCase(() => createListing(c.var.deps, contextOf(c), form.data), lang, 'title');
  if (!result.ok)
    return renderNew(c, values, inPageLang(result.errors, lang), result.status === 409 ? 409 : 400);
  return c.redirect(doneUrl(lang, result.value.ref, 'created'), 303);
});

// -------------------------------------------------------------------------------- my listings, the queue

manageWeb.get('/listings/mine', async (c) => {
  const ctx = contextOf(c);
  const viewer = requireViewer(ctx.viewer);
  const page = pageNumber.parse(c.req.query('page'));
  const [mine, places] = await Promise.all([myListings(c.var.deps, ctx, page, WORK_PAGE_SIZE), placesOf(c)]);
  return renderPage(c, {
    title: listingsUi(c.var.lang)('mineTitle'),
    head: <meta name="robots" content="noindex" />,
    children: (
      <MinePage
        lang={c.var.lang}
        hasOrg={Boolean(viewer.orgId)}
        canPost={canCreateListings(viewer)}
        rows={mine.rows}
        total={mine.total}
        page={page}
        places={places}
      />
    ),
  });
});

const QueueQuery = z.object({
  region: z
    .string()
    .regex(/^CN-[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  done: z.enum(['approved', 'rejected']).optional().catch(undefined),
  page: pageNumber,
});

manageWeb.get('/coordinator/listings', async (c) => {
  const ctx = contextOf(c);
  const viewer = requireViewer(ctx.viewer);
  authorize(viewer, reviewsListings(viewer));
  const q = QueueQuery.parse(c.req.query());
  const ownRegion = viewer.role === 'coordinator' ? (viewer.regionCode ?? undefined) : undefined;
  const region = ownRegion ? undefined : q.region;
  const [data, tree] = await Promise.all([
    browseListings(c.var.deps, ctx, {
      state: 'pending',
      regions: region ? [region] : undefined,
      page: q.page,
      pageSize: WORK_PAGE_SIZE,
    }),
    regionTree(c.var.deps.db),
  ]);
  const places = placesIn(tree);
  return renderPage(c, {
    title: listingsUi(c.var.lang)('queueTitle'),
    children: (
      <QueuePage
        lang={c.var.lang}
        csrf={c.var.csrfToken}
        ownRegion={ownRegion}
        region={region}
        provinces={tree.map((n) => n.province.code)}
        rows={data.rows}
        total={data.total}
        page={q.page}
        places={places}
        done={q.done}
      />
    ),
  });
});

// ---------------------------------------------------------------------------------------- changing one

manageWeb.get('/listings/:ref/edit', async (c) => {
  const view = await getListing(c.var.deps, contextOf(c), refParam(c));
  authorize(c.var.user, view.canManage);
  return renderEdit(c, view, formValuesOf(view.listing), {});
});

manageWeb.post('/listings/:ref/edit', async (c) => {
  const ref = refParam(c);
  const lang = c.var.lang;
  const view = await getListing(c.var.deps, contextOf(c), ref);
  authorize(c.var.user, view.canManage);
  const values = await readForm(c);
  const form = parseForm(ListingFormSchema, values, lang);
  if (!form.ok) return renderEdit(c, view, values, form.errors, 400);
  const { orgId: _ignored, ...input } = form.data;
  const result = await tryUseCase(() => updateListing(c.var.deps, contextOf(c), ref, input), lang, 'title');
  if (!result.ok) {
    return renderEdit(c, view, values, inPageLang(result.errors, lang), result.status === 409 ? 409 : 400);
  }
  return c.redirect(doneUrl(lang, ref, 'saved'), 303);
});

manageWeb.post('/listings/:ref/renew', async (c) => {
  const ref = refParam(c);
  const validUntil = (await readForm(c)).validUntil?.trim() ?? '';
  const result = await tryUseCase(
    () => renewListing(c.var.deps, contextOf(c), ref, validUntil),
    c.var.lang,
    'validUntil',
  );
  if (!result.ok)
    return renderListing(c, ref, { errors: result.errors, renewValue: validUntil, status: 400 });
  return c.redirect(doneUrl(c.var.lang, ref, 'renewed'), 303);
});

manageWeb.post('/listings/:ref/close', async (c) => {
  const ref = refParam(c);
  const result = await tryUseCase(() => closeListing(c.var.deps, contextOf(c), ref), c.var.lang, 'close');
  if (!result.ok)
    return renderListing(c, ref, { errors: result.errors, status: result.status === 409 ? 409 : 400 });
  return c.redirect(doneUrl(c.var.lang, ref, 'closed'), 303);
});

const MAX_NOTE_CHARS = 2000;

manageWeb.post('/listings/:ref/review', async (c) => {
  const ref = refParam(c);
  const lang = c.var.lang;
  const values = await readForm(c);
  const decision =
    values.decision === 'approve' || values.decision === 'reject' ? values.decision : undefined;
  const note = values.note?.trim() || null;
  const result = await tryUseCase(
    () => {
      if (!decision) throw invalid('decision', listingsUi(lang)('chooseDecision'));
      if (note && note.length > MAX_NOTE_CHARS) {
        throw invalid('note', shellMsg(lang)('maxChars', { max: MAX_NOTE_CHARS }));
      }
      return reviewListing(c.var.deps, contextOf(c), ref, decision, note);
    },
    lang,
    'decision',
  );
  if (!result.ok)
    return renderListing(c, ref, { errors: result.errors, status: result.status === 409 ? 409 : 400 });
  const done = decision === 'approve' ? 'approved' : 'rejected';
  if (values.back === 'queue') return c.redirect(href(lang, `/coordinator/listings?done=${done}`), 303);
  return c.redirect(doneUrl(lang, ref, done), 303);
});
