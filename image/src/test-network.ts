// A private network between host and guest for the port scan: a tap device with an address on
// the host side and dnsmasq handing the guest a DHCP lease, as a LAN would. QEMU's user
// networking would hide the guest behind NAT, where no scan from outside could reach it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TestNetwork {
  tap: string;
  hostAddress: string;
  /** Resolves with the guest's address once dnsmasq acknowledged its lease. */
  guestAddress: Promise<string>;
  close(): Promise<void>;
}

export function createTestNetwork(tap = 'sidbox-tap0', subnet = '10.76.0'): TestNetwork {
  removeLink(tap);
  const hostAddress = `${subnet}.1`;
  execFileSync('ip', ['tuntap', 'add', 'dev', tap, 'mode', 'tap']);
  execFileSync('ip', ['addr', 'add', `${hostAddress}/24`, 'dev', tap]);
  execFileSync('ip', ['link', 'set', tap, 'up']);
  const dnsmasq: ChildProcess = spawn(
    'dnsmasq',
    [
      '--keep-in-foreground',
      '--no-resolv',
      '--no-hosts',
      '--port=0',
      `--interface=${tap}`,
      '--bind-interfaces',
      `--dhcp-range=${subnet}.10,${subnet}.50,1h`,
      '--dhcp-leasefile=/dev/null',
      '--log-dhcp',
      '--log-facility=-',
      '--pid-file',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const guestAddress = new Promise<string>((resolve) => {
    for (const stream of [dnsmasq.stdout, dnsmasq.stderr]) {
      createInterface({ input: stream as NodeJS.ReadableStream }).on('line', (line) => {
        const ack = /DHCPACK\([^)]*\) (\d+\.\d+\.\d+\.\d+)/.exec(line);
        if (ack?.[1]) resolve(ack[1]);
      });
    }
  });
  return {
    tap,
    hostAddress,
    guestAddress,
    async close() {
      dnsmasq.kill('SIGTERM');
      removeLink(tap);
    },
  };
}

/** A tap left by an interrupted run is removed first; a missing one is fine. */
function removeLink(tap: string): void {
  try {
    execFileSync('ip', ['link', 'del', tap], { stdio: 'ignore' });
  } catch {
    // Not there.
  }
}
