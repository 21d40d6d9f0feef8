import { join } from 'node:path';

/**
 * Where `sidbox terminal` listens and `sidbox ctl` connects unless `--ctl-socket` says
 * otherwise: `$XDG_RUNTIME_DIR/sidbox/ctl.sock` (systemd user sessions), else
 * `/run/sidbox/ctl.sock` as root, else `/tmp/sidbox-<uid>/ctl.sock`.
 */
export function defaultCtlSocketPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'sidbox', 'ctl.sock');
  const uid = process.getuid?.() ?? 0;
  if (uid === 0) return '/run/sidbox/ctl.sock';
  return join('/tmp', `sidbox-${uid}`, 'ctl.sock');
}
