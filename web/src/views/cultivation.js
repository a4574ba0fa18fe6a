// The cultivation ladders (小升规, 规改股, 股上市, 创新型中小企业 … 高新技术企业): for each, how many
// enterprises could climb it, who is ready now and what the others still miss.
import { get } from '../api.js';
import { withPeriod } from '../state.js';
import { statusLight } from '../widgets.js';
import { t, lang } from '../i18n.js';
import { count, esc, fixed, inUnit, isNumber, money, month, percent } from '../format.js';

// A criterion's figure in its own terms: money in 万元, shares and growth as percentages, years.
export function criterionValue(figure, value) {
  if (!isNumber(value)) return '—';
  if (/^(revenue|profit|output)(_|$)/.test(figure) && !figure.endsWith('growth')) return money(value);
  if (/intensity|share|growth/.test(figure)) return percent(value);
  if (figure.startsWith('age')) return `${fixed(value, 1)} ${t('years')}`;
  if (figure === 'joint_stock' || figure.startsWith('holds:')) return value >= 1 ? t('yes') : t('no');
  return fixed(value, 1);
}

const label = (c) => (lang() === 'zh' ? c.label : c.label_en || c.label);

// What an enterprise still misses: each unmet criterion with its figure.
function missing(entry) {
  const unmet = entry.criteria.filter((c) => !c.met);
  if (!unmet.length) return `<span class="tag strong">${esc(t('ready'))}</span>`;
  return unmet
    .map(
      (c) =>
        `<div>${esc(label(c))}<span class="muted"> · ${esc(t('now'))} ${esc(criterionValue(c.figure, c.value))}</span></div>`,
    )
    .join('');
}

function goal(ladder) {
  const g = ladder.goal;
  if (!g) return '';
  const target = g.target
    ? ` · ${statusLight(g.target.status)} ${esc(t('target'))} ${esc(inUnit(g.target.target, '家'))}（${g.target.target_year}年）`
    : '';
  return `<p>${esc(t('held'))} ${esc(count(g.held, '家'))} · ${esc(t('held_if_ready'))} ${esc(count(g.held_if_ready_recognised, '家'))}${target}</p>`;
}

function ladderCard(ladder) {
  const name = lang() === 'zh' ? ladder.name : ladder.name_en || ladder.name;
  const rows = ladder.entries
    .map(
      (e) =>
        `<tr class="${e.ready ? '' : 'muted-row'}"><td>${esc(e.name)}</td><td class="num">${esc(percent(e.readiness, 0))}</td><td>${missing(e)}</td></tr>`,
    )
    .join('');
  return `<div class="card" data-test="ladder-${esc(ladder.code)}"><h2>${esc(name)}</h2>
    <p>${esc(t('ladder_population'))} ${esc(count(ladder.population, '家'))} · <b>${esc(t('ready'))} ${esc(count(ladder.ready, '家'))}</b> · ${esc(t('listed'))} ${esc(count(ladder.listed, '家'))}</p>
    ${goal(ladder)}
    ${rows ? `<table><thead><tr><th>${esc(t('enterprises'))}</th><th class="num">${esc(t('readiness'))}</th><th>${esc(t('still_missing'))}</th></tr></thead><tbody>${rows}</tbody></table>` : `<p class="muted">${esc(t('no_rows'))}</p>`}
  </div>`;
}

export default async function cultivation(main) {
  const report = await get(withPeriod('cultivation'));
  main.innerHTML = `<h1>${esc(t('cultivation'))} · ${esc(t('as_of'))}${esc(month(report.period))}</h1>
    <p class="muted">${esc(t('cultivation_note'))}</p>
    <div class="grid two-even">${report.ladders.map(ladderCard).join('')}</div>`;
}
