import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * Opens, grabs and reads one input device node in a tiny perl-base helper and hands the raw
 * bytes over a pipe.
 *
 * Why a helper: Node has no ioctl(), and EVIOCGRAB is an ioctl; the stick has no compiler and
 * we ship no native addon. perl-base is Essential in Debian, so it is always on the image.
 * A grab belongs to the open file, so the process that grabs must hold the fd that is read:
 * hence the helper also does the reading. That keeps Node event-driven too: a pipe is polled,
 * whereas a blocking read() on a character device would park a libuv threadpool thread forever.
 *
 * Protocol on stderr, one line each: "ready <grab>" once open (grab = "grabbed", "off" or the
 * errno of the failed EVIOCGRAB), "open-failed <errno>". Exit 3 = the device went away
 * (EOF or ENODEV), 2 = it could not be opened.
 */
const helper = String.raw`
use strict;
my ($path, $grab) = @ARGV;
open(my $fh, '<:raw', $path) or do { print STDERR "open-failed " . ($!+0) . "\n"; exit 2 };
my $state = 'off';
if ($grab eq '1') { $state = ioctl($fh, 0x40044590, 1) ? 'grabbed' : ($!+0) }
$| = 1; binmode STDOUT;
print STDERR "ready $state\n";
my $buf;
while (1) {
  my $n = sysread($fh, $buf, 24 * 64);
  last unless $n;
  syswrite(STDOUT, $buf, $n) or exit 4;
}
exit 3;
`;

/** EVIOCGRAB = _IOW('E', 0x90, int); errno values the helper may report. */
const ENOTTY = 25;
const EBUSY = 16;

export type GrabResult = 'grabbed' | 'off' | 'not-an-input-device' | 'grabbed-elsewhere' | 'failed';

export function grabResult(word: string): GrabResult {
  if (word === 'grabbed' || word === 'off') return word;
  const errno = Number(word);
  if (errno === ENOTTY) return 'not-an-input-device';
  if (errno === EBUSY) return 'grabbed-elsewhere';
  return 'failed';
}

export interface DeviceReaderEvents {
  ready: (grab: GrabResult) => void;
  data: (chunk: Buffer) => void;
  /** The device went away or could not be opened; `stop()` does not report this. */
  gone: (reason: 'unplugged' | 'open-failed') => void;
}

export class DeviceReader {
  #child: ChildProcess | undefined;
  #stopping = false;

  constructor(
    private readonly path: string,
    private readonly grab: boolean,
    private readonly on: DeviceReaderEvents,
  ) {}

  start(): void {
    const child = spawn('perl', ['-e', helper, this.path, this.grab ? '1' : '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.stdout.on('data', (chunk: Buffer) => this.on.data(chunk));
    createInterface({ input: child.stderr }).on('line', (line) => {
      const [word, arg = ''] = line.trim().split(' ');
      if (word === 'ready') this.on.ready(grabResult(arg));
    });
    // 'close' (not 'exit') so every byte already read reaches the parser first.
    child.on('close', (code) => {
      this.#child = undefined;
      if (!this.#stopping) this.on.gone(code === 3 ? 'unplugged' : 'open-failed');
    });
  }

  /** Ends the helper; closing its fd also releases the grab. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const child = this.#child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
