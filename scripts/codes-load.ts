// npm run codes:load -- --icd10cm <cms file> --release FY2027 [--from 2026-10-01 --to 2027-09-30]
// npm run codes:load -- --cpt <licensed descriptors.csv>
// Compiled (Docker): node dist/api/scripts/codes-load.js …
// Loads a newer ICD-10-CM release from CMS (same format as the FY2026 file shipped in
// data/code-sets/) next to the ones already loaded, or the clinic's licensed CPT descriptors.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isIsoDate } from '@preauth/domain';
import { loadConfig } from '../apps/api/src/config/config';
import { withMigratedCliClient } from '../apps/api/src/database/cli-database';
import {
  fiscalYearDates,
  loadCptDescriptors,
  loadIcd10Release,
  parseCptDescriptorCsv,
} from '../apps/api/src/modules/codes/code-set-loader';

const USAGE = `Usage: npm run codes:load -- --icd10cm <icd10cm-codes-YYYY.txt[.gz]> --release FY2027 [--from 2026-10-01 --to 2027-09-30]
       npm run codes:load -- --cpt <descriptors.csv>   (columns: code, short, long)
A release named FYyyyy is in effect from October 1 of the year before to September 30 unless
--from/--to say otherwise. Uses DATABASE_URL, or the embedded database in DATA_DIR like npm start.`;

class UsageError extends Error {}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      icd10cm: { type: 'string' },
      release: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      cpt: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    say(USAGE);
    return 0;
  }
  if (!values.icd10cm === !values.cpt) throw new UsageError('give either --icd10cm or --cpt');
  const config = loadConfig();
  await withMigratedCliClient(config, say, async (client) => {
    if (values.icd10cm) {
      const release = values.release?.trim();
      if (!release) throw new UsageError('--release names the release, e.g. FY2027');
      const fiscal = fiscalYearDates(release);
      const effectiveFrom = values.from ?? fiscal?.from;
      const effectiveTo = values.to ?? fiscal?.to ?? null;
      if (!effectiveFrom || !isIsoDate(effectiveFrom)) throw new UsageError('--from must be a YYYY-MM-DD date');
      if (effectiveTo !== null && (!isIsoDate(effectiveTo) || effectiveTo < effectiveFrom))
        throw new UsageError('--to must be a YYYY-MM-DD date on or after --from');
      const loaded = await loadIcd10Release(client, { file: values.icd10cm, release, effectiveFrom, effectiveTo });
      say(
        `Loaded ICD-10-CM ${release} (${effectiveFrom} to ${effectiveTo ?? 'open'}): ${loaded.count} codes from ${basename(values.icd10cm)} (sha256 ${loaded.sha256}) in ${loaded.ms} ms.`,
      );
    } else if (values.cpt) {
      const rows = parseCptDescriptorCsv(readFileSync(values.cpt, 'utf8'), basename(values.cpt));
      const count = await loadCptDescriptors(client, rows);
      say(
        `Loaded ${count} licensed CPT descriptors from ${basename(values.cpt)}; they now show instead of Preauth's labels.`,
      );
    }
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`codes:load: ${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`codes:load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
