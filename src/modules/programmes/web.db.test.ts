import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { openTestDatabase } from '../../test/db.ts';
import { signInAs } from '../../test/factories.ts';
import { zjToYanbian } from './testing.ts';

// The programme pages through the real app, with plain form posts (no scripts), in both languages.

let database: Database;
let t: TestApp;
let zhejiang: TestClient;
let jilin: TestClient;
let anon: TestClient;
let pairing: number;
let path = '';

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  pairing = await zjToYanbian(database);
  zhejiang = new TestClient(t.app);
  jilin = new TestClient(t.app);
  anon = new TestClient(t.app);
  await signInAs(zhejiang, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  await signInAs(jilin, database, { role: 'coordinator', regionCode: 'CN-JL', lang: 'zh' });
});
afterAll(() => database.close());

const h1s = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;
const idOf = (html: string, label: RegExp) => {
  const m = new RegExp(`<label for="f-values\\.([0-9a-f-]{36})">${label.source}`).exec(html);
  return m?.[1] ?? '';
};

describe('programme pages', () => {
  it('creates a programme with the form, naming bad fields', async () => {
    const signIn = await anon.get('/en/programmes/new');
    expect(signIn.status).toBe(303);
    expect(signIn.headers.get('location')).toContain('/en/sign-in');
    const form = await zhejiang.get('/en/programmes/new');
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(h1s(html)).toBe(1);
    expect(html).toContain(`<option value="${pairing}">Zhejiang → Yanbian`);
    const fields = {
      pairingId: String(pairing),
      titleEn: 'Zhejiang–Yanbian partner assistance 2018–2020',
      titleZh: '浙江—延边对口帮扶（2018—2020年）',
      descriptionEn: 'Funds, projects, jobs and training.',
      startOn: '2018-01-01',
      deadline: '2017-12-31',
    };
    const bad = await zhejiang.postForm('/en/programmes/new', fields);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The deadline cannot be before the start.');
    const res = await zhejiang.postForm('/en/programmes/new', { ...fields, deadline: '2020-12-31' });
    expect(res.status).toBe(303);
    path = (res.headers.get('location') ?? '').replace(/\?.*$/, '').replace(/^\/en/, '');
    expect(path).toMatch(/^\/programmes\/[0-9a-f-]{36}$/);
  });

  it('adds indicators, refusing the wrong unit and a bad period target by line', async () => {
    const indicator = {
      kind: 'funds_allocated',
      unit: 'persons',
      baseline: '0',
      target: '300,000,000',
      periodKind: 'quarter',
    };
    const wrong = await zhejiang.postForm(`/en${path}/indicators`, indicator);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Indicators of this kind are counted in yuan (yuan).');
    const badLine = await zhejiang.postForm(`/en${path}/indicators`, {
      ...indicator,
      unit: 'yuan',
      periodTargets: '2018-Q4 100000000\n2018-11 150000000',
    });
    expect(badLine.status).toBe(400);
    expect(await badLine.text()).toContain('Line 2: This indicator is reported by quarter');
    const extras: Record<string, string>[] = [
      { unit: 'yuan', periodTargets: '2018-Q4 100000000' },
      { kind: 'jobs', unit: 'count', target: '5000' },
    ];
    for (const extra of extras) {
      const ok = await zhejiang.postForm(`/en${path}/indicators`, { ...indicator, ...extra });
      expect(ok.status).toBe(303);
    }
  });

  it('submits a report with a number per indicator, and Jilin confirms it (zh)', async () => {
    const page = await (await zhejiang.get(`/en${path}`)).text();
    const funds = idOf(page, /Assistance funds allocated/);
    const jobs = idOf(page, /Jobs created/);
    expect(funds).not.toBe('');
    const nonNumeric = await zhejiang.postForm(`/en${path}/reports`, {
      period: '2018-Q1',
      [`values.${funds}`]: 'twenty million',
    });
    expect(nonNumeric.status).toBe(400);
    const text = await nonNumeric.text();
    expect(text).toContain('Enter a number');
    expect(text).toContain(`id="f-values.${funds}-error"`);
    const sent = await zhejiang.postForm(`/en${path}/reports`, {
      period: '2018-Q1',
      [`values.${funds}`]: '25,000,000',
      [`values.${jobs}`]: '',
      note: 'First quarter',
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toContain('done=report');
    const again = await zhejiang.postForm(`/en${path}/reports`, {
      period: '2018-Q1',
      [`values.${funds}`]: '1',
    });
    expect(again.status).toBe(409);

    const zh = await jilin.get(`/zh${path}`);
    expect(zh.status).toBe(200);
    const zhHtml = await zh.text();
    expect(h1s(zhHtml)).toBe(1);
    expect(zhHtml).toContain('浙江—延边对口帮扶（2018—2020年）');
    expect(zhHtml).toContain('已提交，待确认');
    const reportId = /\/reports\/([0-9a-f-]{36})\/confirm/.exec(zhHtml)?.[1] ?? '';
    // Zhejiang sees no confirm button and may not confirm.
    expect(await (await zhejiang.get(`/en${path}`)).text()).not.toContain('/confirm"');
    expect((await zhejiang.postForm(`/en${path}/reports/${reportId}/confirm`, {})).status).toBe(403);
    const confirmed = await jilin.postForm(`/zh${path}/reports/${reportId}/confirm`, {});
    expect(confirmed.status).toBe(303);
    expect(await (await jilin.get(`/zh${path}?done=confirmed`)).text()).toContain('报告已确认。');
  });

  it('shows each indicator against target with its status in words and the rule, in both languages', async () => {
    const en = await (await anon.get(`/en${path}?asOf=2018-04-02`)).text();
    expect(h1s(en)).toBe(1);
    expect(en).toContain('Status as of 2018-04-02');
    // Funds: 25 million of the 24.7 million due by 2018-03-31 on the way to the 100 million set for 2018 Q4 →
    // on track; jobs: none of 411 → behind.
    expect(en).toMatch(
      /Assistance funds allocated<\/h3>.*?<strong class="tag status-on_track">On track<\/strong>/s,
    );
    expect(en).toMatch(/Jobs created<\/h3>.*?<strong class="tag status-behind">Behind<\/strong>/s);
    expect(en).toContain('At risk: at least 80%');
    expect(en).toContain('at least 95% of what the schedule expects');
    expect(en).toContain(
      '<th scope="row">2018 Q1</th><td>24,657,534.25</td><td></td><td>25,000,000</td><td>25,000,000</td><td>Confirmed</td>',
    );
    expect(en).not.toContain('<form method="post"');
    const zh = await (await anon.get(`/zh${path}`)).text();
    expect(zh).toContain('状态如何判定');
    expect(zh).toContain('进度滞后');
    expect(zh).toContain('<html lang="zh-CN"');
    const list = await (await anon.get('/zh/programmes')).text();
    expect(h1s(list)).toBe(1);
    expect(list).toContain('浙江省 → 延边朝鲜族自治州');
    expect(await (await anon.get('/en/programmes')).text()).toContain('Partner-assistance programmes');
  });
});
