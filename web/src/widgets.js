// Pieces of HTML that several views show the same way.
import { t } from './i18n.js';
import { esc, isNumber } from './format.js';

const arrow = (rate) => (isNumber(rate) ? (rate >= 0 ? 'up' : 'down') : '');

// A target's traffic light and its word.
export function statusLight(status) {
  return `<span class="light ${esc(status)}" title="${esc(t(`status_${status}`))}"></span>${esc(t(`status_${status}`))}`;
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
