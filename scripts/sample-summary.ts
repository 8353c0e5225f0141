/**
 * Prints the simple indices of generated sample files, to calibrate the generator against the
 * story it should tell (src/sample/response-model.ts): indices by year and district with 95 %
 * margins, rank chances, the Ninh Sơn targets of Kế hoạch 95/KH-UBND, and the sample's structure;
 * from 2025-07-01 the "district" is the province its communes hang under (56), and the commune
 * section gives the per-commune sizes and how many communes lie clearly above or below it.
 *   npx node scripts/sample-summary.ts [--surveys-dir data/surveys] [--data data] [--year 2024] [--district 585]
 *   npx node scripts/sample-summary.ts --year 2026 --district 56
 * Plain JavaScript over the CSV files (src/sample/quick-indices.ts), independent of the engine.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SurveyInstrument } from '../src/intake/types.ts';
import { createPrng } from '../src/sample/prng.ts';
import {
  districtLookup,
  groupedIndex,
  readCheckedResponses,
  simulateRanks,
  type CheckedResponse,
  type IndexEstimate,
} from '../src/sample/quick-indices.ts';
import { readAgencies, readInstrument, readUnits } from '../src/sample/read-registers.ts';

const args = new Map<string, string>();
for (let i = 2; i + 1 < process.argv.length; i += 2) args.set(process.argv[i] ?? '', process.argv[i + 1] ?? '');
const dataDir = resolve(args.get('--data') ?? process.env.DATA_DIR ?? 'data');
const surveysDir = resolve(args.get('--surveys-dir') ?? join(dataDir, 'surveys'));
const focusYear = Number(args.get('--year') ?? '2024');
const focusDistrict = args.get('--district') ?? '585';

const units = readUnits(dataDir);
const agencies = readAgencies(dataDir);
const districtOf = districtLookup(units);
/** Districts, then provinces with communes directly under them (the areas of the commune design). */
const districtCodes = [
  ...new Set(units.filter((unit) => unit.level === 'district').map((unit) => unit.code)).values(),
  ...new Set(
    units
      .filter((unit) => unit.level === 'province' && units.some((child) => child.level === 'commune' && child.parent_code === unit.code))
      .map((unit) => unit.code),
  ).values(),
].sort();

const format = (estimate: IndexEstimate): string =>
  estimate.value === null || estimate.se === null
    ? `  –   (n ${estimate.n})`
    : `${estimate.value.toFixed(2)} ± ${(1.96 * estimate.se).toFixed(2)} (n ${estimate.n})`;
const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;

function loadSurvey(surveyId: string): { instrument: SurveyInstrument; rows: CheckedResponse[] } {
  const instrument = readInstrument(dataDir, surveyId);
  const columns = instrument.elements.flatMap((element) => element.items.map((item) => item.column));
  const directory = join(surveysDir, surveyId, 'responses');
  const seen = new Set<string>();
  const rows: CheckedResponse[] = [];
  for (const name of readdirSync(directory).filter((file) => file.endsWith('.csv')).sort()) {
    const checked = readCheckedResponses(join(directory, name), columns, districtOf, seen);
    const rejected = Object.values(checked.rejected).reduce((sum, count) => sum + count, 0);
    console.log(
      `  ${surveyId}/${name}: ${checked.read} rows read, ${rejected} set aside (${percent(rejected, checked.read)})` +
        (rejected > 0 ? `: ${JSON.stringify(checked.rejected)}` : ''),
    );
    rows.push(...checked.rows);
  }
  return { instrument, rows };
}

function elementGroups(instrument: SurveyInstrument): number[][] {
  let position = 0;
  return instrument.elements.map((element) => element.items.map(() => position++));
}

for (const surveyId of ['sipas', 'y-te', 'giao-duc']) {
  if (!existsSync(join(surveysDir, surveyId, 'responses'))) continue;
  console.log(`\n=== ${surveyId}`);
  const { instrument, rows } = loadSurvey(surveyId);
  const groups = elementGroups(instrument);
  const years = [...new Set(rows.map((row) => row.year))].sort();

  console.log('\nOverall index by year: province, then districts');
  for (const year of years) {
    const ofYear = rows.filter((row) => row.year === year);
    const byDistrict = districtCodes
      .map((code) => `${code} ${groupedIndex(ofYear.filter((row) => row.district === code), groups).value?.toFixed(1) ?? '–'}`)
      .join('  ');
    console.log(`  ${year}: ${format(groupedIndex(ofYear, groups))} | ${byDistrict}`);
  }
  console.log('\nElements (province) by year');
  for (const year of years) {
    const ofYear = rows.filter((row) => row.year === year);
    const line = instrument.elements
      .map((element, index) => `${element.code} ${groupedIndex(ofYear, [groups[index] ?? []]).value?.toFixed(1)}`)
      .join('  ');
    console.log(`  ${year}: ${line}`);
  }

  const focusRows = rows.filter((row) => row.year === focusYear);
  const estimates = districtCodes.map((code) => ({ code, ...groupedIndex(focusRows.filter((row) => row.district === code), groups) }));
  const ranked = estimates.filter((estimate) => estimate.value !== null && estimate.se !== null) as {
    code: string;
    value: number;
    se: number;
    n: number;
  }[];
  ranked.sort((a, b) => b.value - a.value);
  const chances = simulateRanks(ranked, 10000, createPrng('sample-summary'));
  console.log(`\n${focusYear} districts, highest first (P(rank 1..${ranked.length}))`);
  ranked.forEach((estimate, index) => {
    const distribution = (chances[index] ?? []).map((p) => p.toFixed(2)).join(' ');
    console.log(`  ${index + 1}. ${estimate.code}: ${format(estimate)}  [${distribution}]`);
  });

  const focus = focusRows.filter((row) => row.district === focusDistrict);
  console.log(`\n${focusDistrict} ${focusYear}: overall ${format(groupedIndex(focus, groups))}`);
  if (surveyId === 'sipas') {
    for (const field of ['dat-dai', 'xay-dung', 'dau-tu']) {
      console.log(`  field ${field}: ${format(groupedIndex(focus.filter((row) => row.field === field), groups))}`);
    }
    for (const district of districtCodes) {
      const registered = agencies.filter(
        (agency) =>
          agency.sector === 'hanh-chinh' &&
          agency.has_procedures &&
          agency.valid_from <= `${focusYear}-12-31` &&
          (agency.valid_to === null || agency.valid_to >= `${focusYear}-01-01`) &&
          (agency.unit_code === district || districtOf(agency.unit_code, `${focusYear}-06-30`) === district),
      );
      const measured = new Set(focusRows.filter((row) => row.district === district).map((row) => row.agency));
      const covered = registered.filter((agency) => measured.has(agency.code)).length;
      console.log(`  coverage ${district} ${focusYear}: ${covered}/${registered.length}`);
    }

    console.log('\nSample structure');
    for (const year of years) {
      const ofYear = rows.filter((row) => row.year === year);
      const communeRows = ofYear.filter((row) => row.unitCode !== row.district).length;
      const online = ofYear.filter((row) => row.channel === 'truc-tuyen').length;
      const post = ofYear.filter((row) => row.channel === 'buu-chinh').length;
      const organisations = ofYear.filter((row) => row.respondentType === 'to-chuc').length;
      const noAgency = ofYear.filter((row) => row.agency === '').length;
      const perDistrict = districtCodes.map((code) => ofYear.filter((row) => row.district === code).length).join('/');
      console.log(
        `  ${year}: n ${ofYear.length} (${perDistrict}); commune-coded ${percent(communeRows, ofYear.length)}, online ${percent(online, ofYear.length)}, ` +
          `post ${percent(post, ofYear.length)}, organisations ${percent(organisations, ofYear.length)}, no agency ${percent(noAgency, ofYear.length)}`,
      );
    }
    const fieldCounts = new Map<string, number>();
    for (const row of rows) fieldCounts.set(row.field, (fieldCounts.get(row.field) ?? 0) + 1);
    console.log(
      `  fields: ${[...fieldCounts].sort((a, b) => b[1] - a[1]).map(([field, count]) => `${field || '(empty)'} ${percent(count, rows.length)}`).join(', ')}`,
    );
    const itemMissing = instrument.elements.map((element, index) => {
      const items = groups[index] ?? [];
      const missing = rows.reduce((sum, row) => sum + items.filter((c) => row.answers[c] === 0).length, 0);
      return `${element.code} ${percent(missing, rows.length * items.length)}`;
    });
    console.log(`  empty answers by element: ${itemMissing.join(', ')}`);
    const communeCounts = new Map<string, number>();
    for (const row of focusRows) if (row.unitCode !== row.district) communeCounts.set(row.unitCode, (communeCounts.get(row.unitCode) ?? 0) + 1);
    const counts = [...communeCounts.values()].sort((a, b) => a - b);
    console.log(
      `  communes ${focusYear}: ${counts.length} with responses, min ${counts[0]}, median ${counts[Math.floor(counts.length / 2)]}, ` +
        `max ${counts[counts.length - 1]}, under 100: ${counts.filter((count) => count < 100).length}, under 30: ${counts.filter((count) => count < 30).length}`,
    );
    const areaValue = groupedIndex(focus, groups).value;
    if (areaValue !== null) {
      const sides = { above: 0, below: 0, within: 0 };
      for (const code of new Set(focus.filter((row) => row.unitCode !== row.district).map((row) => row.unitCode))) {
        const estimate = groupedIndex(focus.filter((row) => row.unitCode === code), groups);
        if (estimate.n < 30 || estimate.value === null || estimate.se === null) continue;
        if (estimate.value - 1.96 * estimate.se > areaValue) sides.above++;
        else if (estimate.value + 1.96 * estimate.se < areaValue) sides.below++;
        else sides.within++;
      }
      console.log(`  communes of ${focusDistrict} ${focusYear} (n ≥ 30) against ${areaValue.toFixed(1)}: ${JSON.stringify(sides)}`);
    }
  }
}
