import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DataFileError } from '../kernel/data-file.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { DatabaseUnavailableError } from '../kernel/db.js';
import { loadKeyMaterial } from '../kernel/identity.js';
import { DEMO_DIR, demoCallers, loadDataset, NotEmptyError, pinDemoClock, readDataset, type Dataset } from '../data/loader/index.js';

// npm run seed [-- --from <folder>] [-- --reset]: a data folder (docs/data-format.md; default: the demo,
// data/demo/) into empty databases, or into databases rebuilt from scratch with --reset. All or nothing.

const { values } = parseArgs({ options: { from: { type: 'string' }, reset: { type: 'boolean', default: false } } });
const dir = values.from ? resolve(values.from) : DEMO_DIR;

let data: Dataset;
try {
  data = readDataset(dir);
} catch (err) {
  console.error(err instanceof DataFileError ? err.message : err);
  process.exit(1);
}
// Data written for a fixed date (the demo) is loaded on that date unless SANXIANG_TODAY says otherwise.
const config = loadConfigOrExit(pinDemoClock(process.env, data));
try {
  const keys = await loadKeyMaterial(config.keyDir);
  const loaded = await loadDataset({ config, keys, data, reset: values.reset });
  console.log(`loaded ${data.name} (${dir}) on ${config.clock.today()}`);
  console.log(
    `  ${config.databaseName('powers')}: ${loaded.powers.agencies} agencies, ${loaded.powers.officers} officers, ${loaded.powers.documents} list documents`,
  );
  console.log(`  ${config.databaseName('cases')}: ${loaded.cases.length} cases`);
  for (const c of loaded.cases) console.log(`    ${c.caseNumber.padEnd(16)} ${c.state.padEnd(13)} ${c.procedure.padEnd(7)} ${c.key}`);
  if (loaded.review) console.log(`  ${config.databaseName('reviews')}: submitted ${loaded.review.caseNumber} for legal review`);
  if (loaded.evaluations) console.log(`  ${config.databaseName('cases')}: ${loaded.evaluations} 案卷评查 round(s) (evaluations.yaml)`);
  if (values.reset) console.log(`  ${config.databaseName('inspections')}: reset (inspections re-sync from the platform at start)`);
  console.log(`users (npm run token -- --demo <key>${values.from ? ` --from ${values.from}` : ''}):`);
  for (const c of demoCallers(data)) console.log(`  ${c.key.padEnd(22)} ${c.role.padEnd(10)} ${c.name}  officer=${c.officerId}`);
} catch (err) {
  const known = err instanceof DataFileError || err instanceof NotEmptyError || err instanceof DatabaseUnavailableError;
  console.error(known ? (err as Error).message : err);
  process.exit(1);
}
