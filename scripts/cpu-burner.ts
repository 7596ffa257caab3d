// Keeps every core busy (issue 23): `npm run test:loaded` and `.ci/run` run the suite beside it to prove that no
// test depends on how fast the machine is. One busy-looping worker thread per core (or `--threads N`), until
// killed or `--seconds S` have passed. Not niced: it competes with the suite as other builds on a shared machine do.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
}

const threads = arg('threads') ?? availableParallelism();
const seconds = arg('seconds');
// A busy loop that never yields; the main thread only waits for a signal.
const BURN = 'let x = 0; for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }';
const workers = Array.from({ length: threads }, () => new Worker(BURN, { eval: true }));
console.error(`cpu-burner: ${threads} busy thread(s), pid ${process.pid}${seconds ? `, for ${seconds} s` : ''}`);

const stop = () => {
  for (const w of workers) void w.terminate();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (seconds) setTimeout(stop, seconds * 1000);
