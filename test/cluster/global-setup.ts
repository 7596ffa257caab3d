import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterCommand as cluster, clusterIsUp } from '../../scripts/replicas.js';

// The 3-node cluster (npm run cluster:up), reused when it already runs; keys and usage files in throwaway folders.

export default function setup() {
  const wasUp = clusterIsUp();
  if (!wasUp) process.stdout.write(cluster('up'));
  const keyDir = mkdtempSync(join(tmpdir(), 'sanxiang-cluster-keys-'));
  const usageDir = mkdtempSync(join(tmpdir(), 'sanxiang-cluster-usage-'));
  process.env.SANXIANG_KEY_DIR = keyDir;
  process.env.FIELD_USAGE_DIR = usageDir;
  process.env.SANXIANG_TEST_PREFIX = `sxc_${Date.now().toString(36)}_${process.pid}`;
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  return () => {
    rmSync(keyDir, { recursive: true, force: true });
    rmSync(usageDir, { recursive: true, force: true });
    // Started here: remove it. Reused: bring back the node the suite killed, as it was found.
    process.stdout.write(cluster(wasUp ? 'up' : 'down'));
  };
}
