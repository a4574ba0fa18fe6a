// ECharts helpers: every chart of a route is disposed when the next route is drawn, and the
// common figures (amounts as bars with a growth line) are drawn one way.
import { t, lang } from './i18n.js';
import { yi, isNumber } from './format.js';

export const colors = { blue: '#1f5fbf', red: '#d33a2c', green: '#1e9e5a', amber: '#e0a100', grey: '#9aa5b1' };

// A target status's colour, the same as its mark's everywhere (style.css .status).
export const statusColors = {
  ahead: colors.blue,
  green: colors.green,
  amber: colors.amber,
  red: colors.red,
  no_data: colors.grey,
  withheld: colors.grey,
};

let charts = [];

// An ECharts instance in `element`, redrawn whenever its container changes size and disposed on
// the next route. A chart drawn while its row is still being laid out (the cockpit's gauges after
// sign-in) takes the size it has then; the observer redraws it when the layout settles, and on
// every later change of the window or the grid.
export function chart(element, option) {
  // A page left while it loaded draws nothing.
  if (!element?.isConnected) return { on() {}, dispose() {}, resize() {} };
  const instance = globalThis.echarts.init(element, null, { renderer: 'canvas' });
  // No animation: a wall display redraws often, and a figure should read at once.
  instance.setOption({ animation: false, ...option });
  let last = `${element.clientWidth}x${element.clientHeight}`;
  const observer = globalThis.ResizeObserver
    ? new ResizeObserver(() => {
        const size = `${element.clientWidth}x${element.clientHeight}`;
        if (size === last || instance.isDisposed()) return;
        last = size;
        instance.resize();
      })
    : null;
  observer?.observe(element);
  charts.push({ instance, observer });
  return instance;
}

export function disposeCharts() {
  charts.forEach(({ instance, observer }) => {
    observer?.disconnect();
    instance.dispose();
  });
  charts = [];
}

// The axis name of amounts shown in 亿元.
export const yiAxisName = () => (lang() === 'zh' ? '亿元' : '100 M yuan');

// A rate (0.052) as a percentage for a chart (5.2), null where there is none.
const percentOf = (rate, digits) => (isNumber(rate) ? Number((rate * 100).toFixed(digits)) : null);

// The colour of growth rates drawn beside amounts: neither the red of a lag nor the green of a
// status, so that colour keeps one meaning.
const rateColour = '#51606f';

// Amounts in 万元 as bars (shown in 亿元) with their growth rates on a second axis. Over months
// (`periods`, YYYY-MM) year-to-date growth is a line that restarts each January, one segment a
// year, never a line across the year's end; over categories (parks, stages) the rates are bars.
export function barsWithGrowth(element, { categories, amounts, rates, amountName, rateName, digits = 1, periods }) {
  const rateLabel = rateName ?? t('ytd_growth');
  const rateSeries = periods
    ? [...new Set(periods.map((p) => p.slice(0, 4)))].map((year) => ({
        // One name for every year: one legend entry, and a segment per year.
        name: rateLabel,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: false,
        data: rates.map((r, i) => (periods[i].startsWith(year) ? percentOf(r, digits) : null)),
        itemStyle: { color: rateColour },
      }))
    : [
        {
          name: rateLabel,
          type: 'bar',
          yAxisIndex: 1,
          data: rates.map((r) => percentOf(r, digits)),
          itemStyle: { color: rateColour },
        },
      ];
  return chart(element, {
    grid: { left: 8, right: 8, top: 40, bottom: 20, containLabel: true },
    legend: { top: 0, data: [amountName ?? t('month_output'), rateLabel] },
    tooltip: { trigger: 'axis' },
    // Category names are never dropped: they wrap or turn rather than vanish.
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel: { interval: 0, rotate: periods ? 0 : 30, hideOverlap: Boolean(periods) },
    },
    yAxis: [
      { type: 'value', name: yiAxisName() },
      { type: 'value', name: '%', splitLine: { show: false } },
    ],
    series: [
      { name: amountName ?? t('month_output'), type: 'bar', data: amounts.map(yi), itemStyle: { color: colors.blue } },
      ...rateSeries,
    ],
  });
}
