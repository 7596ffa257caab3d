import { startGateway } from '../gateway/server.js';
import { openCasesDb, startCases } from '../subgraphs/cases/service.js';
import { openPowersDb, startPowers } from '../subgraphs/powers/service.js';
import { isSeeded, seedPowers } from '../subgraphs/powers/seed.js';
import { loadConfig } from '../subgraphs/shared/config.js';
import { runService } from '../subgraphs/shared/run.js';

// npm start: databases, migrations, demo data when empty, every subgraph, then the gateway — one process for a demo machine.
await runService(
  'sanxiang',
  async ({ config, keys, log }) => {
    const powersDb = await openPowersDb(config);
    if (!(await isSeeded(powersDb))) log.info(await seedPowers(powersDb), 'seeded powers demo data');
    const powers = await startPowers({ config, db: powersDb, keys, log: log.child({ service: 'powers' }) });
    const cases = await startCases({ config, db: await openCasesDb(config), keys, log: log.child({ service: 'cases' }) });
    const gateway = await startGateway({ config, keys, log: log.child({ service: 'gateway' }) });
    console.log(
      [
        '',
        `sanxiang is running (Ctrl-C stops it)`,
        `  gateway   ${gateway.url}   (explorer: open it in a browser)`,
        `  powers    ${powers.url}`,
        `  cases     ${cases.url}`,
        `  databases ${config.databaseName('powers')}, ${config.databaseName('cases')} on ${config.databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
        `  token     npm run token -- --demo reviewer-zhang   (or --role OFFICER --agency <id> --officer <id>)`,
        '',
      ].join('\n'),
    );
    return [powers, cases, gateway];
  },
  loadConfig(),
);
