import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { openCasesDb } from '../subgraphs/cases/service.js';
import { openInspectionsDb } from '../subgraphs/inspections/service.js';
import { openPowersDb } from '../subgraphs/powers/service.js';
import { openReviewsDb } from '../subgraphs/reviews/service.js';
import { loadConfigOrExit } from '../kernel/config.js';
import { allAccounts, dbAccounts, dbAccountsEnabled, secretFile, type DbAccount } from '../kernel/db-accounts.js';
import { DatabaseUnavailableError } from '../kernel/db.js';

// npm run db:accounts                            create the databases and the least-privilege accounts that are
//                                                absent, migrate, grant (what a first start does, as a release step)
// npm run db:accounts -- --rotate                also set every account's password to the configured secret
//                                                (DB_*_PASSWORD, else <key dir>/db-account-<user>.secret)
// npm run db:accounts -- --rotate --new-secrets  first write new random secrets into the key directory (accounts
//                                                whose password comes from the environment keep it)
// The one step that changes passwords (issue 27): a service start only creates an absent account. After rotating,
// give every machine the new secrets (`npm run keys -- export` / `import`, or the environment) and restart them.
// See docs/deployment.md.
const config = loadConfigOrExit();
const args = new Set(process.argv.slice(2));
const unknown = [...args].filter((a) => !['--rotate', '--new-secrets'].includes(a));
if (unknown.length || (args.has('--new-secrets') && !args.has('--rotate'))) {
  console.error('用法 (usage): npm run db:accounts [-- --rotate [--new-secrets]]');
  process.exit(2);
}
if (!dbAccountsEnabled()) {
  console.error('DB_ACCOUNTS=off：服务以 DATABASE_URL 的账户运行，没有要创建的账户 (nothing to do)');
  process.exit(2);
}
const rotatePasswords = args.has('--rotate');
/** The account's password is the key directory's secret (not set in the environment). */
const fromKeyDir = (a: DbAccount) =>
  existsSync(secretFile(config.keyDir, a.user)) && readFileSync(secretFile(config.keyDir, a.user), 'utf8').trim() === a.password;
try {
  if (args.has('--new-secrets')) {
    // Accounts whose password is set in the environment keep it: change it there.
    for (const a of allAccounts(dbAccounts(config))) {
      if (!fromKeyDir(a)) continue;
      writeFileSync(secretFile(config.keyDir, a.user), randomBytes(18).toString('base64url'), { mode: 0o600 });
      console.log(`新密钥 (new secret) ${a.user}`);
    }
  }
  for (const [name, open] of [
    ['powers', openPowersDb],
    ['cases', openCasesDb],
    ['reviews', openReviewsDb],
    ['inspections', openInspectionsDb],
  ] as const) {
    const db = await open(config, { rotatePasswords });
    await db.close();
    console.log(`${config.databaseName(name)}: 账户与授权已就绪 (accounts and grants ready)${rotatePasswords ? '，密码已设为当前密钥 (passwords set)' : ''}`);
  }
  for (const a of allAccounts(dbAccounts(config)))
    console.log(`  ${a.user} (${fromKeyDir(a) ? secretFile(config.keyDir, a.user) : '密码来自环境变量 (password from the environment)'})`);
} catch (err) {
  console.error(err instanceof DatabaseUnavailableError ? err.message : err);
  process.exit(1);
}
