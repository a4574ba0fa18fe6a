// Pieces of HTML that several views show the same way.
import { t } from './i18n.js';
import { esc, isNumber, statusMarks } from './format.js';

const arrow = (rate) => (isNumber(rate) ? (rate >= 0 ? 'up' : 'down') : '');

// The statuses a legend explains (format.js has their marks and words).
export const statuses = ['ahead', 'green', 'amber', 'red', 'no_data'];

// A target's status: its mark and its word.
export function statusLight(status) {
  return `<span class="status ${esc(status)}"><span class="mark" aria-hidden="true">${statusMarks[status] ?? '○'}</span>${esc(t(`status_${status}`))}</span>`;
}

// What the marks and colours mean, wherever they are shown.
export function statusLegend() {
  return `<span class="legend" data-test="status-legend">${statuses.map(statusLight).join(' ')}</span>`;
}

// A headline figure: label, value and a line under it, coloured by the sign of `rate`.
export function kpi(test, label, value, sub, rate) {
  return `<div class="card kpi" data-test="kpi-${test}"><div class="label">${esc(label)}</div>
    <div class="value" data-test="kpi-${test}-value">${esc(value)}</div>
    <div class="sub ${arrow(rate)}">${esc(sub)}</div></div>`;
}

// The notice that the figures are the published form (some withheld).
export function publicNote(answer, test = '') {
  if (!answer?.public) return '';
  return `<div class="notice"${test ? ` data-test="${test}"` : ''}>${esc(t('public_note'))}</div>`;
}

// The tag of a withheld figure.
export const suppressedTag = () => `<span class="tag suppressed">${esc(t('suppressed'))}</span>`;

// Odds as a whole percentage.
export const odds = (value) => (isNumber(value) ? `${Math.round(value * 100)}%` : '—');
