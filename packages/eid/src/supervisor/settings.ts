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
 * A test PKI's self-made authorization certificates fail AusweisApp's pre-verification against
 * the BSI roots (eid-server.md); a test or demo setup may switch it off. Production never does.
 */
const testPkiSettings = `
[preverification]
enabled=false
`;

export interface SettingsOptions {
  /** Accept authorization certificates outside the BSI PKI (test and demo eID-Servers only). */
  acceptTestPki?: boolean;
}

/**
 * Linux builds have an empty vendor, so Qt files settings under "Unknown Organization".
 * 1.26 reads AusweisApp2.conf, 2.x AusweisApp.conf; both are written so either finds its file.
 */
export async function writeKioskSettings(
  configHome: string,
  options: SettingsOptions = {},
): Promise<void> {
  const dir = join(configHome, 'Unknown Organization');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const settings = options.acceptTestPki === true ? kioskSettings + testPkiSettings : kioskSettings;
  for (const file of ['AusweisApp2.conf', 'AusweisApp.conf']) {
    await writeFile(join(dir, file), settings, { mode: 0o600 });
  }
}
