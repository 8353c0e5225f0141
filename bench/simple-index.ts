/**
 * The simplest index three ways, over the same validated CSV: per year and item, answers N and
 * satisfied answers S (4 or 5), hence the item index 100·S/N. Engines: `wasm` and `native` run one
 * SQL statement over read_csv; `js` streams the file through papaparse and counts in loops.
 * Prints wall time (engine start-up apart), peak memory and a checksum (Σ S) so the three can be seen to agree.
 *
 *   node bench/simple-index.ts --engine wasm|native|js --csv validated.csv --items TC1,TC2,…
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { openEngine } from '../src/engine/duckdb.ts';

const { values } = parseArgs({ options: { engine: { type: 'string' }, csv: { type: 'string' }, items: { type: 'string' } } });
const csv = values.csv ?? '';
const items = (values.items ?? '').split(',');

const sql =
  `SELECT year(date) AS year, ` +
  items.map((c) => `count("${c}") AS n_${c}, count(*) FILTER (WHERE "${c}" >= 4) AS s_${c}`).join(', ') +
  ` FROM read_csv('${csv}', header = true, columns = {'response_id': 'VARCHAR', 'date': 'DATE', 'unit_code': 'VARCHAR', ` +
  `'agency_code': 'VARCHAR', 'field': 'VARCHAR', 'channel': 'VARCHAR', 'respondent_type': 'VARCHAR', ` +
  items.map((c) => `'${c}': 'TINYINT'`).join(', ') +
  `}) GROUP BY 1 ORDER BY 1`;

function checksum(rows: Record<string, unknown>[]): number {
  return rows.reduce((sum, r) => sum + items.reduce((s, c) => s + Number(r[`s_${c}`]), 0), 0);
}

// Engine start-up is timed apart: DuckDB-WASM compiles a 34 MB module (≈2 s) once per build.
let startup = 0;
let started = performance.now();
let total = 0;
if (values.engine === 'native') {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await instance.connect();
  startup = (performance.now() - started) / 1000;
  started = performance.now();
  const reader = await conn.runAndReadAll(sql);
  total = checksum(reader.getRowObjectsJS() as Record<string, unknown>[]);
} else if (values.engine === 'wasm') {
  const engine = await openEngine();
  startup = (performance.now() - started) / 1000;
  started = performance.now();
  total = checksum(engine.all(sql));
} else {
  const n = new Map<string, number>();
  const s = new Map<string, number>();
  await new Promise<void>((resolve, reject) => {
    Papa.parse<Record<string, string>>(createReadStream(csv), {
      header: true,
      skipEmptyLines: true,
      step: (result) => {
        const row = result.data;
        const year = (row.date ?? '').slice(0, 4);
        for (const c of items) {
          const v = row[c];
          if (v === undefined || v === '') continue;
          const key = `${year}|${c}`;
          n.set(key, (n.get(key) ?? 0) + 1);
          if (Number(v) >= 4) s.set(key, (s.get(key) ?? 0) + 1);
        }
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  total = [...s.values()].reduce((a, b) => a + b, 0);
}
console.log(JSON.stringify({ engine: values.engine, startup, seconds: (performance.now() - started) / 1000, checksum: total, peak_rss_bytes: process.resourceUsage().maxRSS * 1024 }));
