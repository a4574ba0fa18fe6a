// The cluster system as a tree (tiers, then their clusters) with each group's last 12 months as
// a sparkline and its contribution as a bar; a cluster opens to its months, targets and chains.
import { get } from '../api.js';
import { seesEnterprises, system, withPeriod } from '../state.js';
import { chart, barsWithGrowth, colors, yiAxisName } from '../charts.js';
import { odds, publicNote, statusLight, suppressedTag } from '../widgets.js';
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
  yi,
  isNumber,
  yearText,
  month,
  changeWords,
} from '../format.js';

// The series come as columns ({period: [...], month_output: [...]}); one month as an object.
const monthOf = (g, i) => Object.fromEntries(Object.entries(g.series).map(([k, v]) => [k, v[i]]));

function pullBar(pp, largest) {
  if (!isNumber(pp)) return '';
  const width = largest > 0 ? Math.min(Math.abs(pp) / largest, 1) * 100 : 0;
  return `<div class="bar" title="${esc(pull(pp))}"><span class="${pp < 0 ? 'neg' : ''}" style="width:${width.toFixed(1)}%"></span></div>`;
}

function figures(group) {
  if (group.suppressed) {
    return `<td colspan="5" class="muted">${suppressedTag()} ${esc(t('suppressed_note'))}</td>`;
  }
  return `<td class="num">${esc(money(group.ytd_output))}</td>
    <td class="num ${group.growth_same_basis >= 0 ? 'up' : 'down'}">${esc(growth(group.growth_same_basis))}</td>
    <td class="num">${esc(percent(group.contribution_rate))}</td>
    <td class="num">${esc(pull(group.pull_pp))}</td>`;
}

// "1.95", "—" where undefined, the withheld tag's word where withheld.
function quotient(c) {
  if (!c) return '—';
  if (c.withheld) return t('suppressed');
  return isNumber(c.lq) ? c.lq.toFixed(2) : '—';
}

// The benchmark in words: how many regions, which year, the district's months (the matrix's
// own name, a code given at import, is left to the tooltip).
function benchmarkNote(b) {
  const months = b.annualised ? `${yearToDate(b.period)}${t('annualised')}` : yearText(b.year ?? b.benchmark_year);
  return `${t('lq_note')}: ${b.regions} ${t('benchmark_regions')} ${yearText(b.benchmark_year ?? '')} · ${t('district_figures')} ${months}`;
}

// The cluster against the benchmark: its quotient and shares, and its growth between two whole
// years split into the nation's growth, its industries' mix and the district's own share.
function benchmarkCard(benchmark, code) {
  if (!benchmark)
    return `<div class="card"><h2>${esc(t('lq_title'))}</h2><p class="muted">${esc(t('no_benchmark'))}</p></div>`;
  const c = benchmark.clusters.find((x) => x.code === code);
  const s = benchmark.shift_share.clusters.find((x) => x.code === code);
  const years = benchmark.shift_share.from ? `${benchmark.shift_share.from}–${benchmark.shift_share.to}` : '';
  return `<div class="card" data-test="cluster-benchmark"><h2>${esc(t('lq_title'))}</h2>
    <dl class="facts"><dt>${esc(t('lq'))}</dt><dd data-test="cluster-lq">${esc(quotient(c))}</dd>
      <dt>${esc(t('region_share'))}</dt><dd>${esc(c && !c.withheld ? percent(c.region_share) : '—')}</dd>
      <dt>${esc(t('benchmark_share'))}</dt><dd>${esc(c ? percent(c.benchmark_share) : '—')}</dd></dl>
    <p class="muted">${esc(benchmarkNote(benchmark))}</p>
    ${s && years && !s.withheld ? `<h2>${esc(years)}</h2><div class="chart" id="shift" data-test="cluster-shift"></div>` : `<p class="muted">${esc(benchmark.shift_share.note || '')}</p>`}</div>`;
}

export default async function clusters(main, [code]) {
  if (code) return cluster(main, code);
  const [tiers, clustersSeries, cockpit, benchmark] = await Promise.all([
    get(withPeriod('indicators?kind=tier&months=12')),
    get(withPeriod('indicators?kind=cluster&months=12')),
    get(withPeriod('cockpit')),
    get(withPeriod('analytics/clusters')).catch(() => null),
  ]);
  const lqOf = (code) => benchmark?.clusters.find((c) => c.code === code);
  const latest = (g) => monthOf(g, g.series.period.length - 1);
  const largest = Math.max(...[...tiers.groups, ...clustersSeries.groups].map((g) => Math.abs(latest(g).pull_pp ?? 0)));
  const sys = system();
  let rows = '';
  const sparks = [];
  for (const tier of sys.tiers ?? []) {
    const tg = tiers.groups.find((g) => g.code === tier.code);
    const members = clustersSeries.groups.filter((g) => g.parent_code === tier.code);
    rows += `<tr class="tier" data-test="tier-${esc(tier.code)}"><td>${esc(nameOf(tier))}</td><td class="num">${count(tg ? latest(tg).enterprises : null, '家')}</td>
      ${tg ? figures(latest(tg)) : '<td colspan="4"></td>'}<td>${tg && !latest(tg).suppressed ? pullBar(latest(tg).pull_pp, largest) : ''}</td>${benchmark ? '<td></td>' : ''}
      <td><div class="spark" data-spark="tier-${esc(tier.code)}"></div></td></tr>`;
    if (tg) sparks.push([`tier-${tier.code}`, tg]);
    for (const g of members) {
      rows += `<tr class="cluster clickable" data-test="cluster-${esc(g.code)}" data-code="${esc(g.code)}"><td>${esc(nameOf(g))}</td>
        <td class="num">${count(latest(g).enterprises, '家')}</td>${figures(latest(g))}
        <td>${!latest(g).suppressed ? pullBar(latest(g).pull_pp, largest) : ''}</td>
        ${benchmark ? `<td class="num" data-test="lq-${esc(g.code)}">${esc(quotient(lqOf(g.code)))}</td>` : ''}
        <td><div class="spark" data-spark="cluster-${esc(g.code)}"></div></td></tr>`;
      sparks.push([`cluster-${g.code}`, g]);
    }
  }
  main.innerHTML = `<h1>${esc(t('clusters'))} · ${esc(lang() === 'zh' ? sys.name_zh : sys.name_en)} · ${esc(yearToDate(cockpit.period))}</h1>
    ${publicNote(cockpit)}
    <div class="card"><table data-test="cluster-tree"><thead><tr><th>${esc(t('group'))}</th><th class="num">${esc(t('enterprises_count'))}</th>
      <th class="num">${esc(t('ytd_output'))}</th><th class="num">${esc(t('growth'))}</th><th class="num">${esc(t('contribution'))}</th>
      <th class="num">${esc(t('pull_pp'))}</th><th></th>${benchmark ? `<th class="num" title="${esc(benchmark.benchmark)}">${esc(t('lq'))}</th>` : ''}<th>${esc(t('last_12'))}</th></tr></thead><tbody>${rows}</tbody></table>
      ${benchmark ? `<p class="muted" title="${esc(benchmark.benchmark)}">${esc(t('lq'))} · ${esc(benchmarkNote(benchmark))}</p>` : ''}</div>`;
  main
    .querySelectorAll('tr.cluster')
    .forEach((tr) => (tr.onclick = () => (location.hash = `#/clusters/${tr.dataset.code}`)));
  for (const [key, group] of sparks) {
    const element = main.querySelector(`[data-spark="${key}"]`);
    if (!element) continue;
    chart(element, {
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: group.series.period },
      yAxis: { type: 'value', show: false, scale: true },
      tooltip: {
        trigger: 'axis',
        formatter: (p) => `${p[0].name}: ${money(group.series.month_output[p[0].dataIndex])}`,
      },
      series: [
        {
          type: 'line',
          data: group.series.month_output.map(yi),
          symbol: 'none',
          lineStyle: { width: 1.5, color: colors.blue },
          areaStyle: { color: 'rgba(31,95,191,0.12)' },
        },
      ],
    });
  }
}

async function cluster(main, code) {
  const [series, targetReport, chainReport, benchmark] = await Promise.all([
    get(withPeriod(`indicators?kind=cluster&code=${encodeURIComponent(code)}&months=24`)),
    get(withPeriod('targets')),
    get(withPeriod('chains')).catch(() => ({ chains: [] })),
    get(withPeriod('analytics/clusters')).catch(() => null),
  ]);
  const g = series.groups[0];
  const now = monthOf(g, g.series.period.length - 1);
  const targets = targetReport.targets.filter((x) => x.scope === `cluster:${code}`);
  const chains = chainReport.chains.filter((c) => c.cluster === code);
  const info = (system().clusters ?? []).find((c) => c.code === code) ?? {};
  main.innerHTML = `<p><a href="#/clusters">← ${esc(t('back'))}</a></p>
    <h1 data-test="cluster-title">${esc(nameOf(g))}</h1>
    <div class="grid kpis">
      <div class="card kpi"><div class="label">${esc(t('ytd_output'))} · ${esc(yearToDate(now.period))}</div><div class="value" data-test="cluster-output">${esc(now.suppressed ? t('suppressed') : money(now.ytd_output))}</div><div class="sub">${esc(t('yoy'))}${esc(changeWords(now.growth_same_basis))}</div></div>
      <div class="card kpi"><div class="label">${esc(t('pull_pp'))}</div><div class="value">${esc(pull(now.pull_pp))}</div><div class="sub">${esc(t('contribution'))} ${esc(percent(now.contribution_rate))}</div></div>
      <div class="card kpi"><div class="label">${esc(t('value_added_growth'))}</div><div class="value">${esc(growth(now.value_added_growth))}</div><div class="sub">${esc(t('rd_intensity'))} ${esc(percent(now.rd_intensity, 2))}</div></div>
      <div class="card kpi"><div class="label">${esc(t('enterprises_count'))}</div><div class="value">${esc(count(now.enterprises, '家'))}</div><div class="sub">${esc(t('loss_making'))} ${esc(count(now.loss_count, '家'))}</div></div>
    </div>
    <div class="grid two">
      <div class="card"><h2>${esc(t('trend'))}</h2><div class="chart" id="months"></div></div>
      <div class="card"><h2>${esc(t('targets'))}</h2>${
        targets.length
          ? `<table><thead><tr><th></th><th class="num">${esc(t('actual'))}</th><th class="num">${esc(t('target'))}</th><th class="num">${esc(t('projection'))}</th><th class="num">${esc(t('odds'))}</th></tr></thead><tbody>
        ${targets.map((x) => `<tr><td>${statusLight(x.status)} ${esc(lang() === 'zh' ? x.name_zh : x.name_en)}</td><td class="num">${esc(inUnit(x.actual, x.unit))}</td><td class="num">${esc(inUnit(x.target, x.unit))} (${esc(yearText(x.target_year))})</td><td class="num">${esc(inUnit(x.projection, x.unit))}</td><td class="num">${odds(x.odds)}</td></tr>`).join('')}</tbody></table>`
          : `<p class="muted">${esc(t('no_targets'))}</p>`
      }
        ${chains.length ? `<h2>${esc(t('chains'))}</h2><ul>${chains.map((c) => `<li><a href="#/chains/${esc(c.code)}">${esc(nameOf(c))}</a> · ${esc(t('completeness'))} ${c.completeness.toFixed(0)}</li>`).join('')}</ul>` : ''}
        <p class="muted" data-test="cluster-classes">${esc(t('industries'))}: ${esc((info.classes ?? []).map((c) => info.class_names?.[c] || c).join('、'))}</p>
        ${seesEnterprises() ? `<p><a href="#/enterprises/cluster/${esc(code)}">${esc(t('enterprises'))} →</a></p>` : ''}
      </div>
      ${benchmarkCard(benchmark, code)}
    </div>`;
  const shift = benchmark?.shift_share.clusters.find((x) => x.code === code);
  const shiftChart = main.querySelector('#shift');
  if (shiftChart && shift) {
    const parts = ['national_share', 'industry_mix', 'regional_share', 'growth'];
    chart(shiftChart, {
      grid: { left: 8, right: 8, top: 10, bottom: 20, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} ${yiAxisName()}` },
      xAxis: { type: 'category', data: parts.map((p) => t(p === 'growth' ? 'shift_growth' : p)) },
      yAxis: { type: 'value', name: yiAxisName() },
      series: [
        {
          type: 'bar',
          data: parts.map((p) => ({
            value: yi(shift[p]),
            itemStyle: { color: p === 'growth' ? colors.blue : shift[p] < 0 ? colors.red : colors.green },
          })),
        },
      ],
    });
  }
  barsWithGrowth(main.querySelector('#months'), {
    categories: g.series.period.map(month),
    periods: g.series.period,
    amounts: g.series.month_output,
    rates: g.series.growth_same_basis,
  });
}
