import { createPrivateKey } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { loadConfigOrExit } from '../kernel/config.js';
import { loadApproverKey } from '../kernel/records/witness-server.js';
import { createLogger } from '../kernel/logger.js';
import { restore } from './ops/backup.js';
import { approvalRequests, reanchorPrefix, signApprovals } from './ops/reanchor.js';

// npm run restore -- DIR [--prefix P]      load a backup into the empty databases of P (default DB_PREFIX), reconcile
//                                          and verify every record log. Exit 0 intact, 3 a witness reports ROLLBACK
//                                          (the restore is older than the witness: re-anchor below), 1 failed.
// npm run restore -- approve --reason R --approver-key FILE [--out FILE]
//                                          the KEY HOLDER signs the re-anchoring of DB_PREFIX's logs to their heads.
// npm run restore -- reanchor --reason R --approvals FILE [--actor NAME]
//                                          the operator applies it (WITNESS_APPROVER_PUBLIC_KEY_FILE must be set).
// docs/operations.md "Restoring a backup" is the procedure.
const config = loadConfigOrExit();
const log = createLogger('restore');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const need = (name: string) => {
  const v = flag(name);
  if (!v) {
    console.error(`缺少 ${name} (missing ${name})；见 docs/operations.md`);
    process.exit(2);
  }
  return v;
};

try {
  if (args[0] === 'approve') {
    const reason = need('--reason');
    const approvals = signApprovals(await approvalRequests(config, reason), createPrivateKey(readFileSync(need('--approver-key'), 'utf8')));
    const text = `${JSON.stringify({ reason, approvals }, null, 2)}\n`;
    const out = flag('--out');
    if (out) writeFileSync(out, text, { mode: 0o600 });
    else process.stdout.write(text);
  } else if (args[0] === 'reanchor') {
    const file = JSON.parse(readFileSync(need('--approvals'), 'utf8')) as { reason: string; approvals: Record<string, string> };
    const reason = flag('--reason') ?? file.reason;
    const results = await reanchorPrefix(config, {
      reason,
      approvals: file.approvals,
      approverKey: loadApproverKey(process.env.WITNESS_APPROVER_PUBLIC_KEY_FILE),
      actor: flag('--actor') ?? userInfo().username,
    });
    for (const r of results) {
      if (!r.result) console.log(`${r.dbName}: ${r.skipped}`);
      else {
        const { previous, anchoredTo, entryGlobalSeq } = r.result;
        console.log(
          `已重新锚定 (re-anchored) ${r.dbName}: 见证 #${previous?.checkpointSeq ?? '-'} → 检查点 #${anchoredTo.checkpointSeq}; 记录第 ${entryGlobalSeq} 条 WITNESS_REANCHORED`,
        );
        log.warn({ dbName: r.dbName, previous, anchoredTo, reason, entryGlobalSeq }, 'record witness re-anchored with the key holder approval');
      }
    }
  } else if (args[0] && !args[0].startsWith('--')) {
    const prefix = flag('--prefix') ?? config.dbPrefix;
    const report = await restore(config, args[0], prefix);
    let rollback = false;
    let broken = false;
    for (const l of report.logs) {
      const state = l.verify.ok ? '记录完整 (intact)' : `${l.verify.firstBad?.problem}: ${l.verify.firstBad?.message}`;
      console.log(`${l.dbName}: 见证 ${l.outcome}, 检查点 #${l.head?.checkpointSeq ?? '-'} — ${state}`);
      if (l.outcome === 'ROLLBACK') rollback = true;
      else if (!l.verify.ok) broken = true;
    }
    log.warn({ backup: args[0], prefix, logs: report.logs.map((l) => ({ dbName: l.dbName, outcome: l.outcome, ok: l.verify.ok })) }, 'backup restored');
    if (rollback) {
      console.error(
        '恢复的数据早于见证记载：在批准前这就是回滚，verify-records 将如此报告。若恢复是有意的，请密钥持有人批准重新锚定：\n' +
          `  DB_PREFIX=${prefix} npm run restore -- approve --reason "<理由>" --approver-key <批准人私钥> --out approvals.json   (密钥持有人)\n` +
          `  DB_PREFIX=${prefix} npm run restore -- reanchor --approvals approvals.json                                         (运维)`,
      );
    }
    process.exit(broken ? 1 : rollback ? 3 : 0);
  } else {
    console.error('用法 (usage): npm run restore -- DIR [--prefix P] | approve --reason R --approver-key FILE [--out FILE] | reanchor --approvals FILE');
    process.exit(2);
  }
} catch (err) {
  console.error(`恢复失败 (restore failed): ${(err as Error).message}`);
  process.exit(1);
}
