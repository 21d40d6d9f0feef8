// The in-guest half of `npm run test:image`. It exists only in the test variant's extra squashfs
// layer (live/zz-sidbox-check.squashfs), never in the production image. It reads facts as root
// and writes them to the serial console, one `SIDBOX-CHECK {json}` line each; it reads nothing
// from outside (no network, no input), so it opens no way into the machine.
import { execFile, execFileSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Buffer } from 'node:buffer';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

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

/** The test host's cue: it acts (keys, USB devices) when it reads this line, then we look. */
function awaitHost(step) {
  process.stdout.write(`SIDBOX-CHECK-AWAIT ${step}\n`);
}

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

/** Chromium's browser process (not a renderer, GPU or utility helper) of the kiosk user. */
function chromiumBrowserPid() {
  return processes().find(
    (p) =>
      p.comm === 'chromium' &&
      p.uid === kioskUid &&
      !read(`/proc/${p.pid}/cmdline`).includes('--type='),
  )?.pid;
}

/**
 * The managed policy as Chromium itself sees it: read through the browser process's own root
 * (its mount namespace, if it has one), and who may change it: the kiosk user alone.
 */
function chromiumPolicy() {
  const pid = chromiumBrowserPid();
  if (!pid) return { ok: false, detail: 'no Chromium browser process of the kiosk user' };
  const dir = `/proc/${pid}/root/etc/chromium/policies/managed`;
  let policy;
  try {
    policy = JSON.parse(readFileSync(`${dir}/sidbox.json`, 'utf8'));
  } catch (error) {
    return { ok: false, detail: { pid, policyFile: error.code ?? error.message } };
  }
  const stats = [statSync(`${dir}/sidbox.json`), statSync(dir)];
  const [fileMode, dirMode] = stats.map((s) => (s.mode & 0o777).toString(8));
  const ok =
    stats.every((s) => String(s.uid) === kioskUid && (s.mode & 0o022) === 0) &&
    (stats[1].mode & 0o077) === 0 &&
    JSON.stringify(policy.URLBlocklist) === '["*"]' &&
    Array.isArray(policy.URLAllowlist) &&
    policy.URLAllowlist.length > 0;
  return {
    ok,
    detail: {
      pid,
      owner: stats.map((s) => userName(String(s.uid))),
      fileMode,
      dirMode,
      URLBlocklist: policy.URLBlocklist,
      URLAllowlist: policy.URLAllowlist,
    },
  };
}

/**
 * polkit: NetworkManager pulls polkitd in. Every action any package registered is asked for, as
 * if the kiosk daemon requested it (pkcheck, exit 0 = authorised, 2 = a password would do).
 * Only the card reader (pcscd) may be allowed.
 */
async function polkitForKiosk() {
  if (!existsSync('/usr/lib/polkit-1/polkitd')) return { ok: true, detail: 'polkitd absent' };
  const daemon = processes().find((p) => p.comm === 'node' && p.uid === kioskUid);
  if (!daemon) return { ok: false, detail: 'no kiosk daemon process to ask for' };
  const run = promisify(execFile);
  const actions = (await run('pkaction', [])).stdout.split('\n').filter(Boolean);
  const verdicts = await Promise.all(
    actions.map((id) =>
      run('pkcheck', ['--action-id', id, '--process', daemon.pid]).then(
        () => [id, 'yes'],
        (error) => [
          id,
          error.code === 2 ? 'challenge' : error.code === 1 ? 'no' : `error ${error.code}`,
        ],
      ),
    ),
  );
  const pcsc = ['org.debian.pcsc-lite.access_pcsc', 'org.debian.pcsc-lite.access_card'];
  const allowed = verdicts.filter(([, v]) => v === 'yes').map(([id]) => id);
  const challenge = verdicts.filter(([, v]) => v === 'challenge').map(([id]) => id);
  const errors = verdicts.filter(([, v]) => v.startsWith('error'));
  return {
    ok:
      actions.length > 0 &&
      allowed.every((id) => pcsc.includes(id)) &&
      challenge.length === 0 &&
      errors.length === 0,
    detail: { actions: actions.length, allowed, challenge, errors },
  };
}

const EV_KEY = 1;
const KEY_SCROLLLOCK = 70;

/**
 * Resolves once every keyboard-ish event device has seen Scroll Lock pressed: the host sends it
 * after the escape keys, so everything before it has reached the kernel (and SysRq acted on it).
 */
function waitForSentinelKey(timeoutMs) {
  const devices = readdirSync('/dev/input').filter((n) => n.startsWith('event'));
  return new Promise((resolve) => {
    let keys = 0;
    const streams = [];
    const finish = (sentinel) => {
      clearTimeout(timer);
      for (const stream of streams) stream.destroy();
      resolve({ keyPresses: keys, sentinel });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    for (const name of devices) {
      const stream = createReadStream(`/dev/input/${name}`, { highWaterMark: 24 });
      streams.push(stream);
      let pending = Buffer.alloc(0);
      stream.on('data', (chunk) => {
        pending = Buffer.concat([pending, chunk]);
        // struct input_event on x86_64: 16 bytes time, u16 type, u16 code, s32 value.
        for (; pending.length >= 24; pending = pending.subarray(24)) {
          const type = pending.readUInt16LE(16);
          const code = pending.readUInt16LE(18);
          const value = pending.readInt32LE(20);
          if (type !== EV_KEY || value !== 1) continue;
          keys += 1;
          if (code === KEY_SCROLLLOCK) finish(true);
        }
      });
      stream.on('error', () => undefined);
    }
  });
}

function kioskState() {
  const all = processes();
  return {
    activeVt: read('/sys/class/tty/tty0/active').trim(),
    cage: all.find((p) => p.comm === 'cage')?.pid,
    chromium: chromiumBrowserPid(),
    consoles: all.filter((p) => ['agetty', 'getty', 'login', 'sulogin', 'bash'].includes(p.comm)),
    bootId: read('/proc/sys/kernel/random/boot_id').trim(),
  };
}

/** The host types the escapes (Ctrl+Alt+F2, Ctrl+Alt+Del, SysRq …); nothing may change. */
async function keyboardEscapes() {
  const before = kioskState();
  const sentinel = waitForSentinelKey(300_000);
  awaitHost('keys');
  const seen = await sentinel;
  const idle = await daemonStatus();
  const after = kioskState();
  const ok =
    seen.sentinel &&
    after.activeVt === 'tty1' &&
    after.cage === before.cage &&
    after.chromium === before.chromium &&
    after.consoles.length === 0 &&
    after.bootId === before.bootId &&
    idle?.state === 'idle';
  return { ok, detail: { ...seen, before, after, daemonState: idle?.state } };
}

const hotplugSerials = { storage: 'SIDBOXHOTDISK', keyboard: 'SIDBOXHOTKBD' };

function usbDevices() {
  const base = '/sys/bus/usb/devices';
  return readdirSync(base)
    .filter((name) => /^\d+-[\d.]+$/.test(name))
    .map((name) => ({
      name,
      serial: read(`${base}/${name}/serial`).trim(),
      authorized: read(`${base}/${name}/authorized`).trim(),
      drivers: readdirSync(`${base}/${name}`)
        .filter((entry) => entry.startsWith(`${name}:`))
        .map((intf) => {
          try {
            return readlinkSync(`${base}/${name}/${intf}/driver`).split('/').pop();
          } catch {
            return null;
          }
        }),
    }));
}

function blockDevicesOfUsb(name) {
  return readdirSync('/sys/block').filter((dev) => {
    try {
      return readlinkSync(`/sys/block/${dev}`).includes(`/${name}/`);
    } catch {
      return false;
    }
  });
}

/**
 * The host plugs in a USB disk and then a USB keyboard. USBGuard handles devices in the order
 * they come: once the keyboard is authorised, the disk's verdict is in too.
 */
async function usbHotplug() {
  awaitHost('usb');
  const deadline = Date.now() + 300_000;
  let devices = [];
  let keyboard;
  let storage;
  while (Date.now() < deadline) {
    devices = usbDevices();
    keyboard = devices.find((d) => d.serial === hotplugSerials.keyboard);
    storage = devices.find((d) => d.serial === hotplugSerials.storage);
    if (storage && keyboard?.authorized === '1' && keyboard.drivers.includes('usbhid')) break;
    await delay(500);
  }
  const disks = storage ? blockDevicesOfUsb(storage.name) : [];
  const ok =
    storage?.authorized === '0' &&
    storage.drivers.every((d) => d === null) &&
    disks.length === 0 &&
    keyboard?.authorized === '1' &&
    keyboard.drivers.includes('usbhid');
  return { ok, detail: { storage, storageBlockDevices: disks, keyboard } };
}

const controlSocket = `/run/user/${kioskUid}/sidbox/ctl.sock`;

async function controlClient() {
  const { sendControlRequest } =
    await import('/opt/sidbox/node_modules/@sidbox/terminal/dist/index.js');
  return sendControlRequest;
}

/** The daemon's status as its control socket gives it (undefined: no answer). */
async function daemonStatus() {
  try {
    const reply = await (await controlClient())(controlSocket, { cmd: 'status' });
    return reply.ok ? reply.data : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for the daemon's own word that the attract screen is up: state idle. */
async function waitForAttract() {
  const sendControlRequest = await controlClient();
  const socket = controlSocket;
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

const policy = chromiumPolicy();
report('chromium-policy', policy.ok, policy.detail);

const polkit = await polkitForKiosk();
report('polkit', polkit.ok, polkit.detail);

const escapes = await keyboardEscapes();
report('keyboard-escapes', escapes.ok, escapes.detail);

const hotplug = await usbHotplug();
report('usb-hotplug', hotplug.ok, hotplug.detail);

process.stdout.write('SIDBOX-CHECK-DONE\n');
