/**
 * The programme pages: the list, one programme (with the forms the viewer may use), the form that creates
 * a programme, and the reports' download. Forms post back and redirect (scripts off); a failed form
 * re-renders the page with its errors beside its fields.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { readForm, submitPageForm, tryUseCase, type FormValues } from '../../web/form-parse.ts';
import type { FormErrors } from '../../web/forms.tsx';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { authorize, requireViewer } from '../accounts/policy.ts';
import { listPairings, listRegions } from '../regions/regions.service.ts';
import {
  EXPORT_MEDIA_TYPES,
  exportReports,
  REPORT_COLUMNS,
  REPORT_EXPORT_FORMATS,
  reportsFileName,
} from './export.ts';
import type { IndicatorInput } from './fields.ts';
import {
  addIndicator,
  confirmReport,
  createProgramme,
  getProgramme,
  listProgrammes,
  submitReport,
} from './programmes.service.ts';
import { programmesUi } from './ui-messages.ts';
import { ListPage } from './views/list-page.tsx';
import { NewProgrammePage } from './views/new-page.tsx';
import { DONE, programmeTitle, type Done } from './views/parts.tsx';
import type { FailedForm } from './views/forms.tsx';
import { ProgrammePage } from './views/programme-page.tsx';

export const programmesWeb = new Hono<AppEnv>();

async function places(c: Context<AppEnv>) {
  return new Map((await listRegions(c.var.deps.db)).map((r) => [r.code, r]));
}

const canCreate = (c: Context<AppEnv>) => c.var.user?.role === 'admin' || c.var.user?.role === 'coordinator';

programmesWeb.get('/programmes', async (c) => {
  const rows = await listProgrammes(c.var.deps, contextOf(c));
  return renderPage(c, {
    title: programmesUi(c.var.lang)('listTitle'),
    children: <ListPage lang={c.var.lang} rows={rows} places={await places(c)} canCreate={canCreate(c)} />,
  });
});

/** A form's number (blank: absent); what is not a number is left for the use case to refuse. */
function num(value: string | undefined): number | undefined {
  const s = value?.trim();
  if (!s) return undefined;
  const n = Number(s.replace(/[\s,，]/g, ''));
  return Number.isNaN(n) ? Number.NaN : n;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

async function renderNew(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FormErrors,
  status: 200 | 400 = 200,
) {
  const viewer = requireViewer(c.var.user ?? null);
  authorize(viewer, canCreate(c));
  const lang = c.var.lang;
  const names = await places(c);
  const name = (code: string) => {
    const p = names.get(code);
    return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : code;
  };
  const pairings = (await listPairings(c.var.deps.db))
    .filter((p) => p.kind === 'assistance')
    .map((p): [string, string] => [String(p.id), `${name(p.aCode)} → ${name(p.bCode)}`]);
  return renderPage(
    c,
    {
      title: programmesUi(lang)('newTitle'),
      head: <meta name="robots" content="noindex" />,
      children: (
        <NewProgrammePage
          lang={lang}
          csrf={c.var.csrfToken}
          pairings={pairings}
          values={values}
          errors={errors}
        />
      ),
    },
    status,
  );
}

programmesWeb.get('/programmes/new', (c) => renderNew(c, {}, {}));

programmesWeb.post('/programmes/new', async (c) => {
  const lang = c.var.lang;
  const values = await readForm(c);
  const result = await tryUseCase(
    () =>
      createProgramme(c.var.deps, contextOf(c), {
        pairingId: num(values.pairingId) ?? 0,
        titleEn: values.titleEn ?? '',
        titleZh: values.titleZh ?? '',
        descriptionEn: text(values.descriptionEn),
        descriptionZh: text(values.descriptionZh),
        startOn: values.startOn ?? '',
        deadline: values.deadline ?? '',
      }),
    lang,
    'titleEn',
  );
  if (!result.ok) return renderNew(c, values, result.errors, 400);
  return c.redirect(`/${lang}/programmes/${result.value.id}?done=created`, 303);
});

/** Unknown or impossible days are dropped rather than refused: this is a link people edit. */
const AsOf = z.iso.date().optional().catch(undefined);

/** The programme page, also re-rendered (with the status given) when one of its forms failed. */
async function renderProgramme(c: Context<AppEnv>, failed?: FailedForm, status: 200 | 400 | 409 = 200) {
  const id = c.req.param('id') ?? '';
  const view = await getProgramme(c.var.deps, contextOf(c), id, { asOf: AsOf.parse(c.req.query('asOf')) });
  const doneParam = c.req.query('done');
  const done: Done | undefined = DONE.find((d) => d === doneParam);
  return renderPage(
    c,
    {
      title: programmeTitle(view.programme, c.var.lang),
      children: (
        <ProgrammePage
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          view={view}
          places={await places(c)}
          done={failed ? undefined : done}
          failed={failed}
        />
      ),
    },
    status,
  );
}

programmesWeb.get('/programmes/:id', (c) => renderProgramme(c));

/** Runs one of the programme page's forms: back to the page with a notice, or the page again with the errors. */
function handle(
  c: Context<AppEnv>,
  form: string,
  run: (values: FormValues) => Promise<unknown>,
  done: (values: FormValues) => Done,
) {
  return submitPageForm(
    c,
    form,
    run,
    (values) => `/${c.var.lang}/programmes/${c.req.param('id')}?done=${done(values)}`,
    (failed, status) => renderProgramme(c, failed, status),
  );
}

/** "2018-Q4 100000000" per line → period targets (a line without a number keeps NaN for the use case). */
function periodTargets(value: string | undefined): IndicatorInput['periodTargets'] {
  const lines = (value ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return undefined;
  return lines.map((line) => {
    const [period = '', ...rest] = line.split(/\s+/);
    return { period, target: num(rest.join('')) ?? Number.NaN };
  });
}

programmesWeb.post('/programmes/:id/indicators', (c) =>
  handle(
    c,
    'indicator',
    (v) =>
      addIndicator(c.var.deps, contextOf(c), c.req.param('id'), {
        kind: v.kind as IndicatorInput['kind'],
        nameEn: text(v.nameEn),
        nameZh: text(v.nameZh),
        unit: v.unit ?? '',
        baseline: num(v.baseline),
        target: num(v.target) ?? Number.NaN,
        startOn: text(v.startOn),
        deadline: text(v.deadline),
        periodKind: v.periodKind as IndicatorInput['periodKind'],
        periodTargets: periodTargets(v.periodTargets),
      }),
    () => 'indicator',
  ),
);

programmesWeb.post('/programmes/:id/reports', (c) =>
  handle(
    c,
    'report',
    (v) => {
      const values: Record<string, number> = {};
      for (const [key, raw] of Object.entries(v)) {
        const n = key.startsWith('values.') ? num(raw) : undefined;
        if (n !== undefined) values[key.slice('values.'.length)] = n;
      }
      return submitReport(c.var.deps, contextOf(c), c.req.param('id'), {
        period: v.period ?? '',
        values,
        note: text(v.note),
        draft: v.draft === 'yes',
      });
    },
    (v) => (v.draft === 'yes' ? 'draft' : 'report'),
  ),
);

programmesWeb.post('/programmes/:id/reports/:reportId/confirm', (c) =>
  handle(
    c,
    `confirm-${c.req.param('reportId')}`,
    () => confirmReport(c.var.deps, contextOf(c), c.req.param('id'), c.req.param('reportId')),
    () => 'confirmed',
  ),
);

programmesWeb.get('/programmes/:id/reports/export', async (c) => {
  const format = REPORT_EXPORT_FORMATS.find((f) => f === c.req.query('format'));
  if (!format) throw new AppError('not_found');
  const view = await getProgramme(c.var.deps, contextOf(c), c.req.param('id'));
  const bytes = await exportReports(view, format, c.var.lang, REPORT_COLUMNS);
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': EXPORT_MEDIA_TYPES[format],
    'Content-Disposition': `attachment; filename="${reportsFileName(format, c.var.deps.now())}"`,
  });
});
