import { spawn } from 'node:child_process';

export interface CommandOutput {
  /** The exit code; -1 when the program could not be started at all (e.g. not installed). */
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a CLI to completion. The C locale keeps messages parseable (CUPS and SANE translate
 * theirs); a missing binary is an exit code, not an exception, so callers map it to a typed error.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CommandOutput> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: stderr + error.message }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
