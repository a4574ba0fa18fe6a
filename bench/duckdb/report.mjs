// The monthly report's figures for one period in SQL, as the benchmark's reference point
// (bench/report_bench.cc): the same frame, same-basis sums, growth, contribution, pull, ratios,
// counts and top-10 rankings per group. Tables are loaded from the CSV files once (not timed);
// the query is run three times: the fastest run is the warm figure (`seconds`), and the process
// from its start to the end of the first run, less the loading, the cold one (`cold_seconds`:
// node and DuckDB starting, the file opened, the first query). Prints one JSON object.
// Usage: node report.mjs DATA_DIR DATABASE.duckdb YYYY-MM
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, database, period] = process.argv.slice(2);
if (!dir || !database || !/^\d{4}-\d{2}$/.test(period ?? '')) {
  console.error('usage: node report.mjs DATA_DIR DATABASE.duckdb YYYY-MM');
  process.exit(2);
}
const instance = await DuckDBInstance.create(database);
let loading = performance.now();
const connection = await instance.connect();
const count = async (sql) => Number((await connection.runAndReadAll(sql)).getRows()[0][0]);
const file = (name) => `${dir}/${name}`.replaceAll("'", "''");
// The measures as exact decimals of a millionth, as ClusterScope keeps them: sums, sign tests and
// comparisons (a decline, a loss) are then exact in both.
const measures = ['output_value', 'value_added', 'revenue', 'profit', 'rd_expense',
  'new_product_revenue', 'export_value', 'energy_tce', 'employees'];
const types = Object.fromEntries([['period', 'VARCHAR'], ...measures.map((m) => [m, 'DECIMAL(18,6)'])]);
const exact = await count(`SELECT count(*) FROM information_schema.columns WHERE table_name = 'monthly'
  AND column_name = 'output_value' AND data_type LIKE 'DECIMAL%'`);
if (exact === 0) {
  await connection.run('DROP TABLE IF EXISTS monthly');
  await connection.run('DROP TABLE IF EXISTS scale');
  await connection.run(`CREATE TABLE monthly AS SELECT * FROM read_csv('${file('monthly.csv')}', header = true, types = ${JSON.stringify(types).replaceAll('"', "'")})`);
  await connection.run(`CREATE TABLE scale AS SELECT * FROM read_csv('${file('scale.csv')}', header = true)`);
}
await connection.run(`CREATE OR REPLACE TABLE groups AS SELECT * FROM read_csv('${file('groups.csv')}', header = true, types = {'code': 'VARCHAR'})`);
loading = performance.now() - loading;

const year = Number(period.slice(0, 4));
const month = period.slice(5);
const base = `${year - 1}-${month}`;
const sql = `
WITH frame AS (
  SELECT DISTINCT m.uscc FROM monthly m
  JOIN scale s ON s.uscc = m.uscc AND s.year = ${year} AND s.above_scale = 1
  WHERE m.period BETWEEN '${year}-01' AND '${period}' AND m.output_value IS NOT NULL),
cur AS (
  SELECT uscc, sum(output_value) AS o, sum(value_added) AS va, sum(revenue) AS r,
         sum(profit) AS p, sum(rd_expense) AS rd, sum(energy_tce) AS en, sum(employees) AS emp,
         sum(output_value) FILTER (WHERE period = '${period}') AS mo
  FROM monthly WHERE period BETWEEN '${year}-01' AND '${period}' GROUP BY uscc),
prev AS (
  SELECT uscc, sum(output_value) AS ob, sum(value_added) AS vab, sum(energy_tce) AS enb,
         sum(output_value) FILTER (WHERE period = '${base}') AS mob
  FROM monthly WHERE period BETWEEN '${year - 1}-01' AND '${base}' GROUP BY uscc),
e AS (
  SELECT f.uscc, coalesce(c.o, 0) AS o, coalesce(c.va, 0) AS va, coalesce(c.r, 0) AS r,
         coalesce(c.p, 0) AS p, coalesce(c.rd, 0) AS rd, coalesce(c.en, 0) AS en,
         coalesce(c.emp, 0) AS emp, coalesce(c.mo, 0) AS mo, coalesce(b.ob, 0) AS ob,
         coalesce(b.vab, 0) AS vab, coalesce(b.enb, 0) AS enb, coalesce(b.mob, 0) AS mob
  FROM frame f LEFT JOIN cur c USING (uscc) LEFT JOIN prev b USING (uscc)),
eg AS (SELECT g.kind, g.code, e.* FROM e JOIN groups g USING (uscc)),
agg AS (
  SELECT kind, code, count(*) AS enterprises, sum(o) AS o, sum(ob) AS ob, sum(mo) AS mo,
         sum(mob) AS mob, sum(va) AS va, sum(vab) AS vab, sum(r) AS r, sum(p) AS p,
         sum(rd) AS rd, sum(en) AS en, sum(enb) AS enb, sum(emp) AS emp,
         count(*) FILTER (WHERE ob > 0 AND o < ob) AS declining,
         count(*) FILTER (WHERE p < 0) AS losses, sum(p) FILTER (WHERE p < 0) AS loss_amount
  FROM eg GROUP BY kind, code),
t AS (SELECT o - ob AS change, ob AS base FROM agg WHERE kind = 'total'),
by_output AS (
  SELECT kind, code, list(uscc ORDER BY o DESC, uscc) AS top FROM (
    SELECT kind, code, uscc, o FROM eg
    QUALIFY row_number() OVER (PARTITION BY kind, code ORDER BY o DESC, uscc) <= 10)
  GROUP BY kind, code),
by_growth AS (
  SELECT kind, code, list(uscc ORDER BY o / ob DESC, uscc) AS top_by_growth FROM (
    SELECT kind, code, uscc, o, ob FROM eg WHERE ob > 0
    QUALIFY row_number() OVER (PARTITION BY kind, code ORDER BY o / ob DESC, uscc) <= 10)
  GROUP BY kind, code)
SELECT agg.kind, agg.code, enterprises, o AS ytd_output, ob AS ytd_output_base,
       mo AS month_output, p AS ytd_profit, declining, losses,
       CASE WHEN ob = 0 THEN NULL ELSE o / ob - 1 END AS growth_same_basis,
       CASE WHEN t.change = 0 THEN NULL ELSE (o - ob) / t.change END AS contribution_rate,
       CASE WHEN t.base = 0 THEN NULL ELSE (o - ob) / t.base * 100 END AS pull_pp,
       CASE WHEN r = 0 THEN NULL ELSE rd / r END AS rd_intensity,
       CASE WHEN va = 0 THEN NULL ELSE en / va END AS energy_per_va,
       CASE WHEN emp = 0 THEN NULL ELSE va * 12 / emp END AS labor_productivity,
       by_output.top, by_growth.top_by_growth
FROM agg CROSS JOIN t LEFT JOIN by_output USING (kind, code) LEFT JOIN by_growth USING (kind, code)
ORDER BY agg.kind, agg.code`;

let best = Infinity;
let cold = 0;
let rows = [];
for (let run = 0; run < 3; ++run) {
  const started = performance.now();
  const reader = await connection.runAndReadAll(sql);
  rows = reader.getRowObjectsJson();
  best = Math.min(best, (performance.now() - started) / 1000);
  if (run === 0) cold = (performance.now() - loading) / 1000;
}
console.log(JSON.stringify({ seconds: best, cold_seconds: cold, groups: rows }));
