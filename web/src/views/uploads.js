// Uploads: a file of enterprises, monthly figures, ... is checked and imported all-or-nothing;
// the answer lists every error and warning by row and column.
// The kinds offered are the server's catalogue (GET /api/v1/imports), those this user may upload.
import { get, upload } from '../api.js';
import { lang, t } from '../i18n.js';
import { esc } from '../format.js';

function issues(list, kind) {
  if (!list.length) return '';
  return `<h2>${esc(t(kind))} (${list.length})</h2><table data-test="upload-${kind}"><thead><tr><th>${esc(t('line'))}</th><th>${esc(t('column'))}</th><th>${esc(t('value'))}</th><th>${esc(t('rule'))}</th><th>${esc(t('message'))}</th></tr></thead><tbody>
    ${list.map((i) => `<tr class="${kind === 'errors' ? 'row-error' : 'row-warning'}"><td>${esc(i.sheet ? `${i.sheet}!` : '')}${esc(i.line)}</td><td>${esc(i.column)}</td><td>${esc(i.value)}</td><td>${esc(i.rule)}</td><td>${esc(i.message)}</td></tr>`).join('')}</tbody></table>`;
}

// The data-quality audit of monthly figures: what to check, enterprise by enterprise.
function quality(report) {
  const rows = report.quality ?? [];
  if (!rows.length) return '';
  return `<h2>${esc(t('quality_audit'))} (${rows.length + (report.quality_not_shown ?? 0)})</h2><table data-test="upload-quality"><thead><tr><th>${esc(t('credit_code'))}</th><th>${esc(t('month'))}</th><th>${esc(t('rule'))}</th><th>${esc(t('message'))}</th></tr></thead><tbody>
    ${rows.map((q) => `<tr class="row-warning"><td>${esc(q.uscc)}</td><td>${esc(q.period)}</td><td>${esc(q.rule)}</td><td>${esc(q.message)}</td></tr>`).join('')}</tbody></table>`;
}

export default async function uploads(main) {
  const { kinds } = await get('imports');
  const allowed = kinds.filter((k) => k.may_upload);
  // The monthly figures are what offices send most: first.
  allowed.sort((a, b) => (b.name === 'monthly') - (a.name === 'monthly'));
  const label = (k) => (lang() === 'en' ? k.label_en : k.label_zh);
  main.innerHTML = `<h1>${esc(t('uploads'))}</h1>
    <form class="inline card" id="upload" data-test="upload-form">
      <label>${esc(t('upload_kind'))}<select name="kind">${allowed.map((k) => `<option value="${esc(k.name)}" title="${esc(k.columns.join(', '))}">${esc(label(k))} (${esc(k.name)})</option>`).join('')}</select></label>
      <label>${esc(t('upload_file'))}<input type="file" name="file" accept=".csv,.xlsx" required></label>
      <label><span><input type="checkbox" name="skip_invalid"> ${esc(t('skip_invalid'))}</span></label>
      <button type="submit">${esc(t('upload'))}</button></form>
    <div id="upload-result"></div>`;
  const form = main.querySelector('#upload');
  form.onsubmit = async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = new FormData();
    body.append('file', data.get('file'));
    const query = data.get('skip_invalid') ? '?skip_invalid=1' : '';
    const out = main.querySelector('#upload-result');
    try {
      const report = await upload(`uploads/${data.get('kind')}${query}`, body);
      out.innerHTML = `<div class="card" data-test="upload-report">
        <p class="${report.written ? '' : 'error'}" data-test="upload-status"><b>${esc(report.written ? t('written') : t('not_written'))}</b></p>
        <p>${esc(t('rows_read'))} ${report.rows_read} · ${esc(t('inserted'))} ${report.inserted} · ${esc(t('updated'))} ${report.updated} · ${esc(t('unchanged'))} ${report.unchanged}</p>
        ${issues(report.errors, 'errors')}${issues(report.warnings, 'warnings')}${quality(report)}</div>`;
    } catch (error) {
      out.innerHTML = `<div class="card error" data-test="upload-error">${esc(error.message)}</div>`;
    }
  };
}
