// A QEMU machine for the image test and bench: the stick as a read-only USB disk (the
// write-protect switch), the serial console on stdout, QMP on a Unix socket for screendumps
// and resets. No SSH, no agent: what we learn from inside comes over the serial line.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, readFile, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { createInterface } from 'node:readline';

export interface MachineOptions {
  stick: string;
  /** BIOS (SeaBIOS → isolinux) or UEFI (OVMF → GRUB). */
  firmware: 'bios' | 'uefi';
  workDir: string;
  /** A tap device to plug the NIC into; none: no network at all. */
  tap?: string;
  /** Extra disk standing for the PC's own disk, which the stick must never mount. */
  hostDisk?: string;
  memoryMiB?: number;
  /** `kvm` only where KVM can run the guest (nested KVM here fails with emulation errors). */
  accel?: 'tcg' | 'kvm';
  /** Also append the serial console to this file (for reading along while it boots). */
  serialLog?: string;
}

export class Machine extends EventEmitter {
  readonly serial: string[] = [];
  readonly startedAt = performance.now();
  #qemu: ChildProcess;
  #qmp: Socket | undefined;
  #qmpBuffer = '';
  #pending: ((reply: Record<string, unknown>) => void)[] = [];
  #exited: Promise<number | null>;
  #qmpPath: string;

  private constructor(qemu: ChildProcess, qmpPath: string) {
    super();
    this.#qemu = qemu;
    this.#qmpPath = qmpPath;
    this.#exited = new Promise((resolve) => qemu.on('exit', (code) => resolve(code)));
    const lines = createInterface({ input: qemu.stdout as NodeJS.ReadableStream });
    lines.on('line', (raw) => {
      // eslint-disable-next-line no-control-regex
      const line = raw.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
      this.serial.push(line);
      this.emit('line', line);
    });
  }

  static async start(options: MachineOptions): Promise<Machine> {
    const qmpPath = `${options.workDir}/qmp.sock`;
    await rm(qmpPath, { force: true });
    const args = [
      ...(options.accel === 'kvm'
        ? ['-enable-kvm', '-cpu', 'host']
        : ['-accel', 'tcg,thread=multi', '-cpu', 'max']),
      '-machine',
      options.firmware === 'uefi' ? 'q35' : 'pc',
      '-smp',
      '2',
      '-m',
      String(options.memoryMiB ?? 3072),
      '-vga',
      'std',
      '-display',
      'none',
      '-serial',
      'stdio',
      '-monitor',
      'none',
      '-qmp',
      `unix:${qmpPath},server=on,wait=off`,
      '-device',
      'qemu-xhci,id=xhci',
      '-drive',
      `if=none,id=stick,file=${options.stick},format=raw,readonly=on`,
      '-device',
      // The stick is the only boot device (no PXE ROM on the NIC, the PC disk not bootable).
      'usb-storage,bus=xhci.0,drive=stick,removable=on,bootindex=0',
      ...(options.tap
        ? [
            '-netdev',
            `tap,id=net0,ifname=${options.tap},script=no,downscript=no`,
            '-device',
            'virtio-net-pci,netdev=net0,romfile=',
          ]
        : ['-nic', 'none']),
      ...(options.hostDisk ? ['-drive', `if=virtio,file=${options.hostDisk},format=raw`] : []),
      ...(options.firmware === 'uefi' ? await uefiFlash(options.workDir) : []),
    ];
    const qemu = spawn('qemu-system-x86_64', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const machine = new Machine(qemu, qmpPath);
    if (options.serialLog) {
      const file = createWriteStream(options.serialLog, { flags: 'a' });
      machine.on('line', (line: string) => file.write(`${line}\n`));
      qemu.on('exit', () => file.end());
    }
    await machine.#connectQmp();
    return machine;
  }

  /** Resolves with the first serial line matching `pattern` (already seen lines count too). */
  waitForLine(
    pattern: RegExp,
    timeoutMs: number,
    from = 0,
  ): Promise<{ line: string; index: number }> {
    const seen = this.serial.findIndex((line, i) => i >= from && pattern.test(line));
    if (seen >= 0) return Promise.resolve({ line: this.serial[seen] as string, index: seen });
    return new Promise((resolve, reject) => {
      const onLine = (line: string) => {
        if (!pattern.test(line)) return;
        cleanup();
        resolve({ line, index: this.serial.length - 1 });
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`QEMU exited while waiting for ${pattern}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${pattern} on the serial console within ${timeoutMs / 1000} s`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off('line', onLine);
        this.#qemu.off('exit', onExit);
      };
      this.on('line', onLine);
      this.#qemu.once('exit', onExit);
    });
  }

  async screendump(file: string): Promise<Buffer> {
    await this.qmp('screendump', { filename: file });
    return readFile(file);
  }

  /** A hard reset, as a power cycle: the RAM overlay and everything in it are gone. */
  async reset(): Promise<void> {
    await this.qmp('system_reset');
  }

  async stop(): Promise<void> {
    if (this.#qemu.exitCode === null) {
      await this.qmp('quit').catch(() => undefined);
      const timer = setTimeout(() => this.#qemu.kill('SIGKILL'), 10_000);
      await this.#exited;
      clearTimeout(timer);
    }
    this.#qmp?.destroy();
  }

  qmp(command: string, args?: object): Promise<Record<string, unknown>> {
    const socket = this.#qmp;
    if (!socket) return Promise.reject(new Error('QMP not connected'));
    return new Promise((resolve, reject) => {
      this.#pending.push((reply) =>
        'error' in reply
          ? reject(new Error(`QMP ${command}: ${JSON.stringify(reply.error)}`))
          : resolve(reply),
      );
      socket.write(`${JSON.stringify({ execute: command, ...(args && { arguments: args }) })}\n`);
    });
  }

  async #connectQmp(): Promise<void> {
    // QEMU creates the socket while it starts; connecting succeeds once it is there.
    for (let attempt = 0; attempt < 100 && !existsSync(this.#qmpPath); attempt++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 100);
        this.#qemu.once('exit', () => {
          clearTimeout(timer);
          reject(new Error('QEMU exited at start'));
        });
      });
    }
    const socket = connect(this.#qmpPath);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    socket.on('data', (chunk) => {
      this.#qmpBuffer += chunk.toString('utf8');
      let newline;
      while ((newline = this.#qmpBuffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(this.#qmpBuffer.slice(0, newline)) as Record<string, unknown>;
        this.#qmpBuffer = this.#qmpBuffer.slice(newline + 1);
        if ('return' in message || 'error' in message) this.#pending.shift()?.(message);
      }
    });
    this.#qmp = socket;
    await this.qmp('qmp_capabilities');
  }
}

/** OVMF code (read-only) and a private copy of its variable store. */
async function uefiFlash(workDir: string): Promise<string[]> {
  const vars = `${workDir}/OVMF_VARS.fd`;
  await copyFile('/usr/share/OVMF/OVMF_VARS_4M.fd', vars);
  return [
    '-drive',
    'if=pflash,format=raw,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd',
    '-drive',
    `if=pflash,format=raw,file=${vars}`,
  ];
}
