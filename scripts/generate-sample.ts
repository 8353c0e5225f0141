/**
 * Generates seeded, realistic sample survey responses (see src/sample/response-model.ts).
 *   npm run generate -- [--seed 1] [--responses 24000] [--years 2021-2024] …
 * or a whole data folder for the country (src/sample/national-folder.ts):
 *   npm run generate -- --scope national --responses-per-year 1000000 --out /tmp/national
 * `--help` lists every option. Same options → byte-identical files.
 */
import { performance } from 'node:perf_hooks';
import { parseGenerateOptions, USAGE } from '../src/sample/cli-options.ts';
import { generateSampleSet } from '../src/sample/generate-sample-set.ts';
import { writeNationalFolder } from '../src/sample/national-folder.ts';

const argv = process.argv.slice(2);
if (argv.includes('--help') || argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
try {
  const started = performance.now();
  const options = parseGenerateOptions(argv, process.env, process.cwd());
  const log = (line: string) => console.log(line);
  const results =
    options.scope === 'national' ? writeNationalFolder(options, log, `npm run generate -- ${argv.join(' ')}`).files : generateSampleSet(options, log);
  const rows = results.reduce((sum, result) => sum + result.rows, 0);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${results.length} files, ${rows} rows in ${seconds.toFixed(1)} s (seed ${options.seed}).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
