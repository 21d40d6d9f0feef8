// The in-guest half of `npm run test:image`. It exists only in the test variant's extra squashfs
// layer (live/zz-sidbox-check.squashfs), never in the production image. It reads facts as root
// and writes them to the serial console, one `SIDBOX-CHECK {json}` line each; it reads nothing
// from outside (no network, no input), so it opens no way into the machine.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

const kioskUser = 'sidbox-kiosk';
const markerFiles = ['/etc/sidbox-check-marker', '/var/lib/sidbox-check-marker'];

function report(check, ok, detail) {
  process.stdout.write(`SIDBOX-CHECK ${JSON.stringify({ check, ok, detail })}\n`);
}

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

const passwd = read('/etc/passwd')
  .split('\n')
  .filter(Boolean)
  .map((line) => line.split(':'));
const kioskUid = passwd.find((f) => f[0] === kioskUser)?.[2];

function processes() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      const status = read(`/proc/${pid}/status`);
      return {
        pid,
        comm: read(`/proc/${pid}/comm`).trim(),
        uid: /^Uid:\s+(\d+)/m.exec(status)?.[1],
      };
    })
    .filter((p) => p.comm);
}

function userName(uid) {
  return passwd.find((f) => f[2] === uid)?.[0] ?? uid;
}

/** Waits for the daemon's own word that the attract screen is up: state idle. */
async function waitForAttract() {
  const { sendControlRequest } =
    await import('/opt/sidbox/node_modules/@sidbox/terminal/dist/index.js');
  const socket = `/run/user/${kioskUid}/sidbox/ctl.sock`;
  let last = 'no control socket yet';
  for (let attempt = 0; attempt < 1800; attempt++) {
    if (existsSync(socket)) {
      try {
        const reply = await sendControlRequest(socket, { cmd: 'status' });
        if (reply.ok && reply.data.state === 'idle') {
          const uptime = Number(read('/proc/uptime').split(' ')[0]);
          report('attract', true, { state: 'idle', url: reply.data.url, uptimeSeconds: uptime });
          return;
        }
        last = JSON.stringify(reply);
      } catch (error) {
        last = error.message;
      }
    }
    if (attempt % 120 === 119) diagnose();
    await delay(1000);
  }
  report('attract', false, { last });
}

/** When something does not come up, the journal of the units concerned says why. */
function diagnose(units = ['sidbox-readonly-root', 'sidbox-config', 'sidbox-kiosk']) {
  try {
    const journal = execFileSync(
      'journalctl',
      ['-b', '--no-pager', '-o', 'cat', '-n', '40', ...units.flatMap((u) => ['-u', u])],
      { encoding: 'utf8' },
    );
    for (const line of journal.split('\n')) process.stdout.write(`SIDBOX-DIAG ${line}\n`);
  } catch (error) {
    process.stdout.write(`SIDBOX-DIAG journalctl failed: ${error.message}\n`);
  }
}

/** Every socket bound to a non-loopback address, with the process and user owning it. */
function listeningSockets() {
  const owners = new Map();
  for (const { pid, comm, uid } of processes()) {
    let fds = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode) owners.set(inode, `${comm}[${pid}] as ${userName(uid)}`);
      } catch {
        // The fd closed while we looked.
      }
    }
  }
  const found = [];
  for (const proto of ['tcp', 'tcp6', 'udp', 'udp6', 'raw', 'raw6']) {
    for (const line of read(`/proc/net/${proto}`).split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10) continue;
      const [addrHex, portHex] = f[1].split(':');
      const listening = proto.startsWith('tcp') ? f[3] === '0A' : f[2].endsWith(':0000');
      if (!listening) continue;
      const loopback = addrHex === '0100007F' || addrHex === '00000000000000000000000001000000';
      if (loopback) continue;
      found.push({
        proto,
        address: addrHex,
        port: parseInt(portHex, 16),
        owner: owners.get(f[9]) ?? 'unknown',
      });
    }
  }
  return found;
}

function nftables() {
  try {
    const ruleset = JSON.parse(
      execFileSync('/usr/sbin/nft', ['-j', 'list', 'ruleset'], { encoding: 'utf8' }),
    );
    const chains = ruleset.nftables.filter((item) => item.chain).map((item) => item.chain);
    const policy = (hook) => chains.find((c) => c.hook === hook)?.policy;
    const detail = { input: policy('input'), output: policy('output'), forward: policy('forward') };
    return {
      ok: detail.input === 'drop' && detail.output === 'drop' && detail.forward === 'drop',
      detail,
    };
  } catch (error) {
    return { ok: false, detail: error.message };
  }
}

function mountOptions(mountPoint) {
  const line = read('/proc/self/mountinfo')
    .split('\n')
    .find((l) => l.split(' ')[4] === mountPoint);
  return line ? { options: line.split(' ')[5], source: line.split(' - ')[1] } : undefined;
}

function tryWrite(path) {
  try {
    writeFileSync(path, 'x');
    return 'written';
  } catch (error) {
    return error.code;
  }
}

function dmVerityDevices() {
  if (!existsSync('/sys/block')) return [];
  return readdirSync('/sys/block')
    .filter((name) => name.startsWith('dm-'))
    .map((name) => read(`/sys/block/${name}/dm/uuid`).trim())
    .filter((uuid) => uuid.startsWith('CRYPT-VERITY'));
}

function blockMounts() {
  return read('/proc/self/mountinfo')
    .split('\n')
    .filter(Boolean)
    .map((l) => ({ mountPoint: l.split(' ')[4], source: l.split(' - ')[1]?.split(' ')[1] ?? '' }))
    .filter((m) => m.source.startsWith('/dev/'));
}

await waitForAttract();

const markersBefore = markerFiles.filter((f) => existsSync(f));
report('pristine', markersBefore.length === 0, { markersFromLastBoot: markersBefore });
for (const f of markerFiles) tryWrite(f);

const sockets = listeningSockets();
report('sockets', true, sockets);

const nft = nftables();
report('nftables', nft.ok, nft.detail);

const root = mountOptions('/');
report('root-readonly', root?.options.split(',').includes('ro') === true, root);

const writes = Object.fromEntries(
  ['/sidbox-probe', '/usr/sidbox-probe', '/opt/sidbox/probe'].map((p) => [p, tryWrite(p)]),
);
report(
  'root-write-fails',
  Object.values(writes).every((r) => r === 'EROFS'),
  writes,
);

const all = processes();
const consoles = all.filter((p) =>
  ['agetty', 'getty', 'login', 'sulogin', 'bash', 'sshd'].includes(p.comm),
);
report('no-getty', consoles.length === 0, consoles);

const shells = Object.fromEntries(
  passwd.filter((f) => [kioskUser, 'root'].includes(f[0])).map((f) => [f[0], f[6]]),
);
const tools = [
  '/usr/bin/bash',
  '/usr/bin/su',
  '/usr/bin/sudo',
  '/usr/bin/login',
  '/usr/sbin/agetty',
  '/usr/bin/apt',
  '/usr/bin/apt-get',
  '/usr/bin/dpkg',
  '/usr/bin/gcc',
  '/usr/bin/perl',
].filter((p) => existsSync(p));
report(
  'kiosk-no-shell',
  shells[kioskUser] === '/usr/sbin/nologin' &&
    shells.root === '/usr/sbin/nologin' &&
    tools.length === 0,
  { shells, toolsPresent: tools },
);

const kioskProcs = all.filter((p) => ['cage', 'node', 'chromium', 'AusweisApp'].includes(p.comm));
const asRoot = kioskProcs.filter((p) => p.uid === '0' && p.comm !== 'node');
report(
  'kiosk-unprivileged',
  kioskProcs.some((p) => p.comm === 'cage') && asRoot.length === 0,
  kioskProcs.map((p) => `${p.comm} as ${userName(p.uid)}`),
);

const cmdline = read('/proc/cmdline').trim();
report(
  'kernel-lockdown',
  read('/sys/kernel/security/lockdown').includes('[confidentiality]') &&
    cmdline.includes('init_on_free=1'),
  { lockdown: read('/sys/kernel/security/lockdown').trim(), cmdline },
);
report(
  'sysrq-off',
  read('/proc/sys/kernel/sysrq').trim() === '0',
  read('/proc/sys/kernel/sysrq').trim(),
);
report('no-swap', read('/proc/swaps').trim().split('\n').length === 1, read('/proc/swaps').trim());

const verity = dmVerityDevices();
report('root-verity', verity.length > 0, {
  verityDevices: verity,
  rootfs: mountOptions('/run/live/rootfs/filesystem.squashfs'),
});

const mounts = blockMounts();
const hostDisk = mounts.filter(
  (m) => m.source.startsWith('/dev/vd') || m.source.startsWith('/dev/nvme'),
);
report('host-disks-untouched', hostDisk.length === 0, mounts);

const usbguard = all.some((p) => p.comm === 'usbguard-daemon');
report('usbguard', usbguard, { running: usbguard });
if (!usbguard) diagnose(['usbguard']);

process.stdout.write('SIDBOX-CHECK-DONE\n');
