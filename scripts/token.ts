import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { readDataset } from '../data/loader/dataset.js';
import { demoCallers } from '../data/loader/powers.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { isRole, loadKeyMaterial, signDevUserToken } from '../kernel/identity.js';

// npm run token -- --role ROLE [--agency ID] [--officer ID] | --demo KEY [--from FOLDER]   → prints only the token on stdout.
// --demo names an officer by their key in the demo data, or in the data folder given with --from.
const usage = 'usage: npm run token -- --role ROLE [--agency ID] [--officer ID] [--ttl 12h] | --demo KEY [--from FOLDER]';
const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    agency: { type: 'string' },
    officer: { type: 'string' },
    demo: { type: 'string' },
    ttl: { type: 'string' },
    from: { type: 'string' },
  },
});
let caller: { role: string; agencyId: string | null; officerId: string | null };
if (values.demo) {
  const callers = demoCallers(values.from ? readDataset(resolve(values.from)) : undefined);
  const found = callers.find((c) => c.key === values.demo);
  if (!found) {
    console.error(`unknown demo user ${values.demo}; one of: ${callers.map((c) => c.key).join(', ')}`);
    process.exit(2);
  }
  caller = found;
} else {
  caller = { role: values.role ?? '', agencyId: values.agency ?? null, officerId: values.officer ?? null };
}
if (!isRole(caller.role) || caller.role === 'SERVICE') {
  console.error(`${usage}\nROLE is one of PUBLIC OFFICER REVIEWER PRINCIPAL SUPERVISOR ANALYST PARTNER ADMIN SCHEMA_READER`);
  process.exit(2);
}
const keys = await loadKeyMaterial(loadConfigOrExit().keyDir);
process.stdout.write(`${await signDevUserToken(keys, { role: caller.role, agencyId: caller.agencyId, officerId: caller.officerId }, values.ttl ?? '12h')}\n`);
