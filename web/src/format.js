// How the dashboard writes numbers, periods and statuses: the statistics bureau's conventions,
// exactly as every other output writes them (include/clusterscope/report/numbers.h; both are
// tested on tests/data/formatting.json). Money arrives in 万元 and is shown in 亿元 to one decimal
// from 1 亿元 up; counts are whole numbers with their measure word; rates have one decimal and
// differences of rates are 个百分点; sentences say 增长/下降, not a sign; nothing is "-0.0".
// Missing and withheld figures are a dash, never 0.
import { lang, t } from './i18n.js';

export const isNumber = (v) => typeof v === 'number' && Number.isFinite(v);
const missing = '—';

// Rounded half away from zero to `digits` decimals, as the server rounds; never -0.
function rounded(value, digits) {
  const scale = 10 ** digits;
  const out = (Math.sign(value) * Math.round(Math.abs(value) * scale)) / scale;
  return out === 0 ? 0 : out;
}

// 1234.56 -> "1,234.6" (digits 1); a value that rounds to zero has no sign.
export function fixed(value, digits) {
  const r = rounded(value, digits);
  const [whole, fraction] = Math.abs(r).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${r < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

// 万元 -> "1,244.5 亿元" / "3,520 万元"; en: "124.45 bn yuan" / "35.2 M yuan".
export function money(wan) {
  if (!isNumber(wan)) return missing;
  if (lang() === 'zh') return Math.abs(wan) >= 1e4 ? `${fixed(wan / 1e4, 1)} 亿元` : `${fixed(wan, 0)} 万元`;
  return Math.abs(wan) >= 1e5 ? `${fixed(wan / 1e5, 2)} bn yuan` : `${fixed(wan / 100, 1)} M yuan`;
}

// 万元 -> "1,244.5": 亿元 in a table whose heading names the unit.
export const yiText = (wan) => (isNumber(wan) ? fixed(wan / 1e4, 1) : missing);

// 万元 -> 亿元 as a plain number, for chart axes.
export const yi = (wan) => (isNumber(wan) ? wan / 10000 : null);

// The plans' units in English ('' for a bare count).
const unitsEn = {
  亿元: '× 100 M yuan',
  万元: '× 10k yuan',
  家: 'enterprises',
  个: '',
  人: 'persons',
  '万元/人': '10k yuan a person',
  '吨标准煤/万元': 'tce per 10k yuan',
  '亿元/平方公里': '× 100 M yuan per km²',
  平方公里: 'km²',
};
const unitIn = (unit) => (lang() === 'en' && unit in unitsEn ? unitsEn[unit] : unit);
const withUnit = (number, unit) => (unit ? `${number} ${unit}` : number);

// A count with its measure word: "387 家", "20 个"; en "387 enterprises", "20".
export function count(n, unit = '') {
  return isNumber(n) ? withUnit(fixed(n, 0), unitIn(unit)) : missing;
}

// 0.0105 -> "1.1%": a share or a rate, no sign added.
export function percent(rate, digits = 1) {
  return isNumber(rate) ? `${fixed(rate * 100, digits)}%` : missing;
}

// 0.0911 -> "+9.1%", -0.034 -> "-3.4%", 0.0004 -> "0.0%": a growth rate in a table.
export function growth(rate) {
  if (!isNumber(rate)) return missing;
  return `${rounded(rate * 100, 1) > 0 ? '+' : ''}${fixed(rate * 100, 1)}%`;
}

// 1.18 -> "+1.2 个百分点" / "+1.2 pp": a difference of two rates.
export function points(pp) {
  if (!isNumber(pp)) return missing;
  const text = `${rounded(pp, 1) > 0 ? '+' : ''}${fixed(pp, 1)}`;
  return lang() === 'zh' ? `${text} 个百分点` : `${text} pp`;
}

// A group's pull on the total's growth: "+0.35 个百分点". Two decimals: the pulls of small groups
// are hundredths of a point (a sentence gives one, pointsWords).
export function pull(pp) {
  if (!isNumber(pp)) return missing;
  const text = `${rounded(pp, 2) > 0 ? '+' : ''}${fixed(pp, 2)}`;
  return lang() === 'zh' ? `${text} 个百分点` : `${text} pp`;
}

// A change in a sentence: "增长9.1%", "下降3.4%", "持平" (en "up 9.1%", "down 3.4%", "unchanged").
export function changeWords(rate) {
  if (!isNumber(rate)) return missing;
  const r = rounded(rate * 100, 1);
  const zh = lang() === 'zh';
  if (r === 0) return zh ? '持平' : 'unchanged';
  const size = `${fixed(Math.abs(r), 1)}%`;
  if (zh) return `${r > 0 ? '增长' : '下降'}${size}`;
  return `${r > 0 ? 'up' : 'down'} ${size}`;
}

// A change of a rate in a sentence: "提高1.2个百分点", "下降0.5个百分点", "持平".
export function pointsWords(pp) {
  if (!isNumber(pp)) return missing;
  const r = rounded(pp, 1);
  const zh = lang() === 'zh';
  if (r === 0) return zh ? '持平' : 'unchanged';
  const size = fixed(Math.abs(r), 1);
  if (zh) return `${r > 0 ? '提高' : '下降'}${size}个百分点`;
  return `${r > 0 ? 'up' : 'down'} ${size} pp`;
}

// A target's figure in its own unit: "966.7 亿元", "37.0%", "26 个", "53.0 万元/人".
export function inUnit(value, unit) {
  if (!isNumber(value)) return missing;
  if (unit === '%') return `${fixed(value, 1)}%`;
  if (unit === '家' || unit === '个' || unit === '人') return count(value, unit);
  if (unit === '亿元') return money(value * 1e4);
  if (unit === '万元') return money(value);
  return withUnit(fixed(value, 1), unitIn(unit));
}

const monthsEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// "2025-06" -> "2025年1—6月" (year to date) / "Jan–Jun 2025"
export function yearToDate(period) {
  if (!period) return '';
  const [y, m] = period.split('-').map(Number);
  if (lang() === 'zh') return m === 1 ? `${y}年1月` : `${y}年1—${m}月`;
  return m === 1 ? `Jan ${y}` : `Jan–${monthsEn[m - 1]} ${y}`;
}

// 2027 -> "2027年" / "2027"
export const yearText = (year) => (lang() === 'zh' ? `${year}年` : `${year}`);

// "2025-06" -> "2025年6月" / "Jun 2025"
export function month(period) {
  if (!period) return '';
  const [y, m] = period.split('-').map(Number);
  return lang() === 'zh' ? `${y}年${m}月` : `${monthsEn[m - 1]} ${y}`;
}

// The status vocabulary of every output: a mark whose shape tells the status apart in black and
// white, and its word.
export const statusMarks = { ahead: '▲', green: '●', amber: '◆', red: '■', no_data: '○', withheld: '○' };
export const statusText = (status) => `${statusMarks[status] ?? '○'} ${t(`status_${status}`)}`;

// Escapes text for innerHTML: every value from the server goes through it.
export function esc(value) {
  return String(value ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
}
