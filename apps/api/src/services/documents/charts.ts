import * as echarts from 'echarts';
import type { Chart } from './content';
import { Raster } from './png';

export interface BarSeries {
  name: string;
  /** null draws no bar (not scored, not reported). */
  values: (number | null)[];
  color: string;
}

export interface BarChartSpec {
  caption: string;
  categories: string[];
  series: BarSeries[];
  yMax: number;
  yName: string;
  /** A horizontal line such as the low-score threshold. */
  markLine?: { value: number; label: string };
}

export const WIDTH = 580;
export const HEIGHT = 340;

/** Long county names are set at an angle and need a deeper margin below the plot. */
const grid = (spec: BarChartSpec) => ({ left: 48, right: 24, top: 44, bottom: spec.categories.length > 8 ? 110 : 48 });
const FONT_FAMILY = "'Microsoft YaHei', SimHei, 'Noto Sans CJK SC', sans-serif";

function option(spec: BarChartSpec): echarts.EChartsCoreOption {
  const rotate = spec.categories.length > 8 ? 40 : 0;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_FAMILY },
    legend: spec.series.length > 1 ? { top: 6, itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 11 } } : undefined,
    grid: { ...grid(spec), containLabel: false },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate, fontSize: 11 } },
    yAxis: { type: 'value', max: spec.yMax, min: 0, name: spec.yName, nameTextStyle: { fontSize: 11 }, axisLabel: { fontSize: 11 } },
    series: spec.series.map((s, i) => ({
      type: 'bar',
      name: s.name,
      data: s.values,
      itemStyle: { color: s.color },
      barMaxWidth: 28,
      ...(i === 0 && spec.markLine
        ? { markLine: { silent: true, symbol: 'none', data: [{ yAxis: spec.markLine.value }], label: { formatter: spec.markLine.label, fontSize: 11, position: 'insideEndTop' }, lineStyle: { color: '#c23531', type: 'dashed' } } }
        : {}),
    })),
  };
}

/** The same bars without text, for word processors that cannot draw the SVG. */
function fallbackPng(spec: BarChartSpec): Buffer {
  const raster = new Raster(WIDTH, HEIGHT);
  const box = grid(spec);
  const plotW = WIDTH - box.left - box.right;
  const plotH = HEIGHT - box.top - box.bottom;
  for (let i = 0; i <= 5; i++) raster.fill(box.left, box.top + (plotH * i) / 5, plotW, 1, 0xdbdee4);
  const slot = plotW / Math.max(1, spec.categories.length);
  const barW = Math.min(28, (slot * 0.7) / spec.series.length);
  spec.series.forEach((s, si) => {
    const color = parseInt(s.color.slice(1), 16);
    s.values.forEach((v, ci) => {
      if (v === null) return;
      const h = (Math.min(v, spec.yMax) / spec.yMax) * plotH;
      const x = box.left + slot * ci + (slot - barW * spec.series.length) / 2 + barW * si;
      raster.fill(x, box.top + plotH - h, barW, h, color);
    });
  });
  if (spec.markLine) raster.fill(box.left, box.top + plotH - (spec.markLine.value / spec.yMax) * plotH, plotW, 1, 0xc23531);
  raster.fill(box.left, box.top + plotH, plotW, 1, 0x6e7079);
  return raster.png();
}

/** Rendered on the server to SVG (the caption goes under the image, not into it); the hover-only stylesheet is dropped. */
export function barChart(spec: BarChartSpec): Chart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    chart.setOption(option(spec));
    const svg = chart.renderToSVGString().replace(/<style[\s\S]*?<\/style>/g, '');
    return { caption: spec.caption, svg, png: fallbackPng(spec), width: WIDTH, height: HEIGHT };
  } finally {
    chart.dispose();
  }
}
