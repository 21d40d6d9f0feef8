/** Facts about the machine, gathered by probe.ts; the verdict is a pure function of them. */
export interface MachineFacts {
  nodeVersion: string;
  ausweisApp: { path: string; version: string | null } | null;
  pcscd: { installed: boolean; running: boolean };
  chromium: { path: string; version: string | null } | null;
  debian: boolean;
}

export type CheckStatus = 'ok' | 'missing' | 'warning';

export interface Check {
  component: string;
  status: CheckStatus;
  required: boolean;
  detail: string;
  /** The exact command that fixes it, when something is wrong. */
  fix?: string;
}

export interface DoctorReport {
  ok: boolean;
  checks: Check[];
}

const minimumNode = [20, 19] as const;

function nodeIsRecentEnough(version: string): boolean {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  return major > minimumNode[0] || (major === minimumNode[0] && minor >= minimumNode[1]);
}

function apt(pkg: string, debian: boolean): string {
  return debian ? `apt-get install -y ${pkg}` : `install the "${pkg}" package of your distribution`;
}

export function evaluate(facts: MachineFacts): DoctorReport {
  const checks: Check[] = [
    nodeIsRecentEnough(facts.nodeVersion)
      ? { component: 'Node.js', status: 'ok', required: true, detail: facts.nodeVersion }
      : {
          component: 'Node.js',
          status: 'missing',
          required: true,
          detail: `${facts.nodeVersion} is older than ${minimumNode.join('.')}`,
          fix: 'install Node.js 20.19 or newer',
        },
    facts.ausweisApp
      ? {
          component: 'AusweisApp',
          status: 'ok',
          required: true,
          detail: `${facts.ausweisApp.version ?? 'unknown version'} (${facts.ausweisApp.path})`,
        }
      : {
          component: 'AusweisApp',
          status: 'missing',
          required: true,
          detail: 'neither AusweisApp2 nor AusweisApp found on PATH',
          fix: apt('ausweisapp2', facts.debian),
        },
    !facts.pcscd.installed
      ? {
          component: 'pcscd',
          status: 'missing',
          required: true,
          detail: 'PC/SC daemon not installed: no card reader can be used',
          fix: apt('pcscd', facts.debian),
        }
      : facts.pcscd.running
        ? { component: 'pcscd', status: 'ok', required: true, detail: 'running' }
        : {
            component: 'pcscd',
            status: 'warning',
            required: true,
            detail: 'installed but not running: physical card readers are not visible',
            fix: 'systemctl enable --now pcscd.socket  (without systemd: pcscd)',
          },
    facts.chromium
      ? {
          component: 'Chromium',
          status: 'ok',
          required: true,
          detail: `${facts.chromium.version ?? 'unknown version'} (${facts.chromium.path})`,
        }
      : {
          component: 'Chromium',
          status: 'missing',
          required: true,
          detail: 'chromium not found on PATH',
          fix: apt('chromium', facts.debian),
        },
  ];
  return { ok: checks.every((check) => !check.required || check.status !== 'missing'), checks };
}
