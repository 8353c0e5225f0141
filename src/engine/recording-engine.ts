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
    close: () => inner.close(),
  };
}
