import { Hono, type Context } from 'hono';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { parseForm, readForm, tryUseCase } from '../../web/form-parse.ts';
import { href, renderPage } from '../../web/layout.tsx';
import type { FormErrors } from '../../web/forms.tsx';
import { regionsMsg } from './messages.ts';
import * as regions from './regions.service.ts';
import { pairingTitle, regionName } from './views/names.tsx';
import { PairingForm, type PairingFormValues } from './views/pairing-form.tsx';
import { PairingPage } from './views/pairing-page.tsx';
import { RegionPage } from './views/region-page.tsx';
import { PairingsTable, RegionsPage } from './views/regions-page.tsx';

export const regionsWeb = new Hono<AppEnv>();

function ctx(c: Context<AppEnv>) {
  return { db: c.var.deps.db, user: c.var.user, requestId: c.var.requestId };
}

function pairingId(c: Context<AppEnv>): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('not_found');
  return id;
}

regionsWeb.get('/regions', async (c) => {
  const db = c.var.deps.db;
  const [tree, pairings] = await Promise.all([regions.regionTree(db), regions.listPairings(db)]);
  return renderPage(c, {
    title: regionsMsg(c.var.lang)('regionsTitle'),
    children: <RegionsPage lang={c.var.lang} tree={tree} pairings={pairings} />,
  });
});

regionsWeb.get('/regions/:code', async (c) => {
  const db = c.var.deps.db;
  const region = await regions.getRegion(db, c.req.param('code'));
  const [all, pairings] = await Promise.all([regions.listRegions(db), regions.pairingsOf(db, region.code)]);
  return renderPage(c, {
    title: regionName(region, c.var.lang),
    children: (
      <RegionPage
        lang={c.var.lang}
        region={region}
        parent={all.find((r) => r.code === region.parentCode)}
        children={all.filter((r) => r.parentCode === region.code)}
        pairings={pairings}
      />
    ),
  });
});

regionsWeb.get('/pairings/:id', async (c) => {
  const pairing = await regions.getPairing(c.var.deps.db, pairingId(c));
  return renderPage(c, {
    title: pairingTitle(pairing, c.var.lang),
    children: <PairingPage lang={c.var.lang} pairing={pairing} canEdit={c.var.user?.role === 'admin'} />,
  });
});

async function renderForm(
  c: Context<AppEnv>,
  values: PairingFormValues,
  errors: FormErrors,
  id?: number,
  status: 200 | 400 = 200,
) {
  const t = regionsMsg(c.var.lang);
  const list = await regions.listRegions(c.var.deps.db);
  return renderPage(
    c,
    {
      title: id === undefined ? t('newPairing') : t('editPairing'),
      children: (
        <PairingForm
          lang={c.var.lang}
          csrf={c.var.csrfToken}
          regions={list}
          values={values}
          errors={errors}
          id={id}
        />
      ),
    },
    status,
  );
}

regionsWeb.get('/admin/pairings', async (c) => {
  regions.requireAdmin(c.var.user);
  const t = regionsMsg(c.var.lang);
  const pairings = await regions.listPairings(c.var.deps.db);
  const notice = c.req.query('done');
  return renderPage(c, {
    title: t('adminPairings'),
    children: (
      <>
        <h1>{t('adminPairings')}</h1>
        {notice === 'saved' || notice === 'deleted' ? (
          <p class="notice success" role="status">
            {notice === 'saved' ? t('pairingSaved') : t('pairingDeleted')}
          </p>
        ) : null}
        <PairingsTable lang={c.var.lang} pairings={pairings} />
        <ul>
          {pairings.map((p) => (
            <li>
              <a href={href(c.var.lang, `/admin/pairings/${p.id}`)}>
                {t('edit')}: {pairingTitle(p, c.var.lang)}
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a class="button" href={href(c.var.lang, '/admin/pairings/new')}>
            {t('newPairing')}
          </a>
        </p>
      </>
    ),
  });
});

regionsWeb.get('/admin/pairings/new', (c) => {
  regions.requireAdmin(c.var.user);
  return renderForm(c, { kind: 'cooperation' }, {});
});

regionsWeb.post('/admin/pairings', async (c) => {
  regions.requireAdmin(c.var.user);
  const values = await readForm(c);
  const form = parseForm(regions.PairingInput, values, c.var.lang);
  if (!form.ok) return renderForm(c, values, form.errors, undefined, 400);
  const result = await tryUseCase(() => regions.createPairing(ctx(c), form.data), c.var.lang);
  if (!result.ok) return renderForm(c, values, result.errors, undefined, 400);
  return c.redirect(href(c.var.lang, '/admin/pairings?done=saved'), 303);
});

regionsWeb.get('/admin/pairings/:id', async (c) => {
  regions.requireAdmin(c.var.user);
  const p = await regions.getPairing(c.var.deps.db, pairingId(c));
  return renderForm(c, { ...p }, {}, p.id);
});

regionsWeb.post('/admin/pairings/:id', async (c) => {
  regions.requireAdmin(c.var.user);
  const id = pairingId(c);
  const values = await readForm(c);
  const form = parseForm(regions.PairingInput, values, c.var.lang);
  if (!form.ok) return renderForm(c, values, form.errors, id, 400);
  const result = await tryUseCase(() => regions.updatePairing(ctx(c), id, form.data), c.var.lang);
  if (!result.ok) return renderForm(c, values, result.errors, id, 400);
  return c.redirect(href(c.var.lang, '/admin/pairings?done=saved'), 303);
});

regionsWeb.post('/admin/pairings/:id/delete', async (c) => {
  await regions.deletePairing(ctx(c), pairingId(c));
  return c.redirect(href(c.var.lang, '/admin/pairings?done=deleted'), 303);
});
