// Enterprise search and profile (analysts, admins, and park editors for their park): the
// registry record, designations, and the monthly figures with every revision.
import { get } from '../api.js';
import { system, user } from '../state.js';
import { chart } from '../charts.js';
import { t, lang, nameOf } from '../i18n.js';
import { money, esc, isNumber } from '../format.js';

export default async function enterprises(main, args) {
  if (args[0] && args[0].length === 18) return profile(main, args[0]);
  const filter = args[0] === 'cluster' ? { cluster: args[1] ?? '' } : args[0] === 'q' ? { q: args[1] ?? '' } : {};
  const sys = system();
  const me = user();
  main.innerHTML = `<h1>${esc(t('enterprises'))}</h1>
    <form class="inline card" id="search" data-test="enterprise-search">
      <label>${esc(t('name_or_code'))}<input name="q" value="${esc(filter.q ?? '')}"></label>
      <label>${esc(t('cluster'))}<select name="cluster"><option value="">${esc(t('all'))}</option>
        ${(sys.clusters ?? []).map((c) => `<option value="${esc(c.code)}" ${c.code === filter.cluster ? 'selected' : ''}>${esc(c.code)} ${esc(nameOf(c))}</option>`).join('')}</select></label>
      ${me.role === 'park_editor' ? '' : `<label>${esc(t('park'))}<select name="park"><option value="">${esc(t('all'))}</option>${(sys.parks ?? []).map((p) => `<option value="${esc(p.code)}">${esc(nameOf(p))}</option>`).join('')}</select></label>`}
      <button type="submit">${esc(t('search'))}</button></form>
    <div class="card" id="results"></div>`;
  const form = main.querySelector('#search');
  const search = async () => {
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) data.set(k, v);
    const list = await get(`enterprises?${data}`);
    main.querySelector('#results').innerHTML =
      `<table data-test="enterprise-results"><thead><tr><th>${esc(t('enterprises'))}</th><th>${esc(t('credit_code'))}</th><th>${esc(t('industry'))}</th><th>${esc(t('cluster'))}</th><th>${esc(t('park'))}</th><th>${esc(t('town'))}</th></tr></thead><tbody>
      ${list.enterprises.map((e) => `<tr class="clickable" data-uscc="${esc(e.uscc)}"><td>${esc(e.name)}</td><td>${esc(e.uscc)}</td><td>${esc(e.industry_code)} ${esc(e.industry_name)}</td><td>${esc(e.cluster ?? '')} ${esc(e.cluster_name ?? '')}</td><td>${esc(e.park ?? '')}</td><td>${esc(e.town_name ?? '')}</td></tr>`).join('') || `<tr><td colspan="6" class="muted">${esc(t('no_rows'))}</td></tr>`}</tbody></table>`;
    main
      .querySelectorAll('[data-uscc]')
      .forEach((tr) => (tr.onclick = () => (location.hash = `#/enterprises/${tr.dataset.uscc}`)));
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    search();
  };
  await search();
}

const measures = ['output_value', 'value_added', 'revenue', 'profit', 'rd_expense', 'employees'];
const measureNames = {
  output_value: ['工业总产值', 'output'],
  value_added: ['增加值', 'value added'],
  revenue: ['营业收入', 'revenue'],
  profit: ['利润总额', 'profit'],
  rd_expense: ['研发费用', 'R&D'],
  employees: ['从业人员', 'employees'],
};
const measureName = (m) => measureNames[m][lang() === 'zh' ? 0 : 1];

async function profile(main, uscc) {
  const data = await get(`enterprises/${uscc}`);
  const e = data.enterprise;
  const periods = data.monthly.periods;
  const current = (p) => p.versions.find((v) => v.current) ?? p.versions[p.versions.length - 1];
  const revised = periods.filter((p) => p.versions.length > 1);
  main.innerHTML = `<p><a href="#/enterprises">← ${esc(t('back'))}</a></p>
    <h1 data-test="enterprise-name">${esc(e.name)}</h1>
    <div class="grid two"><div class="card"><dl class="facts">
      <dt>${esc(t('credit_code'))}</dt><dd>${esc(e.uscc)}</dd>
      <dt>${esc(t('industry'))}</dt><dd>${esc(e.industry_code)} ${esc(e.industry_name)}</dd>
      <dt>${esc(t('cluster'))}</dt><dd>${esc(e.cluster ?? '—')} ${esc(e.cluster_name ?? '')}</dd>
      <dt>${esc(t('park'))}</dt><dd>${esc(e.park ?? '—')}</dd>
      <dt>${esc(t('town'))}</dt><dd>${esc(e.town_name ?? '—')}</dd>
      <dt>${esc(t('designations'))}</dt><dd>${(e.designations ?? []).map((d) => `<span class="tag">${esc(d.designation_name)} ${esc(d.granted ?? '')}</span>`).join(' ') || '—'}</dd></dl></div>
    <div class="card"><h2>${esc(t('monthly'))}</h2><div class="chart" id="months"></div></div></div>
    <div class="card"><h2>${esc(t('monthly'))}</h2><table data-test="enterprise-months"><thead><tr><th>${esc(t('month'))}</th>${measures.map((m) => `<th class="num">${esc(measureName(m))}</th>`).join('')}</tr></thead><tbody>
      ${periods
        .slice(-24)
        .reverse()
        .map((p) => {
          const v = current(p).values;
          return `<tr class="${p.versions.length > 1 ? 'row-warning' : ''}"><td>${esc(p.period)}</td>${measures.map((m) => `<td class="num">${m === 'employees' ? (isNumber(v[m]) ? v[m].toFixed(0) : '—') : esc(money(v[m]))}</td>`).join('')}</tr>`;
        })
        .join('')}</tbody></table>
    ${
      revised.length
        ? `<h2>${esc(t('revisions'))}</h2><table data-test="revisions"><tbody>${revised
            .map((p) =>
              p.versions
                .filter((v) => !v.current)
                .map(
                  (v) =>
                    `<tr><td>${esc(p.period)}</td><td>${esc(t('revised_from'))} ${esc(money(v.values.output_value))}</td><td class="muted">${esc(v.imported_by)} · ${esc(v.imported_at)}</td></tr>`,
                )
                .join(''),
            )
            .join('')}</tbody></table>`
        : ''
    }</div>`;
  chart(main.querySelector('#months'), {
    grid: { left: 8, right: 8, top: 20, bottom: 20, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: periods.map((p) => p.period) },
    yAxis: { type: 'value', name: lang() === 'zh' ? '万元' : '10k yuan' },
    series: [
      {
        name: measureName('output_value'),
        type: 'bar',
        data: periods.map((p) => current(p).values.output_value ?? null),
        itemStyle: { color: '#1f5fbf' },
      },
    ],
  });
}
