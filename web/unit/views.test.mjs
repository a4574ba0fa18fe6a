// Each view loads on its own, without the router (app.js) or a browser, and draws from the
// API's answer: a view is tested here with a stand-in for fetch and for its page element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const viewsDir = fileURLToPath(new URL('../src/views/', import.meta.url));

// fetch answering `answers[path]` (path after /api/v1/, without the query) as JSON.
function serve(answers) {
  const asked = [];
  globalThis.fetch = async (url) => {
    const path = url.replace('/api/v1/', '').split('?')[0];
    asked.push(url);
    const body = answers[path];
    return { ok: body !== undefined, status: body === undefined ? 404 : 200, text: async () => JSON.stringify(body) };
  };
  return asked;
}

// The few parts of an element the views use on a page without charts.
function page() {
  return { innerHTML: '', querySelector: () => null, querySelectorAll: () => [] };
}

test('every view module loads alone and exports its drawing function', async () => {
  const files = readdirSync(viewsDir).filter((f) => f.endsWith('.js'));
  assert.ok(files.length >= 8, `views found: ${files.join(', ')}`);
  for (const file of files) {
    const module = await import(new URL(file, `file://${viewsDir}`));
    assert.equal(typeof module.default, 'function', `${file} exports a view`);
  }
});

test('the targets view draws every region target with its light, actual and odds', async () => {
  const { default: targets } = await import('../src/views/targets.js');
  const asked = serve({
    targets: {
      plan: 'fuling-2027',
      period: '2025-06',
      targets: [
        {
          id: 'T01',
          scope: 'region',
          kind: 'level',
          status: 'amber',
          name_zh: '规上工业总产值',
          name_en: 'Above-scale output',
          actual: 1244.5,
          target: 2000,
          target_year: 2027,
          unit: '亿元',
          completion: 0.62,
          time_progress: 0.5,
          projection: 1800,
          odds: 0.314,
          required_annual_growth: 0.21,
        },
        { id: 'T09', scope: 'cluster:L1', kind: 'level', status: 'green', name_zh: '集群', name_en: 'Cluster' },
      ],
    },
  });
  const main = page();
  await targets(main, []);
  assert.deepEqual(asked, ['/api/v1/targets?lang=zh']);
  assert.match(main.innerHTML, /data-test="target-T01"/);
  assert.doesNotMatch(main.innerHTML, /data-test="target-T09"/, 'a cluster target is not a region target');
  assert.match(main.innerHTML, /class="status amber"><span class="mark" aria-hidden="true">◆<\/span>关注/);
  assert.match(main.innerHTML, /31%/);
  assert.match(main.innerHTML, /fuling-2027 · 数据截至2025年6月/);
});

test('the alerts view folds "below the total" into one line until asked, and filters', async () => {
  const { default: alerts, alertRows } = await import('../src/views/alerts.js');
  const list = [
    { level: 'red', kind: 'cluster', code: 'L1', name: '先进材料', rule: 'group_declining', message: '产值下降' },
    { level: 'amber', kind: 'cluster', code: 'F1', name: '榨菜', rule: 'group_below_total', message: 'a' },
    { level: 'amber', kind: 'park', code: 'BT', name: '白涛', rule: 'group_below_total', message: 'b' },
    { level: 'amber', kind: 'target', code: 'T03', name: '营业收入', rule: 'target_behind', message: 'c' },
  ];
  const folded = alertRows(list, { level: '', subject: '', rule: '', unfold: false });
  assert.equal(folded.rows.length, 3); // two alerts and the folded line
  assert.match(folded.rows.at(-1), /data-test="alerts-folded"/);
  assert.match(folded.rows.at(-1), /2 个分组/);
  assert.equal(alertRows(list, { level: '', subject: '', rule: '', unfold: true }).rows.length, 4);
  // Asking for the rule itself lists it.
  assert.equal(alertRows(list, { level: '', subject: '', rule: 'group_below_total', unfold: false }).rows.length, 2);
  assert.equal(alertRows(list, { level: 'red', subject: '', rule: '', unfold: false }).rows.length, 1);
  assert.equal(alertRows(list, { level: '', subject: 'park', rule: '', unfold: true }).rows.length, 1);
  serve({ alerts: { period: '2025-06', alerts: list } });
  const main = { ...page(), querySelectorAll: () => [], querySelector: () => null };
  await alerts(main);
  assert.match(main.innerHTML, /预警 · 2025年6月/);
  assert.match(main.innerHTML, /产值下降/);
});
