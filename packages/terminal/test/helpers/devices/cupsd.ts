import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { whenPathAppears } from '../../../src/devices/watch-path.js';
import { startInNamespace, type TestDaemon } from './daemon-process.js';
import { logLine } from './log-line.js';

export interface TestCups {
  daemon: TestDaemon;
  /** CUPS_SERVER: a UNIX socket of this test's own cupsd (root is authorised over it). */
  server: string;
  /** RequestRoot: where job files (d*) are spooled. */
  spoolDir: string;
  /** Where cups-pdf's post-processing moves each finished PDF (a rename: complete files only). */
  printedDir: string;
  /** cupsd's error_log (LogLevel warn): backend messages and exit codes per job. */
  errorLog: string;
}

/**
 * FAKE printer fault: the stand-in for a printer whose backend (usb, ipp) reports a fault, as
 * real backends relay a printer's state: "STATE: +<reason>" on stderr, then their exit code
 * (4, CUPS_BACKEND_STOP, makes cupsd stop the queue), or "hold" to keep the job printing
 * (as a backend retrying an offline printer does; cupsd drops "offline-report" when it exits).
 * Both come from the device URI: fault:/<reason>/<exit code|hold>, e.g.
 * fault:/media-empty-error/4. Scheduler, queue state and lpstat are the real CUPS.
 */
const faultBackend = `#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct fault "Unknown" "SIDbox test printer fault"'; exit 0; fi
reason=\${DEVICE_URI#fault:/}
echo "STATE: +\${reason%/*}" >&2
echo "ERROR: printer reports \${reason%/*}" >&2
[ "\${reason#*/}" = hold ] && exec sleep 3600
exit \${reason#*/}
`;

/** cupsd's programs, with the fault backend added to the real backends. */
async function serverBin(dir: string): Promise<string> {
  const bin = join(dir, 'serverbin');
  await mkdir(join(bin, 'backend'), { recursive: true });
  for (const sub of await readdir('/usr/lib/cups'))
    if (sub !== 'backend') await symlink(join('/usr/lib/cups', sub), join(bin, sub));
  for (const backend of await readdir('/usr/lib/cups/backend'))
    await symlink(join('/usr/lib/cups/backend', backend), join(bin, 'backend', backend));
  await writeFile(join(bin, 'backend', 'fault'), faultBackend, { mode: 0o755 });
  return bin;
}

const CUPS_PDF_PPD = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';

/** A private cupsd in the foreground with one cups-pdf queue, `queue`. */
export async function startCups(dir: string, queue: string): Promise<TestCups> {
  const etc = join(dir, 'etc');
  const spoolDir = join(dir, 'spool');
  const outDir = join(dir, 'out');
  const printedDir = join(dir, 'printed');
  for (const sub of [
    etc,
    join(spoolDir, 'tmp'),
    join(dir, 'cache'),
    join(dir, 'state'),
    join(dir, 'log'),
    outDir,
    printedDir,
  ])
    await mkdir(sub, { recursive: true });
  // Filters run as user lp and must reach the PPD and job files below a mkdtemp (0700) dir.
  await chmod(dir, 0o755);
  // cupsd insists on these owners and modes for its spool.
  await chown(spoolDir, 0, lpGid());
  await chmod(spoolDir, 0o710);
  await chmod(join(spoolDir, 'tmp'), 0o1777);
  const server = join(dir, 'cups.sock');
  await writeFile(
    join(etc, 'cupsd.conf'),
    [
      `Listen ${server}`,
      'Browsing Off',
      'LogLevel warn',
      'PreserveJobFiles No',
      'PreserveJobHistory No',
      // Only local clients reach the socket; root's admin requests are authorised by peer cred.
      '<Location />\n  Order allow,deny\n  Allow localhost\n</Location>',
      '<Location /admin>\n  Order allow,deny\n  Allow localhost\n</Location>',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(etc, 'cups-files.conf'),
    [
      `ServerRoot ${etc}`,
      `ServerBin ${await serverBin(dir)}`,
      `RequestRoot ${spoolDir}`,
      `TempDir ${join(spoolDir, 'tmp')}`,
      `CacheDir ${join(dir, 'cache')}`,
      `StateDir ${join(dir, 'state')}`,
      `ErrorLog ${join(dir, 'log', 'error_log')}`,
      `AccessLog ${join(dir, 'log', 'access_log')}`,
      `PageLog ${join(dir, 'log', 'page_log')}`,
      // A printcap of its own: Debian's CUPS 2.4.2-3+deb12u11 refuses an empty value.
      `Printcap ${join(dir, 'printcap')}`,
      '',
    ].join('\n'),
  );
  const postProcess = join(etc, 'printed.sh');
  await writeFile(postProcess, `#!/bin/sh\nmv "$1" '${printedDir}/'\n`, { mode: 0o755 });
  // cups-pdf reads its config from the compiled-in /etc/cups; the namespace bind makes it ours.
  await writeFile(
    join(etc, 'cups-pdf.conf'),
    `Out ${outDir}\nAnonDirName ${outDir}\nPostProcessing ${postProcess}\n`,
  );
  const daemon = startInNamespace(
    [[etc, '/etc/cups']],
    ['cupsd', '-f', '-c', join(etc, 'cupsd.conf'), '-s', join(etc, 'cups-files.conf')],
  );
  try {
    await whenListening(server, daemon);
    execFileSync('lpadmin', ['-p', queue, '-E', '-v', 'cups-pdf:/', '-P', CUPS_PDF_PPD], {
      env: { ...process.env, CUPS_SERVER: server },
      stdio: 'pipe',
    });
  } catch (error) {
    await daemon.stop(); // no cupsd may outlive a failed setup
    throw error;
  }
  return { daemon, server, spoolDir, printedDir, errorLog: join(dir, 'log', 'error_log') };
}

function lpGid(): number {
  return Number(execFileSync('getent', ['group', 'lp'], { encoding: 'utf8' }).split(':')[2]);
}

/** cupsd -f prints nothing when ready; its socket appearing is the signal. */
async function whenListening(socket: string, daemon: TestDaemon): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const stop = whenPathAppears(socket, resolve);
    daemon.process.once('close', () => {
      stop();
      reject(new Error('cupsd exited before listening'));
    });
  });
}

/**
 * Points `queue` at the FAKE fault backend and prints `pdf` once (an earlier citizen's job),
 * so that the "printer" reports `reason` to the real cupsd: exit code 4 stops the queue, 0
 * leaves it taking jobs, 'hold' keeps the job processing. Resolves once cupsd has handled it,
 * so the queue state is settled; returns the job id.
 */
export async function reportingFault(
  cups: TestCups,
  queue: string,
  fault: { reason: string; exitCode: 0 | 4 | 'hold'; pdf: string },
): Promise<string> {
  const env = { ...process.env, CUPS_SERVER: cups.server, LC_ALL: 'C' };
  const { reason, exitCode } = fault;
  execFileSync(
    'lpadmin',
    ['-p', queue, '-E', '-v', `fault:/${reason}/${exitCode}`, '-P', CUPS_PDF_PPD],
    { env, stdio: 'pipe' },
  );
  const out = execFileSync('lp', ['-d', queue, fault.pdf], { encoding: 'utf8', env });
  const job = /request id is \S+-(\d+)/.exec(out)?.[1];
  const settled = exitCode === 4 ? 'Backend returned status 4' : `printer reports ${reason}`;
  await logLine(cups.errorLog, `[Job ${job}] ${settled}`);
  return `${queue}-${job}`;
}
