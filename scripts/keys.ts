import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfigOrExit } from '../kernel/config.js';
import { exportKeys, importKeys, type KeyBundle } from '../kernel/key-bundle.js';

// npm run keys -- export [FILE]          the key directory as one bundle (stdout, or FILE with mode 0600)
// npm run keys -- import FILE [--force]  write a bundle into this machine's key directory (SANXIANG_KEY_DIR)
// Move the bundle like a password (scp, a sealed medium); delete it afterwards. See docs/deployment.md.
const config = loadConfigOrExit();
const [cmd, file, ...rest] = process.argv.slice(2);
try {
  if (cmd === 'export') {
    const text = `${JSON.stringify(exportKeys(config.keyDir))}\n`;
    if (file) writeFileSync(file, text, { mode: 0o600 });
    else process.stdout.write(text);
    if (file) console.error(`已导出 (exported) ${config.keyDir} → ${file}`);
  } else if (cmd === 'import' && file) {
    const bundle = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8')) as KeyBundle;
    const r = importKeys(config.keyDir, bundle, rest.includes('--force'));
    console.error(`已导入 (imported) → ${config.keyDir}: ${r.written.length} 个写入, ${r.same.length} 个相同`);
  } else {
    console.error('用法 (usage): npm run keys -- export [FILE] | import FILE [--force]');
    process.exit(2);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
