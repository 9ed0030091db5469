/**
 * Tests only: organisations placed in a city, projects, interests and a party-less agreement inserted
 * straight into their modules' tables (production code reads them through `projectFacts`, `interestFacts`
 * and `agreementFacts` only), and readers of what the dashboards write: the page's tables and key figures,
 * XLSX workbooks and CSV files.
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Database } from '../../db/client.ts';
import { makeOrganisation } from '../../test/factories.ts';
import { organisations } from '../accounts/schema.ts';
import { agreements } from '../agreements/schema.ts';
import { interests } from '../interests/schema.ts';
import type { Io } from '../listings/listings.cli.ts';
import { projectParties, projects } from '../projects/schema.ts';

export { makeAgreement } from '../projects/testing.ts';
export { actingAs } from '../listings/testing.ts';

/** An approved organisation in a region and an area inside it (a city's or a county's code); its id. */
export async function makePlacedOrganisation(
  database: Database,
  regionCode: string,
  areaCode: string | null,
  nameEn?: string,
): Promise<string> {
  const id = await makeOrganisation(database, { regionCode, ...(nameEn ? { nameEn } : {}) });
  await database.db.update(organisations).set({ areaCode }).where(eq(organisations.id, id));
  return id;
}

type ProjectRow = typeof projects.$inferInsert;

/** Inserts a project on an agreement with its parties (as `createProject` copies them); its id. */
export async function makeProject(
  database: Database,
  o: {
    agreementId: string;
    parties: { orgId: string; regionCode: string }[];
    title?: string;
    language?: 'en' | 'zh';
    stage?: ProjectRow['stage'];
    category?: ProjectRow['category'];
    sector?: string | null;
    regionCode: string;
    areaCode?: string | null;
    signedOn: string;
    contractedInvestmentCny?: number | null;
    actualInvestmentCny?: number;
    jobsCreated?: number;
    published?: boolean;
  },
): Promise<string> {
  const now = new Date();
  const [row] = await database.db
    .insert(projects)
    .values({
      agreementId: o.agreementId,
      title: o.title ?? 'A test project',
      language: o.language ?? 'en',
      category: o.category ?? 'product',
      sector: o.sector === undefined ? 'C15' : o.sector,
      regionCode: o.regionCode,
      areaCode: o.areaCode ?? null,
      stage: o.stage ?? 'signed',
      signedOn: o.signedOn,
      contractedInvestmentCny: o.contractedInvestmentCny === undefined ? null : o.contractedInvestmentCny,
      actualInvestmentCny: o.actualInvestmentCny ?? 0,
      jobsCreated: o.jobsCreated ?? 0,
      published: o.published ?? true,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: projects.id });
  await database.db.insert(projectParties).values(o.parties.map((p) => ({ projectId: row!.id, ...p })));
  return row!.id;
}

/** Inserts an agreement left with no party (and so with nobody to confirm it); its id. */
export async function makeAgreementWithoutParties(
  database: Database,
  o: { title: string; signedOn: string; valueCny: number | null },
): Promise<string> {
  const now = new Date();
  const [row] = await database.db
    .insert(agreements)
    .values({ type: 'investment', language: 'en', createdAt: now, updatedAt: now, ...o })
    .returning({ id: agreements.id });
  return row!.id;
}

/** Inserts an expression of interest in a listing, sent at `sentAt`, in the given status; its id. */
export async function makeInterestRow(
  database: Database,
  o: {
    listingId: string;
    from: { orgId: string; regionCode: string };
    to: { orgId: string; regionCode: string };
    sentAt: string;
    status: (typeof interests.$inferInsert)['status'];
    declineReason?: (typeof interests.$inferInsert)['declineReason'];
    /** Default: 14 days after sending. */
    expiresAt?: string;
  },
): Promise<string> {
  const sent = new Date(o.sentAt);
  const [row] = await database.db
    .insert(interests)
    .values({
      listingId: o.listingId,
      fromOrgId: o.from.orgId,
      toOrgId: o.to.orgId,
      fromRegionCode: o.from.regionCode,
      toRegionCode: o.to.regionCode,
      message: 'We would like to work together.',
      bring: 'Goods',
      form: 'trade',
      timeline: 'within_3_months',
      status: o.status,
      declineReason: o.declineReason ?? null,
      sentAt: sent,
      expiresAt: o.expiresAt ? new Date(o.expiresAt) : new Date(sent.getTime() + 14 * 86400_000),
      answeredAt: o.status === 'open' ? null : sent,
    })
    .returning({ id: interests.id });
  return row!.id;
}

/** A table as the page shows it: its caption, column labels and the text of every cell. */
export interface PageTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

type Node = ReturnType<typeof parseDocument>;
type Element = ReturnType<typeof DomUtils.getElementsByTagName>[number];

const text = (node: Element | Node): string => DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
const byTag = (tag: string, node: Element | Node, recurse = true) =>
  DomUtils.getElementsByTagName(tag, node, recurse);

/** The caption a chart's data table carries, without the "Data of the chart: " the chart adds. */
export function tableTitle(caption: string): string {
  return caption.replace(/^(Data of the chart: |图表数据：)/, '');
}

/** Every <table> of a page (entities decoded, whitespace collapsed), keyed by its caption's title. */
export function pageTables(html: string): PageTable[] {
  const doc = parseDocument(html);
  return byTag('table', doc).map((table) => {
    const caption = byTag('caption', table)[0];
    const head = byTag('thead', table)[0];
    const body = byTag('tbody', table)[0];
    return {
      caption: caption ? tableTitle(text(caption)) : '',
      columns: head ? byTag('th', head).map(text) : [],
      rows: body
        ? byTag('tr', body).map((tr) =>
            tr.children
              .filter((c): c is Element => DomUtils.isTag(c) && (c.name === 'th' || c.name === 'td'))
              .map(text),
          )
        : [],
    };
  });
}

/**
 * The key figures' <dl class="figures"> as [label, value text] pairs: each pair in its own <div> (so a
 * value never lands under another's label); anything else in the list is an error.
 */
export function keyFigures(html: string): [string, string][] {
  const doc = parseDocument(html);
  const dl = DomUtils.findOne(
    (e) => e.name === 'dl' && (e.attribs.class ?? '').split(' ').includes('figures'),
    doc.children,
  );
  if (!dl) return [];
  return dl.children
    .filter((c): c is Element => DomUtils.isTag(c))
    .map((pair) => {
      const dts = DomUtils.getElementsByTagName('dt', pair.children, false);
      const dds = DomUtils.getElementsByTagName('dd', pair.children, false);
      if (pair.name !== 'div' || dts.length !== 1 || dds.length !== 1) {
        throw new Error(
          `<dl class="figures"> holds ${DomUtils.getOuterHTML(pair)}, not a <div><dt/><dd/></div>`,
        );
      }
      return [text(dts[0]!), text(dds[0]!)];
    });
}

/** The data: URIs of the page's chart images, keyed by the caption of the figure they are in. */
export function chartImages(html: string): Map<string, string> {
  const doc = parseDocument(html);
  const out = new Map<string, string>();
  for (const figure of byTag('figure', doc)) {
    const caption = byTag('figcaption', figure)[0];
    const img = byTag('img', figure)[0];
    if (caption && img?.attribs.src) out.set(text(caption), img.attribs.src);
  }
  return out;
}

/** A number as the page writes it ("275,000,000", "33.3") back as a number; NaN when it is not one. */
export function pageNumber(s: string): number {
  return /^-?[\d,]+(\.\d+)?$/.test(s) ? Number(s.replace(/,/g, '')) : Number.NaN;
}

export interface SheetData {
  name: string;
  columns: string[];
  rows: (string | number)[][];
}

/** Every sheet of an XLSX file: its name, header row and data rows (empty cells as ''). */
export async function readWorkbook(bytes: ArrayBuffer | Buffer): Promise<SheetData[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const width = sheet.getRow(1).cellCount;
    const cells = (n: number) =>
      Array.from({ length: width }, (_, i) => {
        const v = sheet.getRow(n).getCell(i + 1).value;
        return typeof v === 'number' || typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v);
      });
    const rows: (string | number)[][] = [];
    for (let n = 2; n <= sheet.rowCount; n++) rows.push(cells(n));
    return { name: sheet.name, columns: cells(1).map(String), rows };
  });
}

/** CSV text (RFC 4180 quoting, CRLF lines) as rows of fields; the byte-order mark is dropped. */
export function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = csv.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** An Io whose standard output and error are collected. */
export function captureIo(isTTY = false): { io: Io; out: Buffer[]; err: string[] } {
  const out: Buffer[] = [];
  const err: string[] = [];
  const io = {
    stdout: { isTTY, write: (b: Buffer | string) => out.push(Buffer.from(b)) > 0 },
    stderr: { isTTY: false, write: (s: string) => err.push(String(s)) > 0 },
  } as unknown as Io;
  return { io, out, err };
}
