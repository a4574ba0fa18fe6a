// The month's alerts: filtered by level, subject and rule. "Growth below the district's" is true
// of half the groups in any month, so it is folded into one line unless the reader opens it.
import { get } from '../api.js';
import { withPeriod } from '../state.js';
import { t } from '../i18n.js';
import { esc, month } from '../format.js';

const folded = 'group_below_total';
const levels = ['red', 'amber'];

// What the reader chose, kept while the page is open (route parameters would reload it).
const chosen = { level: '', subject: '', rule: '', unfold: false };

const ruleName = (rule) => t(`rule_${rule}`);
const subjectName = (kind) => t(`subject_${kind}`);
const levelMark = (level) =>
  `<span class="alert-level ${esc(level)}"><span class="mark" aria-hidden="true">${level === 'red' ? '■' : '◆'}</span>${esc(t(level))}</span>`;

function row(a) {
  return `<tr data-test="alert-${esc(a.rule)}"><td>${levelMark(a.level)}</td><td>${esc(subjectName(a.kind))}</td>
    <td>${esc(a.name || '')}</td><td>${esc(ruleName(a.rule))}</td><td>${esc(a.message)}</td></tr>`;
}

// The alerts the filters keep, with the folded rule as one line (its count) unless unfolded.
export function alertRows(alerts, choice) {
  const kept = alerts.filter(
    (a) =>
      (!choice.level || a.level === choice.level) &&
      (!choice.subject || a.kind === choice.subject) &&
      (!choice.rule || a.rule === choice.rule),
  );
  const fold = !choice.unfold && choice.rule !== folded;
  const below = kept.filter((a) => a.rule === folded);
  const rows = kept.filter((a) => !fold || a.rule !== folded).map(row);
  if (fold && below.length) {
    rows.push(
      `<tr class="folded" data-test="alerts-folded"><td>${levelMark('amber')}</td><td colspan="3">${esc(ruleName(folded))}</td>
      <td>${esc(t('alerts_folded').replace('{n}', below.length))} <button type="button" data-test="alerts-unfold">${esc(t('show_all'))}</button></td></tr>`,
    );
  }
  return { rows, shown: kept.length };
}

function select(name, values, label, current) {
  return `<label>${esc(t(name))} <select data-filter="${name}"><option value="">${esc(t('all'))}</option>${values
    .map((v) => `<option value="${esc(v)}" ${v === current ? 'selected' : ''}>${esc(label(v))}</option>`)
    .join('')}</select></label>`;
}

export default async function alerts(main) {
  const answer = await get(withPeriod('alerts'));
  const list = answer.alerts;
  const subjects = [...new Set(list.map((a) => a.kind))];
  const rules = [...new Set(list.map((a) => a.rule))];
  const draw = () => {
    const { rows } = alertRows(list, chosen);
    main.innerHTML = `<h1>${esc(t('alerts'))} · ${esc(month(answer.period))}</h1>
      <div class="card filters">
        ${select('level', levels, (l) => t(l), chosen.level)}
        ${select('subject', subjects, subjectName, chosen.subject)}
        ${select('rule', rules, ruleName, chosen.rule)}
        <label><input type="checkbox" data-filter="unfold" ${chosen.unfold ? 'checked' : ''}> ${esc(t('unfold_below_total'))}</label>
        <span class="muted">${esc(t('alerts_count').replace('{n}', list.length))}</span>
      </div>
      <div class="card"><table data-test="alerts-table"><thead><tr><th>${esc(t('level'))}</th><th>${esc(t('subject'))}</th>
        <th>${esc(t('name'))}</th><th>${esc(t('rule'))}</th><th>${esc(t('message'))}</th></tr></thead>
        <tbody>${rows.join('') || `<tr><td colspan="5" class="muted">${esc(t('no_alerts'))}</td></tr>`}</tbody></table></div>`;
    main.querySelectorAll('select[data-filter]').forEach((s) => {
      s.onchange = () => {
        chosen[s.dataset.filter] = s.value;
        draw();
      };
    });
    const unfold = main.querySelector('input[data-filter=unfold]');
    if (unfold) {
      unfold.onchange = () => {
        chosen.unfold = unfold.checked;
        draw();
      };
    }
    const button = main.querySelector('[data-test=alerts-unfold]');
    if (button) {
      button.onclick = () => {
        chosen.unfold = true;
        draw();
      };
    }
  };
  draw();
}
