// `npm test`: installs what the suite needs, builds, lints, makes PostgreSQL ready, then runs
// vitest against both hub databases. Extra arguments go to vitest (`npm test -- packages/eid`).
import { execFileSync, spawnSync } from 'node:child_process';
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

step(process.execPath, ['scripts/ensure.mjs', 'test']);
step('npm', ['run', 'build', '--silent']);
step('npm', ['run', 'lint', '--silent']);
const databaseUrl = execFileSync(process.execPath, ['scripts/ensure-postgres.mjs'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();

const vitest = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SIDBOX_TEST_DATABASE_URL: databaseUrl },
});
process.exit(vitest.status ?? 1);
