/**
 * The dashboard pages: overall (`/dashboard`) and per pairing (`/pairings/{id}/dashboard`), each with a
 * printable report (`…/report`); `from`/`to` choose the period.
 */
import { Hono, type Context } from 'hono';
import { AppError } from '../../lib/errors.ts';
import type { AppEnv } from '../../web/env.ts';
import { renderPage } from '../../web/layout.tsx';
import { contextOf } from '../accounts/context.ts';
import { dashboardOf, parsePeriod } from './dashboards.service.ts';
import { dashboardTables } from './tables.ts';
import { DashboardPage } from './views/dashboard-page.tsx';
import { dashboardTitle } from './views/parts.tsx';
import { ReportPage, reportTitle } from './views/report-page.tsx';

export const dashboardsWeb = new Hono<AppEnv>();

function pairingId(c: Context<AppEnv>): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError('not_found');
  return id;
}

async function load(c: Context<AppEnv>, id: number | null) {
  const period = parsePeriod({ from: c.req.query('from'), to: c.req.query('to') }, c.var.lang);
  const { dashboard, places } = await dashboardOf(c.var.deps, contextOf(c), id, period);
  return { d: dashboard, tables: dashboardTables(dashboard, c.var.lang, places), places };
}

async function page(c: Context<AppEnv>, id: number | null) {
  const { d, tables, places } = await load(c, id);
  return renderPage(c, {
    title: dashboardTitle(d, c.var.lang),
    children: <DashboardPage d={d} tables={tables} places={places} lang={c.var.lang} />,
  });
}

async function report(c: Context<AppEnv>, id: number | null) {
  const { d, tables } = await load(c, id);
  return renderPage(c, {
    title: reportTitle(d, c.var.lang),
    children: (
      <ReportPage
        d={d}
        tables={tables}
        lang={c.var.lang}
        now={c.var.deps.now()}
        site={c.var.deps.config.publicUrl}
      />
    ),
  });
}

dashboardsWeb.get('/dashboard', (c) => page(c, null));
dashboardsWeb.get('/dashboard/report', (c) => report(c, null));
dashboardsWeb.get('/pairings/:id/dashboard', (c) => page(c, pairingId(c)));
dashboardsWeb.get('/pairings/:id/report', (c) => report(c, pairingId(c)));
