/**
 * DuckDB-WASM in Node, blocking bundle: the engine every published number is computed with.
 *
 * Why the blocking bundle: it runs in-process with synchronous queries (stack.md measured the
 * async worker API as no faster). Why extensions are switched off first: they are downloaded at
 * run time, and offline an autoload hangs forever; a missing extension must fail at once.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';

export type ArrowTable = ReturnType<DuckDBConnection['query']>;

const require = createRequire(import.meta.url);

export interface Engine {
  /** Runs SQL and returns plain JS rows (BigInt → number). */
  all<T = Record<string, unknown>>(sql: string): T[];
  /** Runs SQL for its effect. */
  run(sql: string): void;
  /** Creates table `name` (in the main schema) holding an Arrow table's columns, values as they are. */
  insertArrow(name: string, table: ArrowTable): void;
  close(): void;
}

export async function openEngine(): Promise<Engine> {
  const duckdb = require('@duckdb/duckdb-wasm/blocking') as typeof import('@duckdb/duckdb-wasm/blocking');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const logger = new duckdb.VoidLogger();
  const db: DuckDBBindings = await duckdb.createDuckDB(bundles, logger, duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn: DuckDBConnection = db.connect();
  conn.query('SET autoload_known_extensions=false');
  conn.query('SET autoinstall_known_extensions=false');

  return {
    all<T>(sql: string): T[] {
      return tableToRows(conn.query(sql)) as T[];
    },
    run(sql: string): void {
      conn.query(sql);
    },
    insertArrow(name: string, table: ArrowTable): void {
      conn.insertArrowTable(table, { name, create: true });
    },
    close(): void {
      conn.close();
    },
  };
}

/**
 * Arrow table → plain rows, column by column. Why not Arrow's row proxies: converting each row
 * through `toJSON()` dominated the time of large results (~150 k cells took seconds).
 */
function tableToRows(table: ArrowTable): Record<string, unknown>[] {
  const names = table.schema.fields.map((f) => f.name);
  const rows: Record<string, unknown>[] = Array.from({ length: table.numRows }, () => ({}));
  names.forEach((name, c) => {
    const column = table.getChildAt(c);
    if (!column) return;
    const values = column.toArray() as ArrayLike<unknown>;
    // Typed arrays lose nulls (a null reads as 0), so check validity where the column has nulls.
    const hasNulls = column.nullCount > 0;
    const typed = ArrayBuffer.isView(values);
    for (let i = 0; i < rows.length; i++) {
      let v: unknown = hasNulls && !column.isValid(i) ? null : typed ? values[i] : column.get(i);
      if (typeof v === 'bigint') v = Number(v);
      (rows[i] as Record<string, unknown>)[name] = v;
    }
  });
  return rows;
}
