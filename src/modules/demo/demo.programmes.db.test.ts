import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { seedUser } from '../accounts/accounts.seed.ts';
import { getProgramme, listProgrammes } from '../programmes/programmes.service.ts';
import { DEMO_COORDINATORS } from './demo.data.ts';
import { DEMO_PROGRAMME_TITLE, loadDemoProgrammes } from './demo.programmes.ts';

// The demo programme, loaded through the use cases by the demo coordinators; what its page then says.

let database: Database;
let t: TestApp;
let id: string;
const anonymous = { viewer: null, lang: 'en' as const };

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  for (const c of DEMO_COORDINATORS) await seedUser(t.deps, c, 'demo-password-1234');
  expect(await loadDemoProgrammes(t.deps)).toBe(1);
  const [item] = await listProgrammes(t.deps, anonymous);
  id = item!.programme.id;
});
afterAll(() => database.close());

const statuses = async (now: Date, asOf?: string) =>
  (await getProgramme({ ...t.deps, now: () => now }, anonymous, id, { asOf })).indicators.map((i) => [
    i.indicator.kind,
    i.status.status,
  ]);

describe('demo programme', () => {
  it('is loaded once', async () => {
    expect(await loadDemoProgrammes(t.deps)).toBe(0);
    const all = await listProgrammes(t.deps, anonymous);
    expect(all.map((p) => p.programme.titleEn)).toEqual([DEMO_PROGRAMME_TITLE]);
    expect(all[0]).toMatchObject({ indicators: 6, confirmedReports: 6 });
  });

  it('is on track, at risk, behind and achieved on 2019-07-15', async () => {
    expect(await statuses(new Date(), '2019-07-15')).toEqual([
      ['funds_allocated', 'on_track'],
      ['projects', 'at_risk'],
      ['jobs', 'behind'],
      ['people_trained', 'on_track'],
      ['officials_exchanged', 'achieved'],
      ['consumption_sales', 'achieved'],
    ]);
  });

  it('past the deadline, shows what was achieved and what fell short', async () => {
    expect(await statuses(new Date('2026-05-01T09:00:00+08:00'))).toEqual([
      ['funds_allocated', 'behind'],
      ['projects', 'behind'],
      ['jobs', 'behind'],
      ['people_trained', 'behind'],
      ['officials_exchanged', 'achieved'],
      ['consumption_sales', 'achieved'],
    ]);
  });

  it('shows the public the confirmed quarters, and Jilin the 2019 Q3 report to confirm', async () => {
    const page = await (await new TestClient(t.app).get(`/en/programmes/${id}`)).text();
    expect(page).toContain('150,000,000 yuan');
    expect(page).not.toContain('2019 Q3</strong>');
    const view = await getProgramme(t.deps, anonymous, id);
    expect(view.reports.map((r) => r.report.period)).toEqual([
      '2018-Q1',
      '2018-Q2',
      '2018-Q3',
      '2018-Q4',
      '2019-Q1',
      '2019-Q2',
    ]);
  });
});
