// The cockpit: the month's headline, a gauge per key target, the trend, and which clusters
// pulled growth up.
import { get } from '../api.js';
import { withPeriod } from '../state.js';
import { chart, barsWithGrowth, colors, statusColors } from '../charts.js';
import { kpi, odds, publicNote, statusLight, statuses } from '../widgets.js';
import { t, lang, nameOf } from '../i18n.js';
import {
  money,
  growth,
  percent,
  pull,
  count,
  inUnit,
  yearToDate,
  esc,
  isNumber,
  fixed,
  month,
  changeWords,
} from '../format.js';

export default async function cockpit(main) {
  const data = await get(withPeriod('cockpit'));
  const total = data.total ?? {};
  const withheld = total.suppressed ? ` (${t('suppressed')})` : '';
  main.innerHTML = `
    <h1 data-test="cockpit-title">${esc(data.region)} · ${esc(yearToDate(data.period))}</h1>
    ${publicNote(data, 'public-note')}
    <div class="grid kpis">
      ${kpi('output', t('output'), money(total.ytd_output) + withheld, `${t('yoy')}${changeWords(total.growth_same_basis)}`, total.growth_same_basis)}
      ${kpi('value-added', t('value_added_growth'), growth(total.value_added_growth), money(total.ytd_value_added), total.value_added_growth)}
      ${kpi('revenue', t('revenue'), money(total.ytd_revenue), isNumber(total.revenue_growth) ? `${t('yoy')}${changeWords(total.revenue_growth)}` : '', total.revenue_growth ?? null)}
      ${kpi('profit', t('profit'), money(total.ytd_profit), `${t('yoy')}${changeWords(total.profit_growth)}`, total.profit_growth)}
      ${kpi('rd', t('rd_intensity'), percent(total.rd_intensity, 2), `${t('labor_productivity')} ${inUnit(total.labor_productivity, '万元/人')}`, null)}
      ${kpi('enterprises', t('enterprises_count'), count(total.enterprises, '家'), `${t('loss_making')} ${count(total.loss_count, '家')}`, null)}
    </div>
    <h2>${esc(t('key_targets'))} <span class="muted">${esc(data.plan ?? '')}</span></h2>
    <div class="grid gauges" id="gauges"></div>
    <div class="grid two">
      <div class="card"><h2>${esc(t('pull_title'))} · ${esc(yearToDate(data.period))}</h2><div class="chart tall" id="pull"></div></div>
      <div class="card"><h2>${esc(t('trend'))}</h2><div class="chart" id="trend"></div>
        <p><a href="#/targets">${esc(t('target_status'))}</a>:
          ${statuses.map((s) => `${statusLight(s)} <b data-test="targets-${s}">${data.target_status[s] ?? 0}</b>`).join(' &nbsp; ')}
          &nbsp; · &nbsp; <a href="#/alerts" data-test="open-alerts">${esc(t('alerts'))}</a>: <span class="alert-level red">${esc(t('red'))}</span> <b data-test="alerts-red">${data.alerts.red}</b>
          <span class="alert-level amber">${esc(t('amber'))}</span> <b>${data.alerts.amber}</b></p></div>
    </div>`;

  const gauges = main.querySelector('#gauges');
  for (const target of data.targets) {
    const card = document.createElement('div');
    card.className = 'card gauge';
    card.dataset.test = `gauge-${target.id}`;
    card.innerHTML = `<div><b>${esc(lang() === 'zh' ? target.name_zh : target.name_en)}</b></div>
      <div class="chart"></div>
      <div class="sub">${statusLight(target.status)} · ${esc(t('actual'))} ${esc(inUnit(target.actual, target.unit))} / ${esc(t('target'))} ${esc(inUnit(target.target, target.unit))}</div>
      <div class="sub muted">${esc(t('projection'))} ${esc(inUnit(target.projection, target.unit))} · ${esc(t('odds'))} ${odds(target.odds)}</div>`;
    gauges.append(card);
  }
  // Drawn once every card is in the grid: a gauge sized while its row was still filling
  // would be as wide as the first card and spill into its neighbours.
  for (const [i, target] of data.targets.entries()) {
    const card = gauges.children[i];
    const completion = isNumber(target.completion) ? Math.min(target.completion * 100, 150) : 0;
    const color = statusColors[target.status] ?? colors.grey;
    chart(card.querySelector('.chart'), {
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          radius: '95%',
          center: ['50%', '60%'],
          startAngle: 200,
          endAngle: -20,
          progress: { show: true, width: 12, itemStyle: { color } },
          axisLine: { lineStyle: { width: 12 } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          anchor: { show: false },
          title: { show: true, offsetCenter: [0, '35%'], fontSize: 11, color: '#667385' },
          detail: {
            valueAnimation: false,
            offsetCenter: [0, '-5%'],
            fontSize: 22,
            formatter: (v) => `${v.toFixed(1)}%`,
          },
          data: [
            {
              value: Math.min(completion, 100),
              name: `${t('completion')} · ${t('time_progress')} ${Math.round(target.time_progress * 100)}%`,
            },
          ],
        },
      ],
    });
  }

  // Which clusters pulled growth up: pull in points, largest on top.
  // Withheld clusters stay in the chart, at the bottom, marked as withheld rather than missing.
  const shown = data.clusters.filter((c) => !c.suppressed).sort((a, b) => a.pull_pp - b.pull_pp);
  const clusters = [...data.clusters.filter((c) => c.suppressed), ...shown];
  const pullChart = chart(main.querySelector('#pull'), {
    grid: { left: 8, right: 60, top: 10, bottom: 30, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (items) => {
        const c = clusters[items[0].dataIndex];
        if (c.suppressed) return `${esc(nameOf(c))}<br>${esc(t('suppressed_note'))}`;
        return `${esc(nameOf(c))}<br>${t('pull_pp')}: ${pull(c.pull_pp)}<br>${t('growth')}: ${growth(c.growth_same_basis)}<br>${t('contribution')}: ${percent(c.contribution_rate)}<br>${t('ytd_output')}: ${money(c.ytd_output)}`;
      },
    },
    xAxis: { type: 'value', name: t('pull_pp'), nameLocation: 'middle', nameGap: 24 },
    yAxis: {
      type: 'category',
      data: clusters.map((c) => nameOf(c)),
      axisLabel: { width: 190, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: clusters.map((c) =>
          c.suppressed
            ? { value: 0, suppressed: true, itemStyle: { color: colors.grey } }
            : { value: Number(c.pull_pp.toFixed(2)), itemStyle: { color: c.pull_pp >= 0 ? colors.green : colors.red } },
        ),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (p.data.suppressed ? t('suppressed') : fixed(p.value, 2)),
        },
      },
    ],
  });
  pullChart.on('click', (p) => {
    location.hash = `#/clusters/${clusters[p.dataIndex].code}`;
  });

  barsWithGrowth(main.querySelector('#trend'), {
    categories: data.trend.map((p) => month(p.period)),
    periods: data.trend.map((p) => p.period),
    amounts: data.trend.map((p) => p.month_output),
    rates: data.trend.map((p) => p.growth_same_basis),
  });
}
