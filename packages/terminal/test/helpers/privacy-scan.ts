import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What the AusweisApp Simulator's card says about its holder, as it may be written: names,
 * street, the date of birth in the forms the eID-Server and the pages use. (The post code alone
 * is left out: five digits turn up inside the timestamps of a browser profile.)
 */
export const simulatorCitizen = [
  'ERIKA',
  'MUSTERMANN',
  'HEIDESTRA',
  '1964-08-12',
  '19640812',
  '12.08.1964',
];

export interface PrivacyScan {
  /** Directories searched file by file, recursively (missing ones are skipped). */
  directories: string[];
  /** Log texts searched as they are. */
  logs: string[];
  values: string[];
}

function pdfText(file: string): Buffer {
  try {
    return execFileSync('pdftotext', [file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  } catch {
    return Buffer.alloc(0);
  }
}

/** Every file below `dir`; sockets, FIFOs and vanished entries are left out. */
async function filesBelow(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * Where any of `values` occurs: "<file or log n>: <value>", case-insensitive, in UTF-8 and in
 * UTF-16 (Chromium's storage writes both).
 */
export async function personalDataFound(scan: PrivacyScan): Promise<string[]> {
  const needles = scan.values.flatMap((value) =>
    [value.toUpperCase(), value.toLowerCase(), value].flatMap((variant) => [
      { value, bytes: Buffer.from(variant, 'utf8') },
      { value, bytes: Buffer.from(variant, 'utf16le') },
    ]),
  );
  const found = new Set<string>();
  for (const dir of scan.directories) {
    for (const file of await filesBelow(dir)) {
      const size = await stat(file).then(
        (s) => s.size,
        () => 0,
      );
      if (size === 0 || size > 64 * 1024 * 1024) continue;
      const raw = await readFile(file).catch(() => Buffer.alloc(0));
      // A PDF keeps its text in compressed streams: search what a reader would show.
      const content = raw.subarray(0, 5).toString('latin1') === '%PDF-' ? pdfText(file) : raw;
      for (const { value, bytes } of needles)
        if (content.includes(bytes)) found.add(`${file}: ${value}`);
    }
  }
  scan.logs.forEach((log, index) => {
    const upper = log.toUpperCase();
    for (const value of scan.values)
      if (upper.includes(value.toUpperCase())) found.add(`log ${index}: ${value}`);
  });
  return [...found];
}

/** The directories a terminal daemon of this process writes besides its own: AusweisApp's, the browser's, the session's. */
export async function terminalScratchDirs(): Promise<string[]> {
  const owned = [
    { base: tmpdir(), prefix: `sidbox-ausweisapp-${process.pid}-` },
    {
      base: existsSync('/dev/shm') ? '/dev/shm' : tmpdir(),
      prefix: `sidbox-browser-${process.pid}-`,
    },
    { base: tmpdir(), prefix: 'sidbox-session-' },
  ];
  const dirs: string[] = [];
  for (const { base, prefix } of owned) {
    for (const name of await readdir(base))
      if (name.startsWith(prefix)) dirs.push(join(base, name));
  }
  return dirs;
}
