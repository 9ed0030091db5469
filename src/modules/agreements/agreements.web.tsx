/** The agreements pages: record one (with documents), the list, one agreement, confirm, add documents. */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Lang } from '../../lib/i18n.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import { formStrings, type FormErrors } from '../../web/forms.tsx';
import { href, renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { listOrganisations, organisationsByIds } from '../accounts/organisations.service.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { downloadHeaders } from '../files/files.service.ts';
import { interestSummaries } from '../interests/interests.read.ts';
import { listingSummaries, visibleListingByRef } from '../listings/listings.service.ts';
import { listRegions } from '../regions/regions.service.ts';
import {
  addDocuments,
  agreementDocument,
  confirmAgreement,
  getAgreement,
  listAgreements,
  recordAgreement,
} from './agreements.service.ts';
import { isId } from './agreements.repo.ts';
import type { AgreementInput } from './fields.ts';
import { AGREEMENT_TYPES } from './kinds.ts';
import { canRecordAgreements } from './policy.ts';
import { agreementsUi } from './ui-messages.ts';
import { AgreementForm, PARTY_FIELDS, type SourceChoice } from './views/agreement-form.tsx';
import { AgreementList, LIST_PAGE_SIZE } from './views/agreement-list.tsx';
import { AgreementPage, DONE, type Done } from './views/agreement-page.tsx';
import { langAttr, regionName, type RegionNames } from './views/parts.tsx';

export const agreementsWeb = new Hono<AppEnv>();

async function regionNames(c: Context<AppEnv>): Promise<RegionNames> {
  return new Map((await listRegions(c.var.deps.db)).map((r) => [r.code, r]));
}

function requireRecorder(c: Context<AppEnv>) {
  const viewer = requireViewer(c.var.user);
  authorize(viewer, canRecordAgreements(viewer));
  return viewer;
}

/** Approved organisations to choose parties from, by name, each with its region. */
async function orgChoices(c: Context<AppEnv>, regions: RegionNames) {
  const lang = c.var.lang;
  const { rows } = await listOrganisations(c.var.deps, contextOf(c), {
    statuses: ['approved'],
    page: 1,
    pageSize: 1000,
  });
  return rows
    .map((o) => ({
      id: o.id,
      name: lang === 'zh' ? o.nameZh : o.nameEn,
      region: regionName(regions, o.regionCode, lang),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, lang === 'zh' ? 'zh-CN' : 'en'))
    .map((o) => ({ id: o.id, label: `${o.name} (${o.region})` }));
}

/**
 * The sources a form was opened from (or carries again), with the parties they suggest. Only sources
 * the viewer takes part in are offered; anything else is left out quietly (the use case checks again).
 */
async function sourcesOf(c: Context<AppEnv>, interestId: string | undefined, listingRef: string | undefined) {
  const lang = c.var.lang;
  const t = agreementsUi(lang);
  const viewer = requireViewer(c.var.user);
  const sources: SourceChoice[] = [];
  const orgIds: string[] = [];
  if (interestId && isId(interestId)) {
    const [i] = await interestSummaries(c.var.deps.db, [interestId]);
    const orgs = i ? await organisationsByIds(c.var.deps.db, [i.fromOrgId, i.toOrgId]) : [];
    const involved =
      viewer.role === 'admin' ||
      (viewer.role === 'member' && (viewer.orgId === i?.fromOrgId || viewer.orgId === i?.toOrgId)) ||
      (viewer.role === 'coordinator' && orgs.some((o) => o.regionCode === viewer.regionCode));
    if (i && involved) {
      const [l] = await listingSummaries(c.var.deps.db, [i.listingId]);
      sources.push({
        field: 'interestId',
        value: i.id,
        label: l ? t('sourceInterest', { title: l.title }) : t('sourceInterestNoListing'),
        langAttr: l ? langAttr(l.language, lang) : undefined,
      });
      orgIds.push(i.fromOrgId, i.toOrgId);
    }
  }
  if (listingRef) {
    const l = await visibleListingByRef(c.var.deps, contextOf(c), listingRef);
    if (l) {
      sources.push({
        field: 'listingRef',
        value: l.ref,
        label: t('sourceListing', { title: l.title }),
        langAttr: langAttr(l.language, lang),
      });
      orgIds.push(l.orgId);
    }
  }
  return { sources, orgIds };
}

async function renderNew(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 = 200,
) {
  const viewer = requireRecorder(c);
  const lang = c.var.lang;
  const regions = await regionNames(c);
  const [orgs, ownRows, src] = await Promise.all([
    orgChoices(c, regions),
    viewer.role === 'member' && viewer.orgId ? organisationsByIds(c.var.deps.db, [viewer.orgId]) : [],
    sourcesOf(c, values.interestId, values.listingRef),
  ]);
  const own = ownRows[0]
    ? { id: ownRows[0].id, name: lang === 'zh' ? ownRows[0].nameZh : ownRows[0].nameEn }
    : null;
  return renderPage(
    c,
    {
      title: agreementsUi(lang)('newTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <AgreementForm
          lang={lang}
          csrf={c.var.csrfToken}
          values={values}
          errors={errors}
          own={own}
          orgs={orgs}
          sources={src.sources}
          coordinator={viewer.role === 'coordinator'}
        />
      ),
    },
    status,
  );
}

agreementsWeb.get('/agreements/new', async (c) => {
  const viewer = requireRecorder(c);
  const interestId = c.req.query('interest');
  const listingRef = c.req.query('listing');
  const { orgIds } = await sourcesOf(c, interestId, listingRef);
  // The parties the sources suggest: a member's own organisation first, then the others.
  const own = viewer.role === 'member' && viewer.orgId ? [viewer.orgId] : [];
  const parties = [...new Set([...own, ...orgIds])].slice(0, PARTY_FIELDS);
  const values: FormValues = { confidential: 'on', language: c.var.lang };
  parties.forEach((id, i) => (values[`party${i}`] = id));
  if (interestId) values.interestId = interestId;
  if (listingRef) values.listingRef = listingRef;
  return renderNew(c, values, {});
});

/** What the form needs before the use case: the required fields filled, the value a number. */
const FormBasics = z.object({
  type: z.enum(AGREEMENT_TYPES),
  title: z.string(),
  language: z.enum(['zh', 'en']),
  signedOn: z.string(),
});

/** The form's strings as the use case's input (blank optional fields left out). */
function inputOf(values: FormValues, lang: Lang): { input?: AgreementInput; errors: FormErrors } {
  const basics = parseForm(FormBasics, values, lang);
  const errors: FormErrors = basics.ok ? {} : { ...basics.errors };
  const raw = values.valueCny?.replace(/[\s,，]/g, '') ?? '';
  const valueCny = raw === '' ? null : Number(raw);
  if (valueCny !== null && !Number.isFinite(valueCny)) errors.valueCny = agreementsUi(lang)('valueNotNumber');
  if (!basics.ok || Object.keys(errors).length > 0) return { errors };
  const partyOrgIds = Array.from(
    { length: PARTY_FIELDS },
    (_, i) => values[`party${i}`]?.trim() ?? '',
  ).filter(Boolean);
  return {
    errors,
    input: {
      ...basics.data,
      summary: values.summary ?? '',
      signedPlace: values.signedPlace ?? '',
      valueCny,
      partyOrgIds,
      interestIds: values.interestId ? [values.interestId] : [],
      listingRefs: values.listingRef ? [values.listingRef] : [],
      confidential: values.confidential === 'on',
    },
  };
}

/** Field errors keyed by the form's names: `partyOrgIds.1` is the parties' error. */
function formKeys(errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [field, message] of Object.entries(errors)) out[field.split('.')[0]!] ??= message;
  return out;
}

/** A multipart form's strings and the files of its `documents` field. */
async function multipart(c: Context<AppEnv>): Promise<{ values: FormValues; files: File[] }> {
  const body = await c.req.parseBody({ all: true });
  const { _csrf: _ignored, ...values } = formStrings(body);
  const files = [body.documents ?? []].flat().filter((f): f is File => f instanceof File);
  return { values, files };
}

agreementsWeb.post('/agreements/new', async (c) => {
  requireRecorder(c);
  const lang = c.var.lang;
  const { values, files } = await multipart(c);
  const { input, errors } = inputOf(values, lang);
  if (!input) return renderNew(c, values, errors, 400);
  const ctx = contextOf(c);
  const result = await tryUseCase(() => recordAgreement(c.var.deps, ctx, input, files), lang, 'title');
  if (!result.ok) return renderNew(c, values, formKeys(result.errors), 400);
  const done: Done = result.value.confirmedRegions.length > 0 ? 'recordedConfirmed' : 'recorded';
  return c.redirect(href(lang, `/agreements/${result.value.id}?done=${done}`), 303);
});

agreementsWeb.get('/agreements', async (c) => {
  const viewer = requireViewer(c.var.user);
  const page = z.coerce.number().int().min(1).max(10_000).catch(1).parse(c.req.query('page'));
  const data = await listAgreements(c.var.deps, contextOf(c), { page, pageSize: LIST_PAGE_SIZE });
  return renderPage(c, {
    title: agreementsUi(c.var.lang)('listTitle'),
    head: <meta name="robots" content="noindex" />,
    children: (
      <AgreementList
        lang={c.var.lang}
        rows={data.rows}
        total={data.total}
        page={page}
        canRecord={canRecordAgreements(viewer)}
      />
    ),
  });
});

/** The agreement page, also re-rendered (with the status given) when one of its forms failed. */
async function renderAgreement(c: Context<AppEnv>, errors: FormErrors = {}, status: 200 | 400 | 409 = 200) {
  const id = c.req.param('id') ?? '';
  const view = await getAgreement(c.var.deps, contextOf(c), id);
  const doneParam = c.req.query('done');
  return renderPage(
    c,
    {
      title: view.agreement.title,
      head: <meta name="robots" content="noindex" />,
      children: (
        <AgreementPage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          view={view}
          regions={await regionNames(c)}
          done={status === 200 ? DONE.find((d) => d === doneParam) : undefined}
          errors={errors}
        />
      ),
    },
    status,
  );
}

agreementsWeb.get('/agreements/:id', (c) => renderAgreement(c));

agreementsWeb.post('/agreements/:id/confirm', async (c) => {
  const id = c.req.param('id');
  const lang = c.var.lang;
  const values = formStrings(await c.req.parseBody());
  const regionCode = values.regionCode?.trim() || undefined;
  const result = await tryUseCase(
    () => confirmAgreement(c.var.deps, contextOf(c), id, regionCode),
    lang,
    'confirm',
  );
  if (!result.ok) {
    const errors = formKeys(result.errors);
    return renderAgreement(c, { confirm: Object.values(errors)[0] ?? '' }, result.status === 409 ? 409 : 400);
  }
  return c.redirect(href(lang, `/agreements/${id}?done=confirmedNotice`), 303);
});

agreementsWeb.post('/agreements/:id/documents', async (c) => {
  const id = c.req.param('id');
  const lang = c.var.lang;
  const { values, files } = await multipart(c);
  const confidential = values.confidential === 'on';
  const result = await tryUseCase(
    () => addDocuments(c.var.deps, contextOf(c), id, files, confidential),
    lang,
    'documents',
  );
  if (!result.ok) return renderAgreement(c, formKeys(result.errors), 400);
  return c.redirect(href(lang, `/agreements/${id}?done=documentsAdded`), 303);
});

agreementsWeb.get('/agreements/:id/documents/:fileId', async (c) => {
  const { file, bytes } = await agreementDocument(
    c.var.deps,
    contextOf(c),
    c.req.param('id'),
    c.req.param('fileId'),
  );
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));
});
