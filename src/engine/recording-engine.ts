/**
 * An Engine that writes down every statement it runs, so the benchmark can replay exactly the
 * same SQL on native DuckDB (the floor the WASM engine is compared with).
 */
import type { Engine } from './duckdb.ts';

export function recordingEngine(inner: Engine, log: string[]): Engine {
  return {
    all<T>(sql: string): T[] {
      log.push(sql);
      return inner.all<T>(sql);
    },
    run(sql: string): void {
      log.push(sql);
      inner.run(sql);
    },
    // Arrow data has no SQL text to replay: the benchmark replays only statements, and the index
    // computation (the only part it replays) inserts none.
    insertArrow: (name, table) => inner.insertArrow(name, table),
    close: () => inner.close(),
  };
}
