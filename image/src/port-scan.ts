// Scans the guest from the host with nmap (TCP: every port; UDP: the ports services commonly
// answer on, plus AusweisApp's remote-reader port). With the wall in place every probe is
// dropped: no port answers, neither open nor closed (a "closed" answer would mean the packet
// reached the guest's stack).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ScanResult {
  protocol: 'tcp' | 'udp';
  scanned: number;
  /** Ports that answered at all: open, or closed with a RST / ICMP port unreachable. */
  reachable: { port: number; state: string }[];
  seconds: number;
}

const udpPorts = '53,67,68,69,123,137,138,161,500,514,546,547,631,1900,3702,5353,5355,24727';

export async function scanGuest(address: string, protocol: 'tcp' | 'udp'): Promise<ScanResult> {
  const started = performance.now();
  const args =
    protocol === 'tcp'
      ? ['-sS', '-p-', '--min-rate', '3000']
      : ['-sU', '-p', udpPorts, '--min-rate', '200'];
  const { stdout } = await run(
    'nmap',
    ['-Pn', '-n', '--max-retries', '1', ...args, '-oX', '-', address],
    { maxBuffer: 32 * 1024 * 1024 },
  );
  return {
    protocol,
    ...parseNmapXml(stdout),
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

/** Ports listed with a state other than filtered / open|filtered, and how many were scanned. */
export function parseNmapXml(xml: string): Omit<ScanResult, 'protocol' | 'seconds'> {
  const reachable: { port: number; state: string }[] = [];
  for (const m of xml.matchAll(/<port protocol="\w+" portid="(\d+)"><state state="([^"]+)"/g)) {
    const state = m[2] as string;
    if (state !== 'filtered' && state !== 'open|filtered')
      reachable.push({ port: Number(m[1]), state });
  }
  // Ports not listed individually are summarised in <extraports state="…" count="n">.
  for (const m of xml.matchAll(/<extraports state="([^"]+)" count="(\d+)"/g)) {
    const state = m[1] as string;
    if (state !== 'filtered' && state !== 'open|filtered')
      reachable.push({ port: -1, state: `${m[2]} ${state}` });
  }
  const scanned = Number(/<scaninfo [^>]*numservices="(\d+)"/.exec(xml)?.[1] ?? 0);
  return { scanned, reachable };
}
