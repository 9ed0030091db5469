import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { buildTestApp, TestClient, type TestApp } from '../../test/app.ts';
import { expectValidHtml, type HtmlDoc } from '../../test/browser.ts';
import { openTestDatabase } from '../../test/db.ts';
import { makeOrganisation, signInAs } from '../../test/factories.ts';
import { storedFiles } from '../files/schema.ts';
import { agreements } from './schema.ts';
import { ctxOf, EXE, makeInterest, PDF } from './testing.ts';
import { createListing } from '../listings/listings.service.ts';
import type { SessionUser } from '../accounts/sessions.ts';

// The agreement pages through the real app, in both languages and with scripts off: the multipart form
// (pre-filled from an interest or a listing), field errors, confirmations, documents, and 404 for others.

let database: Database;
let t: TestApp;
let jl: string;
let zj: string;
let jlMember: TestClient;
let jlCoord: TestClient;
let zjCoord: TestClient;
let outsider: TestClient;
const pages: HtmlDoc[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  t = buildTestApp(database);
  jl = await makeOrganisation(database, { regionCode: 'CN-JL', nameEn: 'Changbai Spring Water' });
  zj = await makeOrganisation(database, { regionCode: 'CN-ZJ', nameEn: 'Hangzhou Fresh Mart' });
  const sh = await makeOrganisation(database, { regionCode: 'CN-SH', nameEn: 'Pudong Logistics' });
  jlMember = new TestClient(t.app);
  await signInAs(jlMember, database, { role: 'member', orgId: jl });
  jlCoord = new TestClient(t.app);
  await signInAs(jlCoord, database, { role: 'coordinator', regionCode: 'CN-JL', lang: 'zh' });
  zjCoord = new TestClient(t.app);
  await signInAs(zjCoord, database, { role: 'coordinator', regionCode: 'CN-ZJ' });
  outsider = new TestClient(t.app);
  await signInAs(outsider, database, { role: 'member', orgId: sh });
});

afterAll(async () => {
  await database.close();
});

async function page(client: TestClient, path: string, status = 200): Promise<string> {
  const res = await client.get(path);
  const html = await res.text();
  expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(status);
  if (status === 200) pages.push({ name: path, html });
  return html;
}

/** Posts a multipart form the way a browser does (CSRF in the form). */
async function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  files: File[] = [],
) {
  const form = new FormData();
  form.append('_csrf', await client.csrf());
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('documents', f);
  return client.request(path, { method: 'POST', body: form });
}

const FORM = () => ({
  type: 'trade',
  language: 'en',
  title: 'Supply of Changbai mineral water',
  summary: 'Three years of supply to 120 stores.',
  valueCny: '12,000,000',
  signedOn: '2018-05-20',
  signedPlace: 'Hangzhou',
  party0: jl,
  party1: zj,
  confidential: 'on',
});

async function rowCounts() {
  const [a] = await database.db.select({ n: count() }).from(agreements);
  const [f] = await database.db.select({ n: count() }).from(storedFiles);
  return [a?.n, f?.n];
}

describe('recording through the form', () => {
  let path: string;

  it('renders the form in both languages, the member’s organisation fixed', async () => {
    const en = await page(jlMember, '/en/agreements/new');
    expect(en).toContain('enctype="multipart/form-data"');
    expect(en).toContain(`<input type="hidden" name="party0" value="${jl}"/>`);
    expect(en).toContain('Your organisation: <span>Changbai Spring Water</span>');
    expect(en).toContain('<option value="joint_venture">Joint venture</option>');
    expect(en).toContain(`<option value="${zj}">Hangzhou Fresh Mart (Zhejiang)</option>`);
    for (const f of [
      'type',
      'title',
      'summary',
      'valueCny',
      'signedOn',
      'signedPlace',
      'party1',
      'party5',
      'documents',
    ]) {
      expect(en, f).toContain(`<label for="f-${f}">`);
    }
    expect(en).toContain('type="date"');
    const zh = await page(jlMember, '/zh/agreements/new');
    expect(zh).toContain('登记已签订的协议');
    expect(zh).toContain('<option value="joint_venture">合资合作</option>');
    expect(await page(jlCoord, '/zh/agreements/new')).toContain('登记后即同时代表本地区确认该协议');
  });

  it('pre-fills parties and source from a listing or an interest', async () => {
    const admin: SessionUser = {
      id: (await signInAs(new TestClient(t.app), database, { role: 'admin' })).id,
      email: 'a@test.example',
      name: 'Admin',
      role: 'admin',
      regionCode: null,
      orgId: null,
      orgStatus: null,
      preferredLang: 'en',
    };
    const listing = await createListing(t.deps, ctxOf(admin), {
      orgId: zj,
      direction: 'seek',
      category: 'product',
      title: '杭州商超采购天然矿泉水',
      description: '杭州连锁超市采购长白山天然矿泉水，长期合作。',
      language: 'zh',
    });
    const fromListing = await page(jlMember, `/en/agreements/new?listing=${listing.ref}`);
    expect(fromListing).toContain(`<input type="hidden" name="listingRef" value="${listing.ref}"/>`);
    expect(fromListing).toContain('<span lang="zh-CN">Listing “杭州商超采购天然矿泉水”</span>');
    expect(fromListing).toContain(`<option value="${zj}" selected="">`);

    const interest = await makeInterest(database, {
      listingId: listing.id,
      fromOrgId: jl,
      toOrgId: zj,
      fromRegion: 'CN-JL',
      toRegion: 'CN-ZJ',
    });
    const fromInterest = await page(zjCoord, `/en/agreements/new?interest=${interest}`);
    expect(fromInterest).toContain(`<input type="hidden" name="interestId" value="${interest}"/>`);
    expect(fromInterest).toContain(`<option value="${jl}" selected="">`);
    expect(fromInterest).toContain(`<option value="${zj}" selected="">`);
    // Someone who takes no part in the interest gets an empty form, not its parties.
    const outsiders = await page(outsider, `/en/agreements/new?interest=${interest}`);
    expect(outsiders).not.toContain('name="interestId"');
  });

  it('re-renders with per-field errors and writes nothing', async () => {
    const before = await rowCounts();
    const cases: [Record<string, string>, string, string][] = [
      [{ valueCny: '-100' }, 'valueCny', 'The value cannot be negative'],
      [{ valueCny: 'lots' }, 'valueCny', 'Enter a number of yuan'],
      [{ signedOn: '2999-01-01' }, 'signedOn', 'The signing date cannot be after today'],
      [{ party1: '' }, 'partyOrgIds', 'Name at least two parties'],
      [{ party1: jl }, 'partyOrgIds', 'Name at least two different organisations'],
      [{ title: '' }, 'title', 'This field is required'],
    ];
    for (const [over, field, message] of cases) {
      const res = await postMultipart(jlMember, '/en/agreements/new', { ...FORM(), ...over }, [
        new File([PDF], 'contract.pdf'),
      ]);
      const html = await res.text();
      expect(res.status, field).toBe(400);
      expect(html, field).toContain(`href="#f-${field}"`);
      expect(html, field).toContain(message);
    }
    const wrong = await postMultipart(jlMember, '/en/agreements/new', FORM(), [
      new File([EXE], 'contract.pdf'),
    ]);
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    expect(html).toContain('id="f-documents" name="documents"');
    expect(html).toContain('The file “contract.pdf” is not a PDF or an image');
    pages.push({ name: 'form with errors', html });
    expect(await rowCounts()).toEqual(before);
  });

  it('records with a document and shows the agreement', async () => {
    const res = await postMultipart(jlMember, '/en/agreements/new', FORM(), [
      new File([PDF], 'contract.pdf', { type: 'application/pdf' }),
    ]);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/en\/agreements\/[0-9a-f-]{36}\?done=recorded$/);
    path = location.split('?')[0]!.slice(3);
    const html = await page(jlMember, `/en${path}?done=recorded`);
    expect(html).toContain('The agreement is recorded.');
    expect(html).toContain('<h1>Supply of Changbai mineral water</h1>');
    expect(html).toContain('12,000,000 yuan');
    expect(html).toContain('Awaiting confirmation');
    expect(html).toContain('Jilin');
    // A project waits for every party region's confirmation; the page says so instead of linking.
    expect(html).not.toContain('/projects/new?agreement=');
    expect(html).toContain('once the coordinators of every party’s region have confirmed it');
    expect(html).toMatch(/still to confirm: (Jilin, Zhejiang|Zhejiang, Jilin)/);
    expect(html).not.toContain('Confirm for');
    const zh = await page(jlCoord, `/zh${path}`);
    expect(zh).toContain('<h1 lang="en">Supply of Changbai mineral water</h1>');
    expect(zh).toContain('代表吉林省确认');
    expect(zh).not.toContain('代表浙江省确认');
  });

  it('serves the document with its name; a third organisation’s member gets 404', async () => {
    const html = await page(jlMember, `/en${path}`);
    const link = /href="(\/en\/agreements\/[^"]+\/documents\/[^"]+)"/.exec(html)?.[1];
    expect(link).toBeDefined();
    const res = await zjCoord.get(link!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="contract.pdf"');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
    expect((await outsider.get(link!)).status).toBe(404);
    await page(outsider, `/en${path}`, 404);
    await page(outsider, `/zh${path}`, 404);
  });

  it('coordinators confirm for their own region through the page', async () => {
    const first = await jlCoord.postForm(`/zh${path}/confirm`, { regionCode: 'CN-JL' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toContain('done=confirmedNotice');
    const again = await jlCoord.postForm(`/zh${path}/confirm`, { regionCode: 'CN-JL' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('该地区已确认此协议');
    const other = await jlCoord.postForm(`/zh${path}/confirm`, { regionCode: 'CN-ZJ' });
    expect(other.status).toBe(403);
    expect((await zjCoord.postForm(`/en${path}/confirm`, { regionCode: 'CN-ZJ' })).status).toBe(303);
    const html = await page(jlMember, `/en${path}`);
    expect(html).toContain('<span class="tag agreement-confirmed">Confirmed</span>');
    expect(html).toContain(`href="/en/projects/new?agreement=${path.split('/')[2]}"`);
    expect(html).not.toContain('still to confirm');
    expect(await page(jlMember, `/zh${path}`)).toContain('根据此协议创建合作项目');
    expect(html).toMatch(/Confirmed by Test coordinator on <time datetime="[^"]+\+08:00">/);
  });

  it('adds documents from the page; a wrong file shows the error on the page', async () => {
    const ok = await postMultipart(zjCoord, `/en${path}/documents`, { confidential: 'on' }, [
      new File([PDF], 'annex.pdf'),
    ]);
    expect(ok.status).toBe(303);
    expect(await page(jlMember, `/en${path}`)).toContain('annex.pdf');
    const bad = await postMultipart(jlMember, `/en${path}/documents`, {}, [new File([EXE], 'x.pdf')]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('The file “x.pdf” is not a PDF or an image');
  });

  it('lists agreements in both languages', async () => {
    const en = await page(jlMember, '/en/agreements');
    expect(en).toContain(`href="/en${path}"`);
    expect(en).toContain('Record a signed agreement');
    const zh = await page(jlMember, '/zh/agreements');
    expect(zh).toContain('<a href="/zh' + path + '" lang="en">Supply of Changbai mineral water</a>');
    expect(await page(outsider, '/en/agreements')).not.toContain(path);
  });

  it('every page rendered is valid HTML', async () => {
    await expectValidHtml(pages);
  });
});
