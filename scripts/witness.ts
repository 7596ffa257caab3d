import { loadApproverKey, startWitnessServer } from '../kernel/records/witness-server.js';

// npm run witness: the off-host append-only witness of every log's checkpoint heads (issue 25). Run it on another
// host, under other administrators, with its own storage: WITNESS_DIR (default ./witness-data), WITNESS_PORT
// (default 4090), WITNESS_HOST (default 127.0.0.1), WITNESS_APPROVER_PUBLIC_KEY_FILE (the key holder's Ed25519 public
// key; without it no re-anchoring is possible). Services and `npm run verify-records` find it by WITNESS_URL.
const w = await startWitnessServer({
  dir: process.env.WITNESS_DIR || 'witness-data',
  port: Number(process.env.WITNESS_PORT || 4090),
  host: process.env.WITNESS_HOST || '127.0.0.1',
  approverKey: loadApproverKey(process.env.WITNESS_APPROVER_PUBLIC_KEY_FILE),
});
console.log(`见证服务已启动 (witness listening): ${w.url}`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void w.close().then(() => process.exit(0)));
