// Uploads: a file of enterprises, monthly figures, ... is checked and imported all-or-nothing;
// the answer lists every error and warning by row and column.
// The kinds offered are the server's catalogue (GET /api/v1/imports), those this user may upload.
import { get, upload } from '../api.js';
import { lang, t } from '../i18n.js';
import { esc, month } from '../format.js';

// How the sheet was read when it is not a plain table: where the header was, the unit and basis
// it stated, and the rows left out (title, units, blank, subtotal, note).
function layout(report) {
  const said = [];
  if (report.header_line > 1 || report.header_rows > 1) {
    said.push(t('read_header_at').replace('{n}', report.header_line) + (report.header_rows > 1 ? t('two_levels') : ''));
  }
  if (report.unit_stated) said.push(t('unit_stated').replace('{u}', report.unit_stated));
  if (typeof report.year_to_date_stated === 'boolean')
    said.push(t(report.year_to_date_stated ? 'read_ytd' : 'read_month'));
  const skipped = report.skipped ?? [];
  const rows = skipped.slice(0, 20).map((r) => `${r.line}（${t(`skipped_${r.kind}`)}）`);
  const more = skipped.length + (report.skipped_not_kept ?? 0) - rows.length;
  if (rows.length) said.push(`${t('rows_left_out')}${rows.join('、')}${more > 0 ? ` …+${more}` : ''}`);
  return said.length ? `<p class="muted" data-test="upload-layout">${esc(said.join('；'))}</p>` : '';
}

function issues(list, kind) {
  if (!list.length) return '';
  return `<h2>${esc(t(kind))} (${list.length})</h2><table data-test="upload-${kind}"><thead><tr><th>${esc(t('line'))}</th><th>${esc(t('column'))}</th><th>${esc(t('value'))}</th><th>${esc(t('message'))}</th></tr></thead><tbody>
    ${list.map((i) => `<tr class="${kind === 'errors' ? 'row-error' : 'row-warning'}"><td>${esc(i.sheet ? `${i.sheet}!` : '')}${i.line > 0 ? esc(i.line) : ''}</td><td>${esc(i.column)}</td><td>${esc(i.value)}</td><td title="${esc(i.rule)}">${esc(i.message)}</td></tr>`).join('')}</tbody></table>`;
}

// The data-quality audit of monthly figures: what to check, enterprise by enterprise.
function quality(report) {
  const rows = report.quality ?? [];
  if (!rows.length) return '';
  return `<h2>${esc(t('quality_audit'))} (${rows.length + (report.quality_not_shown ?? 0)})</h2><table data-test="upload-quality"><thead><tr><th>${esc(t('credit_code'))}</th><th>${esc(t('month'))}</th><th>${esc(t('message'))}</th></tr></thead><tbody>
    ${rows.map((q) => `<tr class="row-warning"><td>${esc(q.uscc)}</td><td>${esc(month(q.period))}</td><td title="${esc(q.rule)}">${esc(q.message)}</td></tr>`).join('')}</tbody></table>`;
}

// What the columns of a kind are called and whether they are required: the help beside the form.
function columnHelp(kind) {
  return `<table data-test="upload-columns"><thead><tr><th>${esc(t('column'))}</th><th>${esc(t('required'))}</th><th>${esc(t('also_written'))}</th></tr></thead><tbody>
    ${kind.columns
      .map(
        (c, i) =>
          `<tr><td>${esc(kind.headers_zh?.[i] ?? c)}</td><td>${kind.required.includes(c) ? esc(t('required')) : esc(t('optional'))}</td><td class="muted">${esc((kind.aliases?.[i] ?? [c]).join('、'))}</td></tr>`,
      )
      .join('')}</tbody></table>`;
}

export default async function uploads(main) {
  const { kinds } = await get('imports');
  const allowed = kinds.filter((k) => k.may_upload);
  // The monthly figures are what offices send most: first.
  allowed.sort((a, b) => (b.name === 'monthly') - (a.name === 'monthly'));
  const label = (k) => (lang() === 'en' ? k.label_en : k.label_zh);
  main.innerHTML = `<h1>${esc(t('uploads'))}</h1>
    <div class="grid two"><form class="card upload" id="upload" data-test="upload-form">
      <label>${esc(t('upload_kind'))} <select name="kind">${allowed.map((k) => `<option value="${esc(k.name)}">${esc(label(k))}</option>`).join('')}</select></label>
      <label>${esc(t('upload_file'))} <input type="file" name="file" accept=".csv,.xlsx" required></label>
      <fieldset data-test="monthly-options"><label>${esc(t('money_unit'))} <select name="unit"><option value="" selected>${esc(t('unit_from_file'))}</option>${['元', '千元', '万元', '亿元'].map((u) => `<option>${u}</option>`).join('')}</select></label>
        <label><input type="checkbox" name="cumulative"> ${esc(t('cumulative'))}</label></fieldset>
      <label><input type="checkbox" name="ignore_unknown_columns" data-test="ignore-unknown"> ${esc(t('ignore_unknown_columns'))}</label>
      <label><input type="checkbox" name="skip_invalid"> ${esc(t('skip_invalid'))}</label>
      <p class="muted">${esc(t('encoding_note'))}</p>
      <button type="submit">${esc(t('upload'))}</button></form>
    <div class="card"><h2>${esc(t('template'))}</h2><p id="templates"></p><div id="columns"></div></div></div>
    <div id="upload-result"></div>`;
  const form = main.querySelector('#upload');
  const describe = () => {
    const kind = allowed.find((k) => k.name === form.elements.kind.value);
    if (!kind) return;
    main.querySelector('[data-test=monthly-options]').hidden = !kind.unit_options;
    main.querySelector('#templates').innerHTML = ['xlsx', 'csv']
      .map(
        (f) =>
          `<a href="/api/v1/imports/${esc(kind.name)}/template?format=${f}" data-test="template-${f}" download>${esc(label(kind))}.${f}</a>`,
      )
      .join(' · ');
    main.querySelector('#columns').innerHTML = columnHelp(kind);
  };
  form.elements.kind.onchange = describe;
  describe();
  form.onsubmit = async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = new FormData();
    body.append('file', data.get('file'));
    const kind = allowed.find((k) => k.name === data.get('kind'));
    const query = new URLSearchParams();
    for (const flag of ['skip_invalid', 'ignore_unknown_columns']) if (data.get(flag)) query.set(flag, '1');
    if (kind?.unit_options) {
      if (data.get('unit')) query.set('unit', data.get('unit'));
      if (data.get('cumulative')) query.set('cumulative', '1');
    }
    const out = main.querySelector('#upload-result');
    try {
      const report = await upload(`uploads/${data.get('kind')}${query.size ? `?${query}` : ''}`, body);
      out.innerHTML = `<div class="card" data-test="upload-report">
        <p class="${report.written ? '' : 'error'}" data-test="upload-status"><b>${esc(report.written ? t('written') : t('not_written'))}</b></p>
        <p>${esc(t('rows_read'))} ${report.rows_read} · ${esc(t('inserted'))} ${report.inserted} · ${esc(t('updated'))} ${report.updated} · ${esc(t('unchanged'))} ${report.unchanged}</p>
        ${layout(report)}${issues(report.errors, 'errors')}${issues(report.warnings, 'warnings')}${quality(report)}</div>`;
    } catch (error) {
      out.innerHTML = `<div class="card error" data-test="upload-error">${esc(error.message)}</div>`;
    }
  };
}
