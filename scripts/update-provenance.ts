/**
 * `npm run provenance`: refresh the provenance register `provenance.csv` of the data folder
 * (DATA_DIR, default `<repo>/data`). Recomputes every sha256, adds a row for each new file and
 * drops rows of files that are gone; see src/intake/provenance.ts. New rows say
 * "unknown — fill in" until an editor writes who produced the file; response files of a sample
 * site (site config `sample_data: true`) get the sample generator's record instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import {
  ProvenanceRegisterError,
  REGISTER_FILE,
  UNKNOWN_PRODUCER,
  dataFolderLabel,
  refreshRegister,
} from '../src/intake/provenance.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.DATA_DIR ?? path.join(repoRoot, 'data'));
const label = dataFolderLabel(dataDir);

/** Only `sample_data` is needed here, so the site config is read loosely (the build validates it). */
function readSampleDataFlag(): boolean {
  for (const name of ['site.json', 'site.yaml', 'site.yml']) {
    const file = path.join(dataDir, name);
    if (!fs.existsSync(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    const config: unknown = name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return typeof config === 'object' && config !== null && (config as { sample_data?: unknown }).sample_data === true;
  }
  return false;
}

if (!fs.existsSync(dataDir)) {
  console.error(`The data folder ${label} does not exist: set DATA_DIR to the folder that holds site.json and units.csv.`);
  process.exit(1);
}

try {
  const result = refreshRegister(dataDir, { sampleData: readSampleDataFlag() });
  console.log(`${label}/${REGISTER_FILE}: ${result.records.length} records`);
  for (const file of result.rehashed) console.log(`  sha256 updated: ${file}`);
  for (const file of result.dropped) console.log(`  record dropped (file gone or row repeated): ${file}`);
  for (const file of result.added) {
    const record = result.records.find((r) => r.path === file);
    const todo = record?.producer === UNKNOWN_PRODUCER ? ' — fill in producer, date, licence and source_ids' : '';
    console.log(`  record added: ${file}${todo}`);
  }
} catch (error) {
  if (error instanceof ProvenanceRegisterError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
