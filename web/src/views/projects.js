// The project pipeline: how many projects and how much investment at each stage, and (in full)
// every project with its stage dates and what is overdue.
import { get } from '../api.js';
import { system, withPeriod } from '../state.js';
import { chart, yiAxisName } from '../charts.js';
import { t, lang, nameOf } from '../i18n.js';
import { money, esc, yi, isNumber, fixed, month } from '../format.js';

const stages = ['lead', 'signed', 'registered', 'construction', 'production', 'full_production'];
const stageZh = {
  lead: '线索',
  signed: '签约',
  registered: '落地',
  construction: '开工',
  production: '投产',
  full_production: '达产',
};
const stageEn = {
  lead: 'lead',
  signed: 'signed',
  registered: 'registered',
  construction: 'construction',
  production: 'production',
  full_production: 'full production',
};
const stageName = (s) => (lang() === 'zh' ? stageZh[s] : stageEn[s]) ?? s;

export default async function projects(main) {
  // Judged at the end of the chosen month, else of the latest month held: the data month.
  const pipeline = await get(withPeriod('projects'));
  const list = pipeline.projects;
  const effects = list.some((p) => p.effect);
  main.innerHTML = `<h1>${esc(t('projects'))} · ${esc(t('as_of'))}${esc(month(pipeline.as_of.slice(0, 7)))}</h1>
    <div class="grid two"><div class="card"><h2>${esc(t('projects_by_stage'))}</h2><div class="chart" id="stages" data-test="stage-chart"></div></div>
    <div class="card">${pipeline.public ? `<div class="notice" data-test="projects-public">${esc(t('projects_public_note'))}</div>` : projectTable(list, effects)}</div></div>`;
  drawStages(main, pipeline);
}

// A cluster's or a park's name from the system, its code only when the system lacks it.
const named = (list, code) => nameOf((list ?? []).find((x) => x.code === code)) || code || '';

// Every project with its stage, sales at full output, input-output effect and what is overdue.
function projectTable(list, effects) {
  const sys = system() ?? {};
  return `<table data-test="projects-table"><thead><tr><th>${esc(t('project'))}</th><th>${esc(t('stage'))}</th><th class="num">${esc(t('sales_full'))}</th>${effects ? `<th class="num">${esc(t('io_effect'))}</th>` : ''}<th>${esc(t('overdue'))}</th></tr></thead>
    <tbody>${list
      .map(
        (
          p,
        ) => `<tr class="${p.overdue ? 'row-warning' : ''}"><td>${esc(p.name)}<div class="muted">${esc(p.investor)} · ${esc(named(sys.clusters, p.cluster))} · ${esc(named(sys.parks, p.park))}</div></td>
      <td>${esc(stageName(p.stage))}</td><td class="num">${esc(money(p.sales_at_full_output))}</td>
      ${effects ? `<td class="num" data-test="effect-${esc(p.code)}">${isNumber(p.effect?.total) ? `${esc(money(p.effect.total))}<div class="muted">${esc(p.effect.sector)} · ${esc(t('multiplier'))} ${fixed(p.effect.multiplier, 2)}</div>` : '—'}</td>` : ''}
      <td>${p.overdue ? `${esc(stageName(p.overdue.waiting_for ?? ''))} ${p.overdue.months_late} ${esc(t('months_late'))}` : ''}</td></tr>`,
      )
      .join('')}</tbody></table>`;
}

function drawStages(main, pipeline) {
  // The server's sums by stage: the published form has no project list to add up.
  const byStage = (s) => pipeline.by_stage.find((b) => b.stage === s) ?? {};
  const counts = stages.map((s) => byStage(s).projects ?? 0);
  const sales = stages.map((s) => byStage(s).sales_at_full_output ?? 0);
  chart(main.querySelector('#stages'), {
    grid: { left: 8, right: 8, top: 40, bottom: 20, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: stages.map(stageName) },
    yAxis: [
      { type: 'value', name: t('project'), minInterval: 1 },
      { type: 'value', name: yiAxisName(), splitLine: { show: false } },
    ],
    series: [
      { name: t('project'), type: 'bar', data: counts, itemStyle: { color: '#1f5fbf' } },
      // Stages are categories, not a series: bars beside bars.
      { name: t('sales_full'), type: 'bar', yAxisIndex: 1, data: sales.map(yi), itemStyle: { color: '#51606f' } },
    ],
  });
}
