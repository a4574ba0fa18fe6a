// Loads a CSV file into a new persistent DuckDB database, as the benchmark's reference point:
// DuckDB's own CSV reader with type sniffing, written to disk. Prints one JSON line.
// Usage: node load_csv.mjs FILE.csv DATABASE.duckdb
import { DuckDBInstance } from '@duckdb/node-api';

const [file, database] = process.argv.slice(2);
if (!file || !database) {
  console.error('usage: node load_csv.mjs FILE.csv DATABASE.duckdb');
  process.exit(2);
}
const instance = await DuckDBInstance.create(database);
const connection = await instance.connect();
const quoted = file.replaceAll("'", "''");
const started = performance.now();
await connection.run(`CREATE TABLE monthly AS SELECT * FROM read_csv('${quoted}', header = true)`);
await connection.run('CHECKPOINT');  // durable on disk, as ClusterScope's import is
const seconds = (performance.now() - started) / 1000;
const reader = await connection.runAndReadAll('SELECT count(*) FROM monthly');
const rows = Number(reader.getRows()[0][0]);
console.log(JSON.stringify({ rows, seconds }));
