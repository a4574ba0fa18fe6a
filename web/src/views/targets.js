// Every target with its traffic light, progress against time, projection and odds.
import { get } from '../api.js';
import { withPeriod, chosenPeriod } from '../state.js';
import { odds, statusLight, statusLegend } from '../widgets.js';
import { t, lang } from '../i18n.js';
import { inUnit, esc, isNumber, percent, growth, month, fixed, yearText } from '../format.js';

export default async function targets(main, [scope]) {
  const report = await get(withPeriod('targets'));
  const wanted = scope ?? 'region';
  const scopes = ['region', 'cluster', 'park', 'all'];
  const rows = report.targets.filter((x) => wanted === 'all' || x.scope === wanted || x.scope.startsWith(`${wanted}:`));
  const bar = (value, time) =>
    isNumber(value)
      ? `<div class="bar" title="${esc(percent(value))}"><span style="width:${Math.max(0, Math.min(value, 1)) * 100}%"></span><i style="position:absolute;left:${time * 100}%;top:-2px;bottom:-2px;border-left:2px solid #0f2d52"></i></div>`
      : '';
  main.innerHTML = `<h1>${esc(t('targets'))} · ${esc(report.plan)} · ${esc(t('as_of'))}${esc(month(report.period))}</h1>
    <p>${statusLegend()} <a data-test="targets-docx" title="${esc(t('word_document'))}" href="/api/v1/targets?format=docx&lang=${lang()}${chosenPeriod() ? `&period=${chosenPeriod()}` : ''}">${esc(t('targets_docx'))}</a></p>
    <div class="tabs">${scopes.map((s) => `<button type="button" data-scope="${s}" class="${s === wanted ? 'active' : ''}">${esc(t(s === 'region' ? 'region' : s === 'all' ? 'all' : s))}</button>`).join('')}</div>
    <div class="card"><table data-test="targets-table"><thead><tr><th></th><th>${esc(t('target'))}</th><th class="num">${esc(t('actual'))}</th><th class="num">${esc(t('target'))}</th>
      <th>${esc(t('completion'))} / ${esc(t('time_progress'))}</th><th class="num">${esc(t('required_growth'))}</th><th class="num">${esc(t('projection'))}</th><th class="num">${esc(t('odds'))}</th></tr></thead>
    <tbody>${rows
      .map(
        (x) => `<tr data-test="target-${esc(x.id)}" title="${esc(x.source_text)}"><td>${statusLight(x.status)}</td>
      <td>${esc(lang() === 'zh' ? x.name_zh : x.name_en)}</td>
      <td class="num">${x.kind === 'milestone' ? esc(x.note || '—') : esc(inUnit(x.actual, x.unit))}</td>
      <td class="num">${esc(inUnit(x.target, x.unit))} (${esc(yearText(x.target_year))})</td>
      <td>${bar(x.path_progress ?? x.completion, x.time_progress)}</td>
      <td class="num">${isNumber(x.required_annual_growth) ? esc(growth(x.required_annual_growth)) : isNumber(x.required_points_per_year) ? esc(`${fixed(x.required_points_per_year, 1)} ${t('points_per_year')}`) : '—'}</td>
      <td class="num">${esc(inUnit(x.projection, x.unit))}${isNumber(x.pipeline) ? `<div class="muted">${esc(t('pipeline_add'))} ${esc(inUnit(x.pipeline, x.unit))}</div>` : ''}</td>
      <td class="num">${odds(x.odds)}</td></tr>`,
      )
      .join('')}</tbody></table></div>`;
  main
    .querySelectorAll('[data-scope]')
    .forEach((b) => (b.onclick = () => (location.hash = `#/targets/${b.dataset.scope}`)));
}
