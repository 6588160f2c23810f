/**
 * Time to the first frame of the home screen, in a real pseudo-terminal
 * (util-linux `script`), beside `node -e 0` measured the same way.
 * Target: first frame within 3x of `node -e 0`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(import.meta.dirname, '../dist/iamprep.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** Milliseconds from spawn until `marker` appears on the terminal (or the process exits when no marker). */
function timeTo(command: string, marker: string | undefined, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, ...env, COLUMNS: '80', LINES: '24' }, stdio: ['pipe', 'pipe', 'ignore'] });
    let seen = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolvePromise(Number(process.hrtime.bigint() - start) / 1e6);
      child.kill('SIGKILL');
    };
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (marker && seen.includes(marker)) finish();
    });
    child.on('exit', () => (marker ? !done && reject(new Error(`exited before showing "${marker}": ${seen.slice(0, 500)}`)) : finish()));
    setTimeout(() => !done && reject(new Error('timed out')), 20_000);
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function benchStartup() {
  const config = mkdtempSync(join(tmpdir(), 'iamprep-bench-'));
  const env = { XDG_CONFIG_HOME: config, CI: '0', CONTINUOUS_INTEGRATION: '0', TERM: 'xterm-256color' };
  const baseline: number[] = [];
  const firstFrame: number[] = [];
  // Warm the file cache once for both.
  await timeTo('node -e 0', undefined, env);
  await timeTo(`node ${CLI}`, 'Beginner quiz', env);
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await timeTo('node -e 0', undefined, env));
    firstFrame.push(await timeTo(`node ${CLI}`, 'Beginner quiz', env));
  }
  const node = median(baseline);
  const app = median(firstFrame);
  return { runs: RUNS, nodeMs: round(node), firstFrameMs: round(app), ratio: round(app / node), target: 3 };
}

const round = (n: number) => Math.round(n * 100) / 100;

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchStartup();
  console.log('Start-up: time to the first frame of the home screen (median of %d runs, in a pty)', r.runs);
  console.log(`  node -e 0          ${r.nodeMs.toFixed(1)} ms`);
  console.log(`  iamprep home       ${r.firstFrameMs.toFixed(1)} ms`);
  console.log(`  ratio              ${r.ratio.toFixed(2)}x   (target <= ${r.target}x) ${r.ratio <= r.target ? 'met' : 'NOT met'}`);
  console.log(JSON.stringify({ startup: r }));
}
