// Parks: each park's output, growth and pull this year, and the park targets.
import { get } from '../api.js';
import { system, withPeriod } from '../state.js';
import { barsWithGrowth } from '../charts.js';
import { publicNote, statusLight, suppressedTag } from '../widgets.js';
import { t, lang, nameOf } from '../i18n.js';
import { money, growth, percent, pull, count, inUnit, yearToDate, esc, yearText } from '../format.js';

export default async function parks(main) {
  const [cockpit, report] = await Promise.all([get(withPeriod('cockpit')), get(withPeriod('targets'))]);
  const info = Object.fromEntries((system().parks ?? []).map((p) => [p.code, p]));
  const rows = cockpit.parks
    .map((p) => {
      const targets = report.targets.filter((x) => x.scope === `park:${p.code}`);
      return `<tr data-test="park-${esc(p.code)}"><td>${esc(nameOf(info[p.code] ?? p))}</td><td class="num">${count(p.enterprises, '家')}</td>
      ${p.suppressed ? `<td colspan="4" class="muted">${suppressedTag()}</td>` : `<td class="num">${esc(money(p.ytd_output))}</td><td class="num">${esc(growth(p.growth_same_basis))}</td><td class="num">${esc(percent(p.contribution_rate))}</td><td class="num">${esc(pull(p.pull_pp))}</td>`}
      <td>${targets.map((x) => `<div>${statusLight(x.status)} ${esc(lang() === 'zh' ? x.name_zh : x.name_en)}${x.kind !== 'milestone' ? `: ${esc(inUnit(x.actual, x.unit))} / ${esc(inUnit(x.target, x.unit))} (${esc(yearText(x.target_year))})` : ''}</div>`).join('')}</td></tr>`;
    })
    .join('');
  main.innerHTML = `<h1>${esc(t('parks'))} · ${esc(yearToDate(cockpit.period))}</h1>
    ${publicNote(cockpit)}
    <div class="grid two"><div class="card"><table><thead><tr><th>${esc(t('park'))}</th><th class="num">${esc(t('enterprises_count'))}</th><th class="num">${esc(t('ytd_output'))}</th><th class="num">${esc(t('growth'))}</th><th class="num">${esc(t('contribution'))}</th><th class="num">${esc(t('pull_pp'))}</th><th>${esc(t('targets'))}</th></tr></thead><tbody>${rows}</tbody></table></div>
    <div class="card"><div class="chart" id="park-chart"></div></div></div>`;
  const shown = cockpit.parks.filter((p) => !p.suppressed);
  barsWithGrowth(main.querySelector('#park-chart'), {
    categories: shown.map((p) => nameOf(info[p.code] ?? p)),
    amounts: shown.map((p) => p.ytd_output),
    rates: shown.map((p) => p.growth_same_basis),
    amountName: t('ytd_output'),
    rateName: t('growth'),
  });
}
