import { loadMacKeyRing, macKeysPath, rotateMacKey } from '../kernel/records/keys.js';
import { loadConfigOrExit } from '../kernel/config.js';

// npm run record-keys [-- rotate]: show the record-log MAC key ring (ids only), or add a new active key.
// Rotation: new entries carry the new key id; old keys stay in the ring so old entries still verify.
// Restart the cases subgraph after rotating (it reads the ring at start).
const config = loadConfigOrExit();
const cmd = process.argv[2] ?? 'show';
try {
  if (cmd === 'rotate') {
    const id = rotateMacKey(config.keyDir);
    console.log(`新密钥 (new active key): ${id} in ${macKeysPath(config.keyDir)} — 重启 cases 子图后生效 (restart the cases subgraph)`);
  } else if (cmd === 'show') {
    const ring = loadMacKeyRing(config.keyDir);
    console.log(`密钥环 (key ring): ${process.env.RECORD_MAC_KEYS ? 'RECORD_MAC_KEYS' : macKeysPath(config.keyDir)}`);
    console.log(`  当前 (active): ${ring.activeId}`);
    console.log(`  全部 (all, for verification): ${[...ring.keys.keys()].join(', ')}`);
  } else {
    console.error('用法 (usage): npm run record-keys -- [show|rotate]');
    process.exit(2);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
