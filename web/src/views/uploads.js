// Uploads: a file of enterprises, monthly figures, ... is checked and imported all-or-nothing;
// the answer lists every error and warning by row and column.
// The kinds offered are the server's catalogue (GET /api/v1/imports), those this user may upload.
import { get, upload } from '../api.js';
import { lang, t } from '../i18n.js';
import { esc, month } from '../format.js';
import { user } from '../state.js';

// How the sheet was read when it is not a plain table: where the header was, the unit and basis
// it stated, and the rows left out (title, units, blank, subtotal, note).
function layout(report) {
  const said = [];
  if (report.profile) said.push(t('read_by_profile').replace('{p}', report.profile));
  if (report.header_line > 1 || report.header_rows > 1) {
    said.push(t('read_header_at').replace('{n}', report.header_line) + (report.header_rows > 1 ? t('two_levels') : ''));
  }
  if (report.unit_stated) said.push(t('unit_stated').replace('{u}', report.unit_stated));
  if (typeof report.year_to_date_stated === 'boolean')
    said.push(t(report.year_to_date_stated ? 'read_ytd' : 'read_month'));
  const skipped = report.skipped ?? [];
  const sheets = new Set(skipped.map((r) => r.sheet ?? ''));
  const rows = skipped
    .slice(0, 20)
    .map((r) => `${sheets.size > 1 ? `${r.sheet}!` : ''}${r.line}（${t(`skipped_${r.kind}`)}）`);
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

// A dry run's preview: how each column of the file is read, and the first rows as parsed.
function preview(report, kind) {
  const columns = report.columns ?? [];
  const read = columns.filter((c) => c.use === 'read');
  // A column by the name the kind's template gives it, with its code.
  const name = (column) => {
    const at = kind?.columns.indexOf(column) ?? -1;
    return at >= 0 && kind.headers_zh?.[at] && lang() === 'zh' ? `${kind.headers_zh[at]}（${column}）` : column;
  };
  const how = (c) => (c.use === 'read' ? name(c.column) : t(c.use === 'left_out' ? 'use_left_out' : 'use_ignored'));
  const sample = report.sample ?? [];
  return `<h2>${esc(t('columns_as_read'))}</h2><table data-test="upload-preview-columns"><thead><tr><th>${esc(t('column'))}</th><th>${esc(t('header_in_file'))}</th><th>${esc(t('read_as'))}</th></tr></thead><tbody>
    ${columns.map((c) => `<tr class="${c.use === 'read' ? '' : 'muted'}"><td>${c.position}</td><td>${esc(c.header)}</td><td>${esc(how(c))}</td></tr>`).join('')}</tbody></table>
    ${
      sample.length
        ? `<h2>${esc(t('first_rows'))}</h2><div class="scroll"><table data-test="upload-sample"><thead><tr><th>${esc(t('line'))}</th>${read.map((c) => `<th>${esc(name(c.column))}</th>`).join('')}</tr></thead><tbody>
    ${sample.map((r) => `<tr><td>${r.line}</td>${read.map((c) => `<td>${esc(r.cells[c.column] ?? '')}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`
        : ''
    }`;
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

// The import's report: written, or a preview with the buttons to import it or keep its reading.
function reportCard(report, kind, mayKeepProfiles) {
  const status = report.dry_run
    ? t(report.errors.length ? 'preview_has_errors' : 'preview_status')
    : t(report.written ? 'written' : 'not_written');
  const fine = report.written || (report.dry_run && !report.errors.length);
  const actions = report.dry_run
    ? `<p class="actions"><button type="button" data-test="upload-commit" ${report.errors.length ? 'disabled' : ''}>${esc(t('commit_import'))}</button>
      ${mayKeepProfiles ? `<label>${esc(t('profile_name'))} <input name="profile_name" data-test="profile-name" size="16"></label><button type="button" data-test="save-profile">${esc(t('save_profile'))}</button>` : ''}</p><p data-test="profile-saved" class="muted"></p>`
    : '';
  return `<div class="card" data-test="${report.dry_run ? 'upload-preview' : 'upload-report'}">
    <p class="${fine ? '' : 'error'}" data-test="upload-status"><b>${esc(status)}</b></p>
    <p>${esc(t('rows_read'))} ${report.rows_read} · ${esc(t('inserted'))} ${report.inserted} · ${esc(t('updated'))} ${report.updated} · ${esc(t('unchanged'))} ${report.unchanged}</p>
    ${layout(report)}${actions}${report.dry_run ? preview(report, kind) : ''}${issues(report.errors, 'errors')}${issues(report.warnings, 'warnings')}${quality(report)}</div>`;
}

export default async function uploads(main) {
  const [{ kinds }, { profiles }] = await Promise.all([get('imports'), get('import-profiles')]);
  const allowed = kinds.filter((k) => k.may_upload);
  // The monthly figures are what offices send most: first.
  allowed.sort((a, b) => (b.name === 'monthly') - (a.name === 'monthly'));
  const label = (k) => (lang() === 'en' ? k.label_en : k.label_zh);
  const mayKeepProfiles = ['admin', 'analyst'].includes(user()?.role);
  main.innerHTML = `<h1>${esc(t('uploads'))}</h1>
    <div class="grid two"><form class="card upload" id="upload" data-test="upload-form">
      <label>${esc(t('upload_kind'))} <select name="kind">${allowed.map((k) => `<option value="${esc(k.name)}">${esc(label(k))}</option>`).join('')}</select></label>
      <label>${esc(t('upload_file'))} <input type="file" name="file" accept=".csv,.xlsx" required></label>
      <label>${esc(t('import_profile'))} <select name="profile" data-test="upload-profile"></select></label>
      <fieldset data-test="monthly-options"><label>${esc(t('money_unit'))} <select name="unit"><option value="" selected>${esc(t('unit_from_file'))}</option>${['元', '千元', '万元', '亿元'].map((u) => `<option>${u}</option>`).join('')}</select></label>
        <label><input type="checkbox" name="cumulative"> ${esc(t('cumulative'))}</label></fieldset>
      <label><input type="checkbox" name="ignore_unknown_columns" data-test="ignore-unknown"> ${esc(t('ignore_unknown_columns'))}</label>
      <label><input type="checkbox" name="skip_invalid"> ${esc(t('skip_invalid'))}</label>
      <p class="muted">${esc(t('encoding_note'))}</p>
      <p class="actions"><button type="button" data-test="upload-preview-button">${esc(t('preview'))}</button> <button type="submit">${esc(t('upload'))}</button></p></form>
    <div class="card"><h2>${esc(t('template'))}</h2><p id="templates"></p><div id="columns"></div></div></div>
    <div id="upload-result"></div>`;
  const form = main.querySelector('#upload');
  const describe = () => {
    const kind = allowed.find((k) => k.name === form.elements.kind.value);
    if (!kind) return;
    main.querySelector('[data-test=monthly-options]').hidden = !kind.unit_options;
    form.elements.profile.innerHTML = `<option value="">${esc(t('profile_none'))}</option>${profiles
      .filter((p) => p.kind === kind.name)
      .map((p) => `<option value="${esc(p.name)}">${esc(p.name)}${p.source ? ` · ${esc(p.source)}` : ''}</option>`)
      .join('')}`;
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
  // The form's choices as the upload's query; the file as its body.
  const request = () => {
    const data = new FormData(form);
    const body = new FormData();
    body.append('file', data.get('file'));
    const kind = allowed.find((k) => k.name === data.get('kind'));
    const query = new URLSearchParams();
    for (const flag of ['skip_invalid', 'ignore_unknown_columns']) if (data.get(flag)) query.set(flag, '1');
    if (data.get('profile')) query.set('profile', data.get('profile'));
    if (kind?.unit_options) {
      if (data.get('unit')) query.set('unit', data.get('unit'));
      if (data.get('cumulative')) query.set('cumulative', '1');
    }
    return { kind: data.get('kind'), body, query };
  };
  const out = main.querySelector('#upload-result');
  const send = async (dryRun) => {
    if (!form.reportValidity()) return;
    const { kind, body, query } = request();
    if (dryRun) query.set('dry_run', '1');
    try {
      const report = await upload(`uploads/${kind}?${query}`, body);
      out.innerHTML = reportCard(
        report,
        allowed.find((k) => k.name === kind),
        mayKeepProfiles,
      );
      if (!report.dry_run) return;
      out.querySelector('[data-test=upload-commit]').onclick = () => send(false);
      const save = out.querySelector('[data-test=save-profile]');
      if (save) save.onclick = () => keepProfile(kind, query);
    } catch (error) {
      out.innerHTML = `<div class="card error" data-test="upload-error">${esc(error.message)}</div>`;
    }
  };
  // Keeps how the file was read as a profile, and offers it at once.
  const keepProfile = async (kind, query) => {
    const name = out.querySelector('[data-test=profile-name]').value.trim();
    const said = out.querySelector('[data-test=profile-saved]');
    const keep = new URLSearchParams({ kind });
    for (const key of ['ignore_unknown_columns', 'unit', 'cumulative'])
      if (query.has(key)) keep.set(key, query.get(key));
    try {
      const saved = await upload(`import-profiles/${encodeURIComponent(name)}?${keep}`, request().body);
      const at = profiles.findIndex((p) => p.name === saved.name);
      if (at >= 0) profiles.splice(at, 1);
      profiles.push(saved);
      describe();
      form.elements.profile.value = saved.name;
      said.className = 'muted';
      said.textContent = t('profile_saved').replace('{p}', saved.name);
    } catch (error) {
      said.className = 'error';
      said.textContent = error.message;
    }
  };
  main.querySelector('[data-test=upload-preview-button]').onclick = () => send(true);
  form.onsubmit = (event) => {
    event.preventDefault();
    send(false);
  };
}
