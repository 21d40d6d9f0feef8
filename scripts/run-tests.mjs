// `npm test`: installs what the suite needs, builds, makes PostgreSQL ready, then runs vitest
// against both hub databases while the linters run beside it. Extra arguments go to vitest
// (`npm test -- packages/eid`).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Runs one preparation step; its own output says what failed, so no stack trace here. */
function step(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm test: "${[command, ...args].join(' ')}" failed`);
    process.exit(result.status ?? 1);
  }
}

/**
 * The linters, started in the background with their output held back: they need about a
 * minute and a half of one core, while the real suites mostly wait for AusweisApp and Chromium.
 */
function lintBeside() {
  const child = spawn('npm', ['run', 'lint', '--silent'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (text) => (output += text));
  }
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on('close', (code) => resolve({ code, output }));
  });
}

step(process.execPath, ['scripts/ensure.mjs', 'test']);
step('npm', ['run', 'build', '--silent']);
const databaseUrl = execFileSync(process.execPath, ['scripts/ensure-postgres.mjs'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();

const lint = lintBeside();
const vitest = await new Promise((resolve) => {
  const child = spawn('npx', ['vitest', 'run', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SIDBOX_TEST_DATABASE_URL: databaseUrl },
  });
  child.on('close', (code) => resolve(code ?? 1));
});
const linted = await lint;
if (linted.code !== 0) {
  process.stderr.write(linted.output);
  console.error('npm test: "npm run lint" failed');
}
process.exit(vitest !== 0 ? vitest : linted.code === 0 ? 0 : 1);
