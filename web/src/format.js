// Numbers the Chinese way: money arrives in 万元 and is shown in 亿元 from 1 亿元 up (in
// English: billion or million yuan); growth as a signed percentage; pulls in percentage points.
// Missing and withheld figures are a dash, never 0.
import { lang } from './i18n.js';

const group = (value, digits) =>
  value.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

export const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);

// 万元 -> "1,244.5 亿元" / "3,520 万元"; en: "124.45 bn yuan" / "35.2 M yuan".
export function money(wan, { digits } = {}) {
  if (!isNumber(wan)) return '—';
  if (lang() === 'zh') {
    if (Math.abs(wan) >= 10000) return `${group(wan / 10000, digits ?? 1)} 亿元`;
    return `${group(wan, digits ?? 0)} 万元`;
  }
  if (Math.abs(wan) >= 100000) return `${group(wan / 100000, digits ?? 2)} bn yuan`;
  return `${group(wan / 100, digits ?? 1)} M yuan`;
}

// 万元 -> 亿元 as a plain number, for chart axes.
export const yi = (wan) => (isNumber(wan) ? wan / 10000 : null);

// 0.0911 -> "+9.1%"
export function growth(rate, digits = 1) {
  if (!isNumber(rate)) return '—';
  const text = `${(rate * 100).toFixed(digits)}%`;
  return rate > 0 ? `+${text}` : text;
}

// 0.0105 -> "1.05%" (a share, no sign)
export function share(rate, digits = 1) {
  return isNumber(rate) ? `${(rate * 100).toFixed(digits)}%` : '—';
}

// 1.18 -> "+1.18 个百分点" / "+1.18 pp"
export function points(pp, digits = 2) {
  if (!isNumber(pp)) return '—';
  const text = `${pp > 0 ? '+' : ''}${pp.toFixed(digits)}`;
  return lang() === 'zh' ? `${text} 个百分点` : `${text} pp`;
}

export function count(n) {
  return isNumber(n) ? group(n, 0) : '—';
}

// The plans' units in English.
const unitsEn = {
  亿元: '× 100 M yuan',
  万元: '× 10k yuan',
  '万元/人': '× 10k yuan a person',
  个: '',
  家: '',
  '吨标准煤/万元': 'tce per 10k yuan',
  '亿元/平方公里': '× 100 M yuan per km²',
};

// A target's figure in its own unit: "960.3 亿元", "1.05 %", "26 个".
export function inUnit(value, unit) {
  if (!isNumber(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 1 : 2;
  const shown = lang() === 'en' && unit in unitsEn ? unitsEn[unit] : unit;
  return `${group(value, digits)}${shown ? ` ${shown}` : ''}`;
}

// "2025-12" -> "2025年1—12月" (year to date) / "Jan–Dec 2025"
export function yearToDate(period) {
  if (!period) return '';
  const [y, m] = period.split('-').map(Number);
  if (lang() === 'zh') return m === 1 ? `${y}年1月` : `${y}年1—${m}月`;
  const name = (k) => new Date(Date.UTC(y, k - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return m === 1 ? `${name(1)} ${y}` : `${name(1)}–${name(m)} ${y}`;
}

// Escapes text for innerHTML: every value from the server goes through it.
export function esc(value) {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}
