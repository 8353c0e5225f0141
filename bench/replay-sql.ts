/**
 * Replays a recorded list of SQL statements (JSON array) on one engine and reports wall time and
 * peak memory as JSON on stdout. Engines: `wasm` (DuckDB-WASM, blocking bundle, as the build uses
 * it) or `native` (@duckdb/node-api, 2 threads). Start-up is timed apart from the statements.
 *
 *   node bench/replay-sql.ts --engine wasm|native --log statements.json
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openEngine } from '../src/engine/duckdb.ts';

const { values } = parseArgs({ options: { engine: { type: 'string' }, log: { type: 'string' } } });
const statements = JSON.parse(readFileSync(values.log ?? '', 'utf8')) as string[];

let startup = 0;
let queries = 0;
if (values.engine === 'native') {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  let t = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  startup = (performance.now() - t) / 1000;
  t = performance.now();
  // Results are read in full, as the WASM engine's all() does.
  for (const sql of statements) await conn.runAndReadAll(sql);
  queries = (performance.now() - t) / 1000;
} else {
  let t = performance.now();
  const engine = await openEngine();
  startup = (performance.now() - t) / 1000;
  t = performance.now();
  for (const sql of statements) engine.all(sql);
  queries = (performance.now() - t) / 1000;
}
console.log(JSON.stringify({ engine: values.engine, startup, queries, peak_rss_bytes: process.resourceUsage().maxRSS * 1024 }));
