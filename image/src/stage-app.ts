// Copies the built SIDbox (dist of the workspace packages, the kiosk UI and the production npm
// dependencies of the CLI) into a directory laid out like the checkout, so that relative paths
// (the terminal finds the kiosk UI at ../../kiosk-ui/dist) hold on the stick as well.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Workspace packages the `sidbox terminal` command loads (the CLI imports the hub's commands). */
const workspacePackages = ['protocol', 'eid', 'signing', 'terminal', 'hub', 'cli', 'kiosk-ui'];

export async function stageApp(repoRoot: string, target: string): Promise<void> {
  for (const name of workspacePackages) {
    const source = join(repoRoot, 'packages', name);
    if (!existsSync(join(source, 'dist'))) {
      throw new Error(`packages/${name}/dist is missing: run npm run build first`);
    }
    await mkdir(join(target, 'packages', name), { recursive: true });
    await cp(join(source, 'package.json'), join(target, 'packages', name, 'package.json'));
    await cp(join(source, 'dist'), join(target, 'packages', name, 'dist'), { recursive: true });
    await mkdir(join(target, 'node_modules', '@sidbox'), { recursive: true });
    await symlink(`../../packages/${name}`, join(target, 'node_modules', '@sidbox', name));
  }
  for (const dir of productionDependencyDirs(repoRoot)) {
    await cp(dir, join(target, relative(repoRoot, dir)), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  await writeFile(
    join(target, 'package.json'),
    `${JSON.stringify({ name: 'sidbox-stick', private: true, type: 'module' }, null, 2)}\n`,
  );
}

/** node_modules directories npm resolves for the CLI without dev dependencies, nested ones too. */
function productionDependencyDirs(repoRoot: string): string[] {
  const out = execFileSync(
    'npm',
    ['ls', '--omit=dev', '--all', '--parseable', '--workspace', '@sidbox/cli'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  const dirs = out
    .split('\n')
    .filter((line) => line.includes('/node_modules/') && !line.includes('/node_modules/@sidbox/'));
  // A nested copy lies inside its parent's directory, which is copied whole.
  return [...new Set(dirs)].filter(
    (dir) => !dirs.some((other) => other !== dir && dir.startsWith(`${other}/`)),
  );
}
