// End-to-end: the dashboard in Debian's Chromium (playwright-core) against `clusterscope serve`
// on a database built from the synthetic Fuling district. The figures on screen are checked
// against the engine's own (`clusterscope report monthly --format json`, another process).
// Screenshots go to $CLUSTERSCOPE_ARTIFACTS. Run by ctest (tests/CMakeLists.txt).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const bin = process.env.CLUSTERSCOPE;
const source = process.env.CLUSTERSCOPE_SOURCE;
const artifacts = process.env.CLUSTERSCOPE_ARTIFACTS ?? path.join(tmpdir(), 'clusterscope-e2e');
assert.ok(bin && source, 'set CLUSTERSCOPE (the program) and CLUSTERSCOPE_SOURCE (the checkout)');

const work = mkdtempSync(path.join(tmpdir(), 'clusterscope-e2e-'));
const db = path.join(work, 'e2e.db');
let server;
let base;
let browser;

const run = (args, input) =>
  execFileSync(bin, ['--db', db, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, CLUSTERSCOPE_USER: 'e2e' },
  });

// The engine's figures for the latest month, as the command line computes them.
const engine = (extra = []) => JSON.parse(run(['report', 'monthly', '--format', 'json', ...extra]));
const groupOf = (report, kind, code) => report.groups.find((g) => g.kind === kind && g.code === code);
// 万元 -> the dashboard's "1,234.5 亿元" (web/src/format.js).
const yiText = (wan) =>
  `${(wan / 10000).toLocaleString('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} 亿元`;
// A growth rate in a sentence, as web/src/format.js changeWords writes it (zh).
const growthText = (rate) =>
  `${rate >= 0.0005 ? '增长' : rate <= -0.0005 ? '下降' : ''}${Math.abs(rate * 100).toFixed(1)}%`;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  const data = path.join(work, 'data');
  execFileSync(bin, ['synth', '--profile', 'fuling', '--out', data]);
  run(['init']);
  for (const kind of ['enterprises', 'scale', 'designations', 'monthly', 'prices']) {
    run(['import', kind, path.join(data, `${kind}.csv`)]);
  }
  run(['import', 'series', path.join(source, 'demo/fuling-series.csv')]);
  run(['import', 'relations', path.join(data, 'relations.csv')]);
  run(['import', 'prospects', path.join(source, 'demo/fuling-prospects.csv')]);
  run(['import', 'projects', path.join(source, 'demo/fuling-projects.csv')]);
  run(['import', 'matrix', path.join(data, 'benchmark.csv'), '--name', 'chongqing-districts']);
  run(['import', 'io', path.join(source, 'demo/fuling-io.csv')]);
  run(['user', 'add', 'ana', '--role', 'analyst'], 'analyst-e2e-secret\n');
  run(['user', 'add', 'vic', '--role', 'viewer'], 'viewer-e2e-secret\n');
  server = spawn(bin, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/dashboard: (http:\/\/[0-9.]+:\d+)\//);
      if (found) resolve(found[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

// A page signed in as `name`, failing the test on any script error.
async function signedIn(name, password) {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // A published form's first pages work out disclosure control for every month of the years
  // they show (each month across the months too): a minute or more on a loaded machine.
  page.setDefaultTimeout(240000);
  await page.goto(`${base}/`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForSelector('[data-test=cockpit-title]');
  // Before signing in, /me answers 401 (which the browser logs): that is how the page knows.
  errors.length = 0;
  return { page, errors, context };
}

const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

test('a wrong password is refused with a message', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/`);
  // A name no other test signs in with: a failed sign-in makes that name wait (the throttle).
  await page.fill('input[name=name]', 'nobody');
  await page.fill('input[name=password]', 'not-the-password');
  await page.click('button[type=submit]');
  await page.waitForSelector('#sign-in-error:not(:empty)');
  assert.equal(await page.textContent('#sign-in-error'), '用户名或密码不正确');
  await page.close();
});

test('the analyst sees the cockpit with the engine figures and opens a cluster', async () => {
  const report = engine();
  const total = groupOf(report, 'total', 'total');
  const { page, errors, context } = await signedIn('ana', 'analyst-e2e-secret');
  await page.waitForSelector('[data-test=gauge-T01] canvas');
  assert.equal(await page.textContent('[data-test=kpi-output-value]'), yiText(total.ytd_output));
  assert.match(
    await page.textContent('[data-test=kpi-output]'),
    new RegExp(`同比${growthText(total.growth_same_basis)}`),
  );
  assert.match(await page.textContent('[data-test=cockpit-title]'), /涪陵区 · \d{4}年1—\d+月/);
  // The contribution chart and the trend are drawn.
  assert.ok(await page.locator('#pull canvas').count());
  await shot(page, 'cockpit-analyst');
  // A laptop and a wall display: nothing runs off the side.
  for (const [name, width, height] of [
    ['laptop', 1366, 768],
    ['wall', 2560, 1440],
  ]) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: the page is ${overflow} px wider than the window`);
    await shot(page, `cockpit-${name}`);
  }
  await page.setViewportSize({ width: 1600, height: 1000 });

  // The clusters' location quotients against the plan's benchmark, as `analyze clusters` has them.
  const benchmark = JSON.parse(run(['analyze', 'clusters']));
  const lqOf = (code) => benchmark.clusters.find((c) => c.code === code).lq.toFixed(2);
  await page.click('[data-test=nav-clusters]');
  await page.waitForSelector('[data-test=cluster-L1]');
  await page.waitForSelector('[data-test=lq-L2]');
  assert.equal(await page.textContent('[data-test=lq-L2]'), lqOf('L2'));
  await shot(page, 'cluster-tree');
  await page.click('[data-test=cluster-L1]');
  await page.waitForSelector('[data-test=cluster-title]');
  assert.match(await page.textContent('[data-test=cluster-title]'), /^先进材料/);
  assert.equal(
    await page.textContent('[data-test=cluster-output]'),
    yiText(groupOf(report, 'cluster', 'L1').ytd_output),
  );
  assert.equal(await page.textContent('[data-test=cluster-lq]'), lqOf('L1'));
  await page.waitForSelector('[data-test=cluster-shift] canvas');
  await shot(page, 'cluster-L1');

  // The chain map and the pipeline draw; a link to fill lists the industries beside it; the
  // projects show their total effect.
  await page.click('[data-test=nav-chains]');
  await page.waitForSelector('[data-test=chain-graph] canvas');
  const chains = JSON.parse(run(['chain', 'assess', '--format', 'json']));
  const withRelated = chains.chains.find((c) => c.links.some((l) => l.related_industries?.length));
  assert.ok(withRelated, 'some link lists related industries');
  await page.goto(`${base}/#/chains/${withRelated.code}`);
  await page.waitForSelector('[data-test=chain-graph] canvas');
  const firstToFill = withRelated.links.find((l) => l.status !== 'strong');
  if (firstToFill.related_industries?.length) {
    await page.waitForSelector('[data-test=link-related] tbody tr');
    assert.match(
      await page.textContent('[data-test=link-related]'),
      new RegExp(firstToFill.related_industries[0].industry),
    );
  }
  await shot(page, 'chains');
  await page.click('[data-test=nav-projects]');
  await page.waitForSelector('[data-test=projects-table] tbody tr');
  const pipeline = JSON.parse(run(['project', 'list', '--format', 'json']));
  const effective = pipeline.projects.find((p) => p.effect?.total != null);
  assert.ok(effective, 'a demo project has a total effect');
  assert.match(
    await page.textContent(`[data-test=effect-${effective.code}]`),
    new RegExp(yiText(effective.effect.total).replace(/[.+]/g, '\\$&')),
  );
  await shot(page, 'projects');

  // Another month from the header: the published half-year of 2023.
  const june = groupOf(engine(['--period', '2023-06']), 'total', 'total');
  await page.click('[data-test=nav-cockpit]');
  await page.fill('[data-test=period]', '2023-06');
  await page.dispatchEvent('[data-test=period]', 'change');
  await page.waitForFunction(() =>
    document.querySelector('[data-test=cockpit-title]')?.textContent.includes('2023年1—6月'),
  );
  assert.equal(await page.textContent('[data-test=kpi-output-value]'), yiText(june.ytd_output));
  await shot(page, 'cockpit-2023-06');
  await page.fill('[data-test=period]', '');
  await page.dispatchEvent('[data-test=period]', 'change');
  await page.waitForFunction(
    () => !document.querySelector('[data-test=cockpit-title]')?.textContent.includes('2023年1—6月'),
  );

  // In English at the switch.
  await page.click('[data-test=lang-switch]');
  await page.click('[data-test=nav-cockpit]');
  await page.waitForSelector('[data-test=kpi-output]');
  assert.match(await page.textContent('[data-test=kpi-output]'), /Above-scale output/);
  await shot(page, 'cockpit-english');
  assert.deepEqual(errors, []);
  await context.close();
});

// Every chart of the page drawn in its own container: its canvas as wide and as high as the
// element it was drawn in, inside it, and over no other chart (a gauge drawn before its row had
// its width spilled over its neighbours); no two headline texts over each other.
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const boxes = [];
    for (const element of document.querySelectorAll('#main .chart, #main [data-spark]')) {
      const canvas = element.querySelector('canvas');
      if (!canvas) continue;
      const e = element.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      const name = element.id || element.closest('[data-test]')?.dataset.test || element.className;
      if (Math.abs(c.width - e.width) > 2 || Math.abs(c.height - e.height) > 2) {
        problems.push(
          `${name}: drawn ${Math.round(c.width)}×${Math.round(c.height)} in ${Math.round(e.width)}×${Math.round(e.height)}`,
        );
      }
      boxes.push([name, c]);
    }
    const overlap = (a, b) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlap(boxes[i][1], boxes[j][1])) problems.push(`${boxes[i][0]} over ${boxes[j][0]}`);
      }
    }
    const texts = [
      ...document.querySelectorAll('#main .kpi > div, #main .gauge > div:not(.chart), #main h1, #main h2'),
    ];
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (texts[i].contains(texts[j]) || texts[j].contains(texts[i])) continue;
        const a = texts[i].getBoundingClientRect();
        const b = texts[j].getBoundingClientRect();
        if (a.width && b.width && overlap(a, b)) {
          problems.push(
            `"${texts[i].textContent.trim().slice(0, 20)}" over "${texts[j].textContent.trim().slice(0, 20)}"`,
          );
        }
      }
    }
    return problems;
  });
}

// What the formatting module rules out, in the text a reader sees (Chinese): decimals on
// counts, a negative zero, bare codes where names belong, English words.
function formattingProblems(text) {
  const rules = [
    ['a count with decimals', /\d\.\d+\s*(?:家|个(?!百分点)|人(?!\/))/g],
    ['a negative zero', /-0\.0+(?![0-9]*[1-9])/g],
    ['a bare code', /(?<![A-Za-z0-9])(?:[A-Z]{1,3}\d{0,2}|T\d\d[a-z]?)(?![A-Za-z0-9])/g],
    ['a division code', /(?<!\d)5001\d{5}(?!\d)/g],
    ['a list of class codes', /(?<!\d)\d{4}(?:\s+\d{4})+(?!\d)/g],
    // Words with lower case: names may carry acronyms (PACK, GWh), never English prose.
    ['an English word', /[A-Za-z]*[a-z]{3,}[A-Za-z]*/g],
  ];
  const found = [];
  for (const [rule, pattern] of rules) {
    for (const match of text.matchAll(pattern)) {
      found.push(`${rule}: "${text.slice(Math.max(0, match.index - 12), match.index + match[0].length + 12)}"`);
    }
  }
  return found;
}

test('the cockpit draws right on first load at a laptop and a full-HD screen, and the pages write numbers one way', async () => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.setDefaultTimeout(240000);
    await page.goto(`${base}/`);
    await page.fill('input[name=name]', 'ana');
    await page.fill('input[name=password]', 'analyst-e2e-secret');
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-test=gauge-T01] canvas');
    await page.waitForSelector('#pull canvas');
    // The first frame after sign-in, as the reader sees it: no window resize in between.
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, `cockpit-first-load-${width}x${height}.png`) });
    assert.deepEqual(await layoutProblems(page), [], `cockpit at ${width}×${height}`);
    // Another view and back: drawn right again.
    for (const view of ['targets', 'clusters', 'projects', 'alerts', 'cultivation', 'cockpit']) {
      await page.click(`[data-test=nav-${view}]`);
      await page.waitForFunction(
        (v) => location.hash === `#/${v}` && !document.querySelector('[data-test=loading]'),
        view,
      );
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(artifacts, `${view}-${width}x${height}.png`) });
      assert.deepEqual(await layoutProblems(page), [], `${view} at ${width}×${height}`);
      if (width === 1366) {
        const text = await page.evaluate(() => document.getElementById('main').innerText);
        assert.deepEqual(formattingProblems(text), [], `the ${view} page`);
      }
    }
    // One cluster's page too.
    if (width === 1366) {
      await page.goto(`${base}/#/clusters/L1`);
      await page.waitForSelector('[data-test=cluster-title]');
      await page.waitForTimeout(300);
      const text = await page.evaluate(() => document.getElementById('main').innerText);
      assert.deepEqual(formattingProblems(text), [], 'a cluster page');
      await page.screenshot({ path: path.join(artifacts, `cluster-L1-${width}x${height}.png`) });
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('an upload with a bad row shows its error by line and column, and writes nothing', async () => {
  const { page, errors, context } = await signedIn('ana', 'analyst-e2e-secret');
  const report = engine();
  const uscc = report.groups[0].top[0].uscc;
  const file = path.join(work, '月报-有错.csv');
  writeFileSync(file, `uscc,period,output_value\n${uscc},2025-12,100\n${uscc},2025-13,100\n`);
  await page.click('[data-test=nav-uploads]');
  await page.selectOption('select[name=kind]', 'monthly');
  await page.setInputFiles('input[type=file]', file);
  await page.click('[data-test=upload-form] button[type=submit]');
  await page.waitForSelector('[data-test=upload-errors]');
  assert.match(await page.textContent('[data-test=upload-status]'), /未导入/);
  const cells = await page.locator('[data-test=upload-errors] tbody tr').first().locator('td').allTextContents();
  assert.equal(cells[0], '3');
  assert.equal(cells[1], 'period');
  // The rule's message in the page's language, from the server's catalogue.
  assert.match(cells.join(' '), /'2025-13' 不是月份/);
  await shot(page, 'upload-error');
  // Nothing was written: the engine's total is what it was.
  assert.equal(groupOf(engine(), 'total', 'total').ytd_output, groupOf(report, 'total', 'total').ytd_output);

  // A good file whose figures the data-quality audit questions: written, and the audit's rows
  // are listed (value added at 95 % of output is outside the 5-60 % band).
  const good = path.join(work, '月报-待核实.csv');
  writeFileSync(good, `uscc,period,output_value,value_added\n${uscc},2025-11,1000,950\n`);
  await page.setInputFiles('input[type=file]', good);
  await page.click('[data-test=upload-form] button[type=submit]');
  await page.waitForSelector('[data-test=upload-quality]');
  assert.match(await page.textContent('[data-test=upload-status]'), /已导入/);
  // The reader sees the rule's words; its code is only the cell's tooltip.
  const quality = await page.textContent('[data-test=upload-quality]');
  assert.doesNotMatch(quality, /va_rate_band/);
  const codes = await page
    .locator('[data-test=upload-quality] td[title]')
    .evaluateAll((cells) => cells.map((c) => c.title));
  assert.ok(codes.includes('va_rate_band'), codes.join(' '));
  await shot(page, 'upload-quality');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an upload of what Excel saves on Chinese Windows imports: GBK, thousands separators, a column of its own', async () => {
  const { page, errors, context } = await signedIn('ana', 'analyst-e2e-secret');
  const report = engine();
  const uscc = report.groups[0].top[0].uscc;
  // GBK (GB18030) by glibc's iconv, as Excel's plain "CSV" on a Chinese Windows; a title above
  // the header and a 合计 row under the data, as offices send it.
  const utf8 =
    `涪陵区2025年10月规模以上工业企业主要经济指标,,,\r\n统一社会信用代码,备注,统计期,工业总产值\r\n` +
    `${uscc},快报数,2025-10,"250,000.00"\r\n合计,,,"250,000.00"\r\n`;
  const file = path.join(work, '十月产值-GBK.csv');
  writeFileSync(file, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: utf8 }));
  await page.click('[data-test=nav-uploads]');
  await page.selectOption('select[name=kind]', 'monthly');
  // The template and the column help of the kind chosen.
  assert.match(await page.getAttribute('[data-test=template-xlsx]', 'href'), /imports\/monthly\/template\?format=xlsx/);
  assert.match(await page.textContent('[data-test=upload-columns]'), /统一社会信用代码/);
  const template = await page.evaluate(async () => {
    const answer = await fetch('/api/v1/imports/monthly/template?format=csv');
    return { status: answer.status, text: await answer.text() };
  });
  assert.equal(template.status, 200);
  assert.match(template.text, /统一社会信用代码,报告期,工业总产值/);
  // Without the tick, the extra column refuses the file.
  await page.setInputFiles('input[type=file]', file);
  await page.click('[data-test=upload-form] button[type=submit]');
  await page.waitForSelector('[data-test=upload-error]');
  assert.match(await page.textContent('[data-test=upload-error]'), /备注/);
  assert.doesNotMatch(await page.textContent('[data-test=upload-error]'), /\/tmp|--encoding/);
  // Ticked: imported, and the report says how the file was read and what was left out.
  await page.check('[data-test=ignore-unknown]');
  await page.click('[data-test=upload-form] button[type=submit]');
  await page.waitForSelector('[data-test=upload-report]');
  assert.match(await page.textContent('[data-test=upload-status]'), /已导入/);
  const warnings = await page.textContent('[data-test=upload-warnings]');
  assert.match(warnings, /已按 GBK/);
  assert.match(warnings, /备注/);
  assert.doesNotMatch(warnings, /read_as_gbk|column_ignored/);
  // How the sheet was read: its header under the title, the title and the 合计 row left out.
  const layout = await page.textContent('[data-test=upload-layout]');
  assert.match(layout, /表头在第 2 行/);
  assert.match(layout, /1（标题）、4（合计）/);
  await shot(page, 'upload-gbk');
  // The figure is in the store as 250,000 万元.
  const history = JSON.parse(run(['history', uscc, '--period', '2025-10', '--format', 'json']));
  const current = history.periods[0].versions.find((v) => v.current);
  assert.equal(current.values.output_value, 250000);
  assert.equal(current.file, '十月产值-GBK.csv');
  // The refusal of the first try is a 400 the browser logs; nothing else may be.
  assert.deepEqual(
    errors.filter((e) => !e.includes('status of 400')),
    [],
  );
  await context.close();
});

test('a park sheet is previewed before it is imported, and its reading kept as a profile', async () => {
  const { page, errors, context } = await signedIn('ana', 'analyst-e2e-secret');
  const uscc = engine().groups[0].top[0].uscc;
  // The bureau's layout: a title, a units line in 千元, a two-level header, a 序号 column, a
  // column of the park's own, a 合计 and a 注 row.
  const sheet =
    '涪陵区2025年9月规模以上工业企业主要经济指标,,,,,\n单位：千元,,,,,\n' +
    '序号,统一社会信用代码,报告期,工业总产值,,产值说明\n,,,本月,上年同月,\n' +
    `1,${uscc},2025年9月,"1,234,567.8",,快报\n合计,,,"1,234,567.8",,\n注：快报数,,,,,\n`;
  const file = path.join(work, '园区九月.csv');
  writeFileSync(file, sheet);
  await page.click('[data-test=nav-uploads]');
  await page.selectOption('select[name=kind]', 'monthly');
  await page.setInputFiles('input[type=file]', file);
  await page.check('[data-test=ignore-unknown]');
  await page.click('[data-test=upload-preview-button]');
  await page.waitForSelector('[data-test=upload-preview]');
  assert.match(await page.textContent('[data-test=upload-status]'), /预览/);
  const columns = await page.textContent('[data-test=upload-preview-columns]');
  assert.match(columns, /工业总产值·本月\s*工业总产值（output_value）/);
  assert.match(columns, /序号\s*不读入/);
  const sample = await page.textContent('[data-test=upload-sample]');
  assert.match(sample, /2025-09/);
  assert.match(sample, /123456\.78/); // 千元 read as 万元
  assert.match(await page.textContent('[data-test=upload-layout]'), /金额单位按文件所注：千元/);
  await shot(page, 'upload-preview');
  // Nothing is written by the preview.
  const before = JSON.parse(run(['history', uscc, '--period', '2025-09', '--format', 'json']));
  assert.ok(!JSON.stringify(before).includes('园区九月.csv'));
  // Its reading kept as a profile, chosen at once; then imported by it.
  await page.fill('[data-test=profile-name]', '园区月报');
  await page.click('[data-test=save-profile]');
  await page.waitForFunction(() =>
    document.querySelector('[data-test=profile-saved]')?.textContent.includes('园区月报'),
  );
  assert.equal(await page.inputValue('[data-test=upload-profile]'), '园区月报');
  await page.click('[data-test=upload-commit]');
  await page.waitForSelector('[data-test=upload-report]');
  assert.match(await page.textContent('[data-test=upload-status]'), /已导入/);
  assert.match(await page.textContent('[data-test=upload-layout]'), /按导入方案“园区月报”读取/);
  const history = JSON.parse(run(['history', uscc, '--period', '2025-09', '--format', 'json']));
  const current = history.periods[0].versions.find((v) => v.current);
  assert.ok(Math.abs(current.values.output_value - 123456.78) < 1e-6, current.values.output_value);
  assert.equal(current.file, '园区九月.csv');
  // The profile is the command line's too.
  assert.match(run(['import', 'profile', 'list']), /园区月报/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a viewer sees withheld cells and no enterprise', async () => {
  const full = engine();
  const published = engine(['--public']);
  const withheld = published.groups.filter((g) => g.kind === 'cluster' && g.suppressed).map((g) => g.code);
  assert.ok(withheld.length > 0, 'the synthetic district has clusters to withhold');
  const names = full.groups.flatMap((g) => (g.top ?? []).map((e) => e.name));
  const { page, errors, context } = await signedIn('vic', 'viewer-e2e-secret');
  await page.waitForSelector('[data-test=public-note]');
  assert.equal(await page.locator('[data-test=nav-enterprises]').count(), 0);
  assert.equal(await page.locator('[data-test=nav-uploads]').count(), 0);
  await shot(page, 'cockpit-viewer');
  await page.click('[data-test=nav-clusters]');
  await page.waitForSelector(`[data-test=cluster-${withheld[0]}]`);
  assert.match(await page.textContent(`[data-test=cluster-${withheld[0]}]`), /已抑制/);
  await shot(page, 'clusters-viewer');
  const seen = [];
  for (const view of ['cockpit', 'clusters', 'parks', 'targets', 'chains', 'projects']) {
    await page.click(`[data-test=nav-${view}]`);
    // The view has drawn: its route is shown and nothing is loading.
    await page.waitForFunction(
      (v) => location.hash === `#/${v}` && !document.querySelector('[data-test=loading]'),
      view,
    );
    seen.push(await page.content());
  }
  for (const name of names) assert.ok(!seen.some((html) => html.includes(name)), `a viewer saw ${name}`);
  // Asking the API directly does not help.
  const status = await page.evaluate(async () => (await fetch('/api/v1/enterprises')).status);
  assert.equal(status, 403);
  await page.goto(`${base}/#/enterprises`);
  await page.waitForSelector('[data-test=error]');
  assert.deepEqual(
    errors.filter((e) => !e.includes('403')),
    [],
  );
  await context.close();
});

// A part of a Word document (a zip), as text, by Debian's python3.
const docxPart = (file, part) =>
  execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())',
      file,
      part,
    ],
    { encoding: 'utf8' },
  );

test('the analysis downloads as the Word document the command line writes, and the targets too', async () => {
  const { page, errors, context } = await signedIn('ana', 'analyst-e2e-secret');
  const [analysis] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=report-docx]')]);
  assert.match(analysis.suggestedFilename(), /^report-\d{4}-\d{2}\.docx$/);
  const downloaded = path.join(work, 'dashboard.docx');
  await analysis.saveAs(downloaded);
  const period = analysis.suggestedFilename().slice(7, 14);
  const written = path.join(work, 'cli.docx');
  run(['report', 'monthly', '--period', period, '--format', 'docx', '--out', written]);
  for (const part of ['word/document.xml', 'word/charts/chart1.xml', 'word/charts/chart2.xml']) {
    assert.equal(docxPart(downloaded, part), docxPart(written, part), part);
  }
  assert.match(docxPart(downloaded, 'word/document.xml'), /工业经济运行情况分析/);
  await page.click('[data-test=nav-targets]');
  await page.waitForSelector('[data-test=targets-table]');
  const [progress] = await Promise.all([page.waitForEvent('download'), page.click('[data-test=targets-docx]')]);
  assert.match(progress.suggestedFilename(), /^targets-\d{4}-\d{2}\.docx$/);
  const targetsFile = path.join(work, 'targets.docx');
  await progress.saveAs(targetsFile);
  assert.match(docxPart(targetsFile, 'word/document.xml'), /目标进度情况/);
  assert.deepEqual(errors, []);
  await context.close();
});
