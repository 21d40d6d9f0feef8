import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Kiosk settings (ausweisapp-sdk.md section 8): no update checks, no GUI reminders, no
 * developer options, and no auth history, which AusweisApp 1.26 writes even in SDK mode.
 */
export const kioskSettings = `[General]
autoUpdateCheck=false
transportPinReminder=false
remindToClose=false
autoCloseWindow=false
uiStartupModule=DEFAULT
developerOptions=false

[history]
enable=false
`;

/**
 * Linux builds have an empty vendor, so Qt files settings under "Unknown Organization".
 * 1.26 reads AusweisApp2.conf, 2.x AusweisApp.conf; both are written so either finds its file.
 */
export async function writeKioskSettings(configHome: string): Promise<void> {
  const dir = join(configHome, 'Unknown Organization');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const file of ['AusweisApp2.conf', 'AusweisApp.conf']) {
    await writeFile(join(dir, file), kioskSettings, { mode: 0o600 });
  }
}
