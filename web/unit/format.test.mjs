// The dashboard's number forms against the case table every output is tested on
// (tests/data/formatting.json; the server's are in tests/report/numbers_test.cc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setLang } from '../src/i18n.js';
import * as f from '../src/format.js';

const cases = JSON.parse(readFileSync(new URL('../../tests/data/formatting.json', import.meta.url), 'utf8'));
const value = (v) => (v === null ? undefined : v);

// Every row of a kind: its arguments, the language where it has one, and the expected text last.
function check(kind, form, langAt) {
  assert.ok(cases[kind].length > 0, kind);
  for (const row of cases[kind]) {
    if (langAt !== undefined) setLang(row[langAt]);
    assert.equal(form(row), row.at(-1), `${kind} ${JSON.stringify(row)}`);
  }
  setLang('zh');
}

test('every case of the shared table', () => {
  check('money', (r) => f.money(value(r[0])), 1);
  check('yi', (r) => f.yiText(value(r[0])));
  check('count', (r) => f.count(value(r[0]), r[1]), 2);
  check('percent', (r) => f.percent(value(r[0]), r[1]));
  check('growth', (r) => f.growth(value(r[0])));
  check('points', (r) => f.points(value(r[0])), 1);
  check('pull', (r) => f.pull(value(r[0])), 1);
  check('change_words', (r) => f.changeWords(value(r[0])), 1);
  check('points_words', (r) => f.pointsWords(value(r[0])), 1);
  check('year_to_date', (r) => f.yearToDate(r[0]), 1);
  check('month', (r) => f.month(r[0]), 1);
  check('status', (r) => f.statusText(r[0]), 1);
  check('in_unit', (r) => f.inUnit(value(r[0]), r[1]), 2);
});

test('separators and signs at the edges', () => {
  assert.equal(f.fixed(999.96, 1), '1,000.0');
  assert.equal(f.fixed(1234567.891, 2), '1,234,567.89');
  assert.equal(f.fixed(-1234.5, 0), '-1,235');
  assert.equal(f.fixed(-0.04, 1), '0.0');
  assert.equal(f.fixed(123, 0), '123');
});
