import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  columnHeaders,
  csvField,
  EXPORT_PAGE,
  exportFileName,
  exportStream,
  labelledRow,
  toRecord,
  type ExportRow,
} from './export.ts';
import { ListingRecord } from './fields.ts';

function row(over: Partial<ExportRow> = {}): ExportRow {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    ref: 'mdev-0003',
    orgId: '00000000-0000-4000-8000-000000000002',
    regionCode: 'CN-JL',
    areaCode: '222426',
    direction: 'offer',
    category: 'product',
    sector: 'C15',
    title: '长白山天然矿泉水 寻浙江代理商',
    description: '水源地在安图县，年产能十万吨。',
    language: 'zh',
    tags: ['矿泉水', '饮用水'],
    amountCny: 2_500_000,
    validUntil: '2018-12-31',
    status: 'published',
    reviewNote: null,
    reviewedBy: null,
    reviewedAt: null,
    createdBy: null,
    createdAt: new Date('2018-03-01T02:15:00Z'),
    updatedAt: new Date('2018-03-01T02:15:00Z'),
    orgNameZh: '安图县泉源饮品有限公司',
    orgNameEn: 'Antu Spring Beverages Co.',
    orgType: 'enterprise',
    expired: false,
    ...over,
  };
}

/** Rows arriving one at a time, as pages from the database do. */
async function* rowsOf(rows: ExportRow[]): AsyncGenerator<ExportRow> {
  for (const r of rows) yield await Promise.resolve(r);
}

describe('toRecord', () => {
  it('writes the interchange format, leaving out empty optional fields, so that it re-imports', () => {
    const full = toRecord(row());
    expect(full).toEqual({
      id: 'mdev-0003',
      region: 'CN-JL',
      area_code: '222426',
      organization: { name: '安图县泉源饮品有限公司', type: 'enterprise' },
      direction: 'offer',
      category: 'product',
      sector: 'C15',
      title: '长白山天然矿泉水 寻浙江代理商',
      description: '水源地在安图县，年产能十万吨。',
      language: 'zh',
      tags: ['矿泉水', '饮用水'],
      amount_cny: 2_500_000,
      valid_until: '2018-12-31',
      created_at: '2018-03-01T10:15:00+08:00',
    });
    expect(ListingRecord.parse(full)).toEqual(full);

    const bare = toRecord(
      row({ areaCode: null, sector: null, tags: [], amountCny: null, validUntil: null, language: 'en' }),
    );
    expect(Object.keys(bare)).toEqual([
      'id',
      'region',
      'organization',
      'direction',
      'category',
      'title',
      'description',
      'language',
      'created_at',
    ]);
    expect(bare.organization.name).toBe('Antu Spring Beverages Co.');
    expect(ListingRecord.safeParse(bare).success).toBe(true);
  });
});

describe('labelled rows', () => {
  it('labels codes in the chosen language', () => {
    const headers = columnHeaders('en');
    const en = Object.fromEntries(
      headers.map((h, i) => [h, labelledRow(row(), 'en', 'https://cp.example')[i]]),
    );
    expect(en).toMatchObject({
      Reference: 'mdev-0003',
      'Offer or seek': 'Offer',
      Category: 'Products',
      'Sector (GB/T 4754)': 'C15 Manufacture of Liquor, Beverages and Refined Tea',
      Province: 'Jilin',
      Area: 'Yanbian Korean Autonomous Prefecture (222426)',
      Organisation: 'Antu Spring Beverages Co.',
      'Organisation type': 'Enterprise',
      Language: 'Chinese',
      Tags: '矿泉水, 饮用水',
      'Amount (CNY)': 2_500_000,
      'Posted (China time)': '2018-03-01 10:15:00',
      Status: 'Published',
      Link: 'https://cp.example/en/listings/mdev-0003',
    });
    const zh = labelledRow(row({ expired: true, areaCode: '222400' }), 'zh', '');
    expect(columnHeaders('zh').slice(0, 4)).toEqual(['编号', '标题', '供需', '类别']);
    expect(zh).toEqual(
      expect.arrayContaining(['供给', '产品', 'C15 酒、饮料和精制茶制造业', '吉林省', '延边朝鲜族自治州']),
    );
    expect(zh).toEqual(
      expect.arrayContaining(['企业', '中文', '矿泉水、饮用水', '已过期', '/zh/listings/mdev-0003']),
    );
  });

  it('quotes CSV fields and keeps spreadsheet formulas from running', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});

describe('exportStream', () => {
  const many = Array.from({ length: EXPORT_PAGE + 3 }, (_, i) =>
    row({ ref: `r-${i}`, title: `Listing ${i}` }),
  );

  it('streams JSON Lines, one record a line', async () => {
    const text = (await buffer(exportStream(rowsOf(many), 'jsonl', 'en', ''))).toString('utf8');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(many.length);
    expect(JSON.parse(lines[EXPORT_PAGE]!)).toEqual(toRecord(many[EXPORT_PAGE]!));
  });

  it('streams CSV with a byte-order mark, a header line and CRLF line ends', async () => {
    const text = (await buffer(exportStream(rowsOf(many.slice(0, 2)), 'csv', 'zh', ''))).toString('utf8');
    expect(text.startsWith('\uFEFF编号,标题,供需,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(4);
  });

  it('writes an XLSX workbook that opens, with a bold header row and numeric amounts', async () => {
    const data = await buffer(exportStream(rowsOf(many), 'xlsx', 'en', ''));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Listings')!;
    expect(sheet.rowCount).toBe(many.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Reference');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const amountColumn = columnHeaders('en').indexOf('Amount (CNY)') + 1;
    expect(sheet.getRow(2).getCell(amountColumn).value).toBe(2_500_000);
    expect(sheet.getRow(many.length + 1).getCell(2).value).toBe(`Listing ${many.length - 1}`);
  });

  it('ends the stream with the error when reading listings fails', async () => {
    async function* failing(): AsyncGenerator<ExportRow> {
      yield await Promise.resolve(row());
      throw new Error('database went away');
    }
    for (const format of ['jsonl', 'csv', 'xlsx'] as const) {
      await expect(buffer(exportStream(failing(), format, 'en', ''))).rejects.toThrow('database went away');
    }
  });
});

it('names downloads by the China date', () => {
  expect(exportFileName('xlsx', new Date('2018-02-28T17:00:00Z'))).toBe('listings-2018-03-01.xlsx');
});
