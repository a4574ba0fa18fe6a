// The dashboard: one page, hash routes (#/cockpit, #/clusters/L1, ...), each drawn by a view
// module from the JSON API. What a role may see decides the navigation; the server decides
// what it gets.
import * as api from './api.js';
import { t, lang, setLang } from './i18n.js';
import { esc } from './format.js';
import { disposeCharts } from './charts.js';
import { chosenPeriod, seesEnterprises, setPeriod, setSystem, setUser, system, user } from './state.js';
import cockpit from './views/cockpit.js';
import clusters from './views/clusters.js';
import parks from './views/parks.js';
import targets from './views/targets.js';
import chains from './views/chains.js';
import projects from './views/projects.js';
import enterprises from './views/enterprises.js';
import uploads from './views/uploads.js';
import alerts from './views/alerts.js';
import cultivation from './views/cultivation.js';

const views = { cockpit, clusters, parks, targets, alerts, chains, projects, cultivation, enterprises, uploads };
// Views that show enterprise rows or change data: not for viewers.
const enterpriseViews = new Set(['cultivation', 'enterprises', 'uploads']);

// The monthly report of the month chosen in the header (the latest when none is).
const reportLink = (format) =>
  `/api/v1/report/monthly?format=${format}&lang=${lang()}${chosenPeriod() ? `&period=${chosenPeriod()}` : ''}`;

function navigation() {
  const names = [
    'cockpit',
    'clusters',
    'parks',
    'targets',
    'alerts',
    'chains',
    'projects',
    'cultivation',
    'enterprises',
    'uploads',
  ];
  const route = location.hash.slice(2).split('/')[0] || 'cockpit';
  document.getElementById('nav').innerHTML =
    names
      .filter((n) => seesEnterprises() || !enterpriseViews.has(n))
      .map((n) => `<a href="#/${n}" data-test="nav-${n}" class="${n === route ? 'active' : ''}">${t(n)}</a>`)
      .join('') +
    `<a href="${reportLink('html')}" target="_blank" rel="noopener" data-test="report-html">${t('report_html')}</a>` +
    `<a href="${reportLink('xlsx')}" data-test="report-xlsx">${t('report_xlsx')}</a>` +
    `<a href="${reportLink('docx')}" data-test="report-docx">${t('report_docx')}</a>` +
    `<a href="${reportLink('pdf')}" target="_blank" rel="noopener" data-test="report-pdf">${t('report_pdf')}</a>`;
  const role = t(`role_${user().role}`);
  document.getElementById('who').textContent = `${user().user} · ${role}${user().park ? ` · ${user().park}` : ''}`;
  document.getElementById('lang').textContent = lang() === 'zh' ? 'EN' : '中文';
  document.getElementById('sign-out').textContent = t('sign_out');
  document.getElementById('period-label').textContent = t('period');
  // While no month is chosen the views show the latest held: the field says which.
  document.getElementById('period').value = chosenPeriod() || system()?.latest_period || '';
  document.getElementById('system-name').textContent =
    lang() === 'zh' ? (system()?.name_zh ?? '') : (system()?.name_en ?? '');
}

async function route() {
  disposeCharts();
  const [name, ...rest] = location.hash.slice(2).split('/');
  const view = views[name] ?? cockpit;
  navigation();
  // Each route draws into a page of its own: a slower earlier view that answers late writes into
  // its page, no longer shown, instead of over this one.
  const page = document.createElement('div');
  page.innerHTML = `<p class="muted" data-test="loading">${t('loading')}</p>`;
  document.getElementById('main').replaceChildren(page);
  const current = () => page.isConnected;
  try {
    await view(page, rest.map(decodeURIComponent));
  } catch (error) {
    if (!current()) return;
    if (error instanceof api.ApiError && error.status === 401) return showSignIn();
    const text = error instanceof api.ApiError && error.status === 403 ? t('forbidden') : '';
    page.innerHTML = `<div class="card error" data-test="error">${esc(text)} ${esc(error.message)}</div>`;
  }
}

function showSignIn() {
  document.getElementById('top').hidden = true;
  const main = document.getElementById('main');
  main.replaceChildren(document.getElementById('sign-in-template').content.cloneNode(true));
  const form = document.getElementById('sign-in');
  const label = () => {
    form.querySelectorAll('[data-i18n]').forEach((e) => (e.textContent = t(e.dataset.i18n)));
    document.getElementById('sign-in-lang').textContent = lang() === 'zh' ? 'English' : '中文';
  };
  label();
  document.getElementById('sign-in-lang').onclick = () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    label();
  };
  form.onsubmit = async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      setUser(await api.signIn(data.get('name'), data.get('password')));
      await start();
    } catch (error) {
      document.getElementById('sign-in-error').textContent = error.status === 401 ? t('bad_sign_in') : error.message;
    }
  };
}

async function start() {
  setSystem(await api.get('system'));
  document.getElementById('top').hidden = false;
  if (!location.hash) location.hash = '#/cockpit';
  await route();
}

async function boot() {
  setLang(lang());
  document.getElementById('lang').onclick = () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    route();
  };
  document.getElementById('sign-out').onclick = async () => {
    await api.signOut().catch(() => {});
    setUser(null);
    location.hash = '';
    showSignIn();
  };
  window.addEventListener('hashchange', () => user() && route());
  document.getElementById('period').onchange = (event) => {
    setPeriod(event.target.value);
    route();
  };
  try {
    setUser(await api.me());
  } catch {
    return showSignIn();
  }
  await start();
}

// ECharts is a deferred classic script; modules run after it.
boot();
