import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { findAusweisApp } from '@sidbox/eid';
import type { MachineFacts } from './report.js';

const run = promisify(execFile);

async function firstLine(
  command: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<string | null> {
  try {
    const { stdout } = await run(command, args, {
      timeout: 10_000,
      env: { ...process.env, ...env },
    });
    return (
      stdout
        .split('\n')
        .find((line) => line.trim() !== '')
        ?.trim() ?? null
    );
  } catch {
    return null;
  }
}

async function which(command: string): Promise<string | null> {
  return firstLine('sh', ['-c', `command -v ${command}`]);
}

async function pcscdRunning(): Promise<boolean> {
  if (existsSync('/run/pcscd/pcscd.comm')) return true;
  return (await firstLine('pidof', ['pcscd'])) !== null;
}

export async function probeMachine(): Promise<MachineFacts> {
  const [ausweisApp, chromiumPath, pcscdPath, running] = await Promise.all([
    findAusweisApp(),
    which('chromium'),
    firstLine('sh', ['-c', 'command -v pcscd || ls /usr/sbin/pcscd']),
    pcscdRunning(),
  ]);
  return {
    nodeVersion: process.version,
    ausweisApp: ausweisApp ? { path: ausweisApp.path, version: ausweisApp.version } : null,
    pcscd: { installed: pcscdPath !== null, running },
    chromium: chromiumPath
      ? { path: chromiumPath, version: await firstLine(chromiumPath, ['--version']) }
      : null,
    debian: existsSync('/etc/debian_version'),
  };
}
