import { describe, expect, it } from 'vitest';
import {
  barChartSvg,
  Chart,
  cleanSvg,
  formatNumber,
  lineChartSvg,
  pieChartSvg,
  stackedBarSvg,
  svgDataUri,
  type CategoryChartInput,
} from './charts.tsx';

const funds: CategoryChartInput = {
  title: '援助资金（元）',
  categories: ['2018年', '2019年', '2020年'],
  series: [
    { name: '浙江省', values: [100_000_000, 0, 120_000_000] },
    { name: '宁波市', values: [20_000_000, 30_000_000, 45_000_000] },
  ],
  lang: 'zh',
};

/** The shapes ECharts draws for data points (bars, line markers, pie slices), as [series, index, d]. */
function dataShapes(svg: string): { series: number; index: number; d: string }[] {
  const out = [];
  for (const m of svg.matchAll(
    /<path d="([^"]*)"[^>]*ecmeta_series_index="(\d+)" ecmeta_data_index="(\d+)" ecmeta_ssr_type="chart"/g,
  )) {
    out.push({ d: m[1] ?? '', series: Number(m[2]), index: Number(m[3]) });
  }
  return out;
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('barChartSvg', () => {
  const svg = barChartSvg(funds);

  it('draws one bar per category and series, zero values included', () => {
    const bars = dataShapes(svg);
    expect(bars).toHaveLength(3 * 2);
    expect(bars.filter((b) => b.series === 1).map((b) => b.index)).toEqual([0, 1, 2]);
  });

  it('writes the Chinese title, categories and legend, in a CJK font', () => {
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['援助资金（元）', '2018年', '2020年', '浙江省', '宁波市']),
    );
    expect(svg).toContain("font-family:'Noto Sans CJK SC'");
  });

  it('labels the value axis compactly in the chosen language', () => {
    expect(texts(svg)).toContain('1亿');
    expect(texts(barChartSvg({ ...funds, lang: 'en' }))).toContain('100M');
  });

  it('is a bare SVG document of the asked size, without the hover <style>', () => {
    const small = barChartSvg({ ...funds, width: 400, height: 200 });
    expect(small.startsWith('<svg width="400" height="200"')).toBe(true);
    expect(small).not.toContain('<style');
    expect(small).not.toContain('<?xml');
  });
});

describe('stackedBarSvg', () => {
  it('puts each category’s bars at one x, one on top of the other', () => {
    const shapes = dataShapes(stackedBarSvg(funds));
    expect(shapes).toHaveLength(6);
    const x = (series: number, index: number) =>
      shapes.find((s) => s.series === series && s.index === index)?.d.split(' ')[0];
    expect(x(0, 2)).toBe(x(1, 2));
    const grouped = dataShapes(barChartSvg(funds));
    const gx = (series: number) => grouped.find((s) => s.series === series && s.index === 2)?.d.split(' ')[0];
    expect(gx(0)).not.toBe(gx(1));
  });
});

describe('lineChartSvg', () => {
  it('marks every month of every series', () => {
    const months = ['2018-01', '2018-02', '2018-03', '2018-04', '2018-05', '2018-06'];
    const svg = lineChartSvg({
      title: 'Jobs created',
      categories: months,
      series: [
        { name: 'Yanbian', values: [5, 8, 13, 21, 34, 55] },
        { name: 'Jilin', values: [1, 2, 3, 4, 5, 6] },
      ],
      lang: 'en',
    });
    expect(dataShapes(svg)).toHaveLength(12);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Jobs created', '2018-01', '2018-06', 'Yanbian']));
  });
});

describe('pieChartSvg', () => {
  it('draws one slice per share, labelled', () => {
    const svg = pieChartSvg({
      title: '',
      slices: [
        { name: '农业', value: 3 },
        { name: '旅游', value: 5 },
        { name: '制造业', value: 2 },
      ],
      lang: 'zh',
    });
    expect(dataShapes(svg)).toHaveLength(3);
    expect(texts(svg)).toEqual(expect.arrayContaining(['农业', '旅游', '制造业']));
  });
});

describe('cleanSvg and svgDataUri', () => {
  it('drops an XML declaration and style blocks, keeping the drawing', () => {
    const raw =
      '<?xml version="1.0"?>\n<svg x="1"><style ><![CDATA[.a:hover{fill:red}]]></style><path d="M0 0"/></svg>\n';
    expect(cleanSvg(raw)).toBe('<svg x="1"><path d="M0 0"/></svg>');
  });

  it('encodes the whole SVG, Chinese included, as a base64 data: URI', () => {
    const svg = barChartSvg(funds);
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(uri).toMatch(/^[\w:/;+,=-]+$/);
    const back = Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64').toString('utf8');
    expect(back).toBe(svg);
    expect(back).toContain('浙江省');
  });
});

describe('formatNumber', () => {
  it('groups digits in both languages and keeps two decimals at most', () => {
    expect(formatNumber(300_000_000, 'zh')).toBe('300,000,000');
    expect(formatNumber(1234.567, 'en')).toBe('1,234.57');
  });
});

// A hono/jsx element is a string (or a promise of one, for async components) once rendered.
async function html(node: ReturnType<typeof Chart>): Promise<string> {
  return String(await node);
}

describe('Chart', () => {
  const table = {
    columns: ['年份', '浙江省', '宁波市'],
    rows: [
      ['2018年', 100_000_000, 20_000_000],
      ['2019年', 0, 30_000_000],
    ],
  };

  it('renders a figure: caption, image with a name, and the data as a headed table', async () => {
    const out = await html(Chart({ svg: barChartSvg(funds), caption: '援助资金', table, lang: 'zh' }));
    expect(out).toMatch(
      /^<figure class="chart"><figcaption>援助资金<\/figcaption><img src="data:image\/svg\+xml;base64,/,
    );
    expect(out).toContain('alt="图表：援助资金。数据见其后的表格。" width="640" height="320"');
    expect(out).toContain('<caption>图表数据：援助资金</caption>');
    expect(out.match(/<th scope="col">/g)).toHaveLength(3);
    expect(out.match(/<th scope="row">/g)).toHaveLength(2);
    expect(out).toContain(
      '<th scope="row">2018年</th><td class="num">100,000,000</td><td class="num">20,000,000</td>',
    );
    expect(out).not.toContain('<svg');
    expect(out.endsWith('</table></div></figure>')).toBe(true);
  });

  it('speaks English, marks Chinese names with their language and escapes text', async () => {
    const out = await html(
      Chart({
        svg: barChartSvg({ ...funds, lang: 'en' }),
        caption: 'Funds <by year>',
        table: { columns: ['Year', 'Region'], rows: [['2018', { text: '浙江省', lang: 'zh' }]] },
        lang: 'en',
      }),
    );
    expect(out).toContain('<figcaption>Funds &lt;by year&gt;</figcaption>');
    expect(out).toContain('alt="Chart: Funds &lt;by year&gt;. Its data are in the table that follows."');
    expect(out).toContain('<td><span lang="zh-CN">浙江省</span></td>');
  });

  it('says so when there is nothing to show', async () => {
    const out = await html(
      Chart({ svg: '<svg></svg>', caption: 'x', table: { columns: ['a', 'b'], rows: [] }, lang: 'en' }),
    );
    expect(out).toContain('<td colspan="2">No data for this period.</td>');
    expect(out).not.toContain('width=');
  });
});
