// ECharts helpers: every chart of a route is disposed when the next route is drawn, and the
// common figures (amounts as bars with a growth line) are drawn one way.
import { t, lang } from './i18n.js';
import { yi, isNumber } from './format.js';

export const colors = { blue: '#1f5fbf', red: '#d33a2c', green: '#1e9e5a', amber: '#e0a100', grey: '#9aa5b1' };

let charts = [];

// An ECharts instance in `element`, resized with the window and disposed on the next route.
export function chart(element, option) {
  // A page left while it loaded draws nothing.
  if (!element?.isConnected) return { on() {}, dispose() {}, resize() {} };
  const instance = globalThis.echarts.init(element, null, { renderer: 'canvas' });
  // No animation: a wall display redraws often, and a figure should read at once.
  instance.setOption({ animation: false, ...option });
  charts.push(instance);
  return instance;
}

export function disposeCharts() {
  charts.forEach((c) => c.dispose());
  charts = [];
}

globalThis.addEventListener?.('resize', () => charts.forEach((c) => c.resize()));

// The axis name of amounts shown in 亿元.
export const yiAxisName = () => (lang() === 'zh' ? '亿元' : '100 M yuan');

// A rate (0.052) as a percentage for a chart (5.2), null where there is none.
const percentOf = (rate, digits) => (isNumber(rate) ? Number((rate * 100).toFixed(digits)) : null);

// Amounts in 万元 as bars (shown in 亿元) and their growth rates as a line on a second axis.
export function barsWithGrowth(element, { categories, amounts, rates, amountName, rateName, digits = 2 }) {
  return chart(element, {
    grid: { left: 8, right: 8, top: 40, bottom: 20, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: categories },
    yAxis: [
      { type: 'value', name: yiAxisName() },
      { type: 'value', name: '%', splitLine: { show: false } },
    ],
    series: [
      { name: amountName ?? t('month_output'), type: 'bar', data: amounts.map(yi), itemStyle: { color: colors.blue } },
      {
        name: rateName ?? t('ytd_growth'),
        type: 'line',
        yAxisIndex: 1,
        data: rates.map((r) => percentOf(r, digits)),
        itemStyle: { color: colors.red },
      },
    ],
  });
}
