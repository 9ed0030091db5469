import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { defineMessages, HTML_LANG, type Lang } from '../lib/i18n.ts';

/*
 * Charts drawn on the server as SVG with ECharts, shown as <img> with a data: URI, each followed by its
 * data as a table.
 *
 * Why an image and not inline SVG: ECharts writes font sizes and families in style="" attributes and adds
 * a <style> element, and the page's CSP (style-src 'self') blocks both when the SVG is part of the page.
 * An SVG loaded as an image is a document of its own that the page's CSP does not govern, img-src allows
 * data:, and its ECharts-only attributes (ecmeta_*) never meet the HTML validator. Nothing needs a script.
 */

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/** Chinese first so Chromium on a Debian server (fonts-noto-cjk) and common desktops all find a CJK face. */
export const CHART_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * Series colours with at least 3:1 contrast against white (WCAG non-text contrast), blue and orange first
 * so the two most common series stay apart for colour-blind readers. ECharts' default green is 1.8:1.
 */
export const CHART_COLORS = ['#1c4f9c', '#c2410c', '#2b7a3e', '#7e22ce', '#0e7490', '#a61e4d', '#4b5563'];

export interface ChartSeries {
  name: string;
  /** One value per category, in the categories' order. */
  values: readonly number[];
}

export interface CategoryChartInput {
  /** Drawn inside the image; may be '' when the page's caption says it already. */
  title: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  width?: number;
  height?: number;
  lang: Lang;
}

export interface PieChartInput {
  title: string;
  slices: readonly { name: string; value: number }[];
  width?: number;
  height?: number;
  lang: Lang;
}

const WIDTH = 640;
const HEIGHT = 320;

/** Numbers as the language writes them: 300,000,000 in both, with a locale's decimal marks. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(HTML_LANG[lang], { maximumFractionDigits: 2 }).format(value);
}

/** Short axis labels: 300M in English, 3亿 in Chinese. */
function compact(value: number, lang: Lang): string {
  return new Intl.NumberFormat(HTML_LANG[lang], { notation: 'compact', maximumFractionDigits: 1 }).format(
    value,
  );
}

function render(option: EChartsCoreOption, width = WIDTH, height = HEIGHT): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: CHART_COLORS,
      textStyle: { fontFamily: CHART_FONTS },
      ...option,
    });
    return cleanSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * An SVG string fit to stand alone as an image: no XML declaration, and without ECharts' <style> block,
 * which only holds hover effects that an image never shows.
 */
export function cleanSvg(svg: string): string {
  return svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .trim();
}

function titleOption(title: string) {
  return title ? { text: title, left: 'center', textStyle: { fontSize: 16 } } : { show: false };
}

function categoryOption(
  input: CategoryChartInput,
  type: 'bar' | 'line',
  stacked: boolean,
): EChartsCoreOption {
  const legend = input.series.length > 1;
  return {
    title: titleOption(input.title),
    legend: legend ? { bottom: 0 } : { show: false },
    grid: {
      left: 8,
      right: 16,
      top: input.title ? 48 : 16,
      bottom: legend ? 40 : 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { type: 'category', data: [...input.categories] },
    // Counts, yuan and percentages: no axis needs ticks between whole numbers (0.2 of a project).
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => compact(v, input.lang) } },
    series: input.series.map((s) => ({
      type,
      name: s.name,
      data: [...s.values],
      ...(stacked ? { stack: 'total' } : {}),
      ...(type === 'line' ? { showSymbol: true, showAllSymbol: true } : {}),
    })),
  };
}

/** Grouped bars: one bar per category and series. Returns an SVG document as a string. */
export function barChartSvg(input: CategoryChartInput): string {
  return render(categoryOption(input, 'bar', false), input.width, input.height);
}

/** Bars with the series stacked on one another per category (parts of a whole, e.g. projects by stage). */
export function stackedBarSvg(input: CategoryChartInput): string {
  return render(categoryOption(input, 'bar', true), input.width, input.height);
}

/** Lines over ordered categories, e.g. months ('2018-01' …), with a marker on every value. */
export function lineChartSvg(input: CategoryChartInput): string {
  return render(categoryOption(input, 'line', false), input.width, input.height);
}

/** A pie of named shares, each slice labelled with its name. */
export function pieChartSvg(input: PieChartInput): string {
  return render(
    {
      title: titleOption(input.title),
      series: [
        {
          type: 'pie',
          radius: '60%',
          center: ['50%', input.title ? '55%' : '50%'],
          data: input.slices.map((s) => ({ name: s.name, value: s.value })),
        },
      ],
    },
    input.width,
    input.height,
  );
}

/** The SVG as a data: URI for an <img src> (base64, so quotes and non-ASCII text need no escaping). */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(cleanSvg(svg), 'utf8').toString('base64')}`;
}

function svgSize(svg: string): { width?: number; height?: number } {
  const m = /<svg\b[^>]*?\swidth="(\d+)"[^>]*?\sheight="(\d+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : {};
}

const chartMsg = defineMessages({
  en: {
    alt: 'Chart: {caption}. Its data are in the table that follows.',
    tableCaption: 'Data of the chart: {caption}',
    noData: 'No data for this period.',
  },
  zh: {
    alt: '图表：{caption}。数据见其后的表格。',
    tableCaption: '图表数据：{caption}',
    noData: '本期间没有数据。',
  },
});

/** A table cell: numbers are formatted for the language; `lang` marks text in the other language. */
export type ChartCell = string | number | { text: string; lang: Lang };

function Cell(props: { value: ChartCell; lang: Lang }) {
  const v = props.value;
  if (typeof v === 'number') return <>{formatNumber(v, props.lang)}</>;
  if (typeof v === 'string') return <>{v}</>;
  return v.lang === props.lang ? <>{v.text}</> : <span lang={HTML_LANG[v.lang]}>{v.text}</span>;
}

/**
 * A chart with its caption and its data as an accessible table: a <figure> holding the caption, the chart
 * as an image whose alt text names it, and a table whose first column heads each row.
 */
export function Chart(props: {
  svg: string;
  caption: string;
  table: { columns: readonly string[]; rows: readonly (readonly ChartCell[])[] };
  lang: Lang;
}) {
  const t = chartMsg(props.lang);
  const { width, height } = svgSize(props.svg);
  return (
    <figure class="chart">
      <figcaption>{props.caption}</figcaption>
      <img
        src={svgDataUri(props.svg)}
        alt={t('alt', { caption: props.caption })}
        width={width}
        height={height}
      />
      <div class="table-scroll" tabindex={0}>
        <table>
          <caption>{t('tableCaption', { caption: props.caption })}</caption>
          <thead>
            <tr>
              {props.table.columns.map((c) => (
                <th scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.length === 0 ? (
              <tr>
                <td colspan={Math.max(1, props.table.columns.length)}>{t('noData')}</td>
              </tr>
            ) : (
              props.table.rows.map(([head, ...rest]) => (
                <tr>
                  <th scope="row">{head === undefined ? '' : <Cell value={head} lang={props.lang} />}</th>
                  {rest.map((v) => (
                    <td class={typeof v === 'number' ? 'num' : undefined}>
                      <Cell value={v} lang={props.lang} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
