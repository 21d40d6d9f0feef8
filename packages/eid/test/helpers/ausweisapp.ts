import { silentLogger } from '@sidbox/runtime';
import {
  AusweisAppSupervisor,
  type SupervisorEvents,
  type SupervisorOptions,
} from '../../src/supervisor/supervisor.js';

const running = new Set<AusweisAppSupervisor>();

/** A supervisor for the real AusweisApp (port 0, private dir); `stopAllAusweisApps` ends it. */
export function ausweisAppSupervisor(options: SupervisorOptions = {}): AusweisAppSupervisor {
  const supervisor = new AusweisAppSupervisor({ logger: silentLogger(), ...options });
  running.add(supervisor);
  return supervisor;
}

/** For afterEach: no AusweisApp a test started outlives it. */
export async function stopAllAusweisApps(): Promise<void> {
  await Promise.all([...running].map((supervisor) => supervisor.stop()));
  running.clear();
}

export function nextEvent<K extends keyof SupervisorEvents>(
  supervisor: AusweisAppSupervisor,
  event: K,
): Promise<SupervisorEvents[K]> {
  return new Promise((resolve) => {
    const off = supervisor.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}
