#!/bin/sh
# Lock the live system down at the end of the build: no way to a login, a shell or an admin tool.
# Runs inside the chroot after `lb chroot` (live-build still needs dpkg and apt until then)
# and before `lb binary`, which takes its tools from the host.
set -e

# No login on any VT or serial line, no emergency or debug shell, no Ctrl+Alt+Del.
for unit in getty@.service serial-getty@.service autovt@.service console-getty.service \
  container-getty@.service getty.target getty-static.service debug-shell.service \
  rescue.service rescue.target emergency.service emergency.target ctrl-alt-del.target \
  systemd-ask-password-console.path swap.target; do
  systemctl mask "$unit"
done

# The root account stays locked; the kiosk user has no shell (set at creation).
usermod --lock --shell /usr/sbin/nologin root

# live-config would create a user with sudo and an autologin; SIDbox configures itself.
if dpkg-query -W live-config >/dev/null 2>&1; then
  dpkg --purge live-config live-config-systemd live-tools 2>/dev/null || true
fi

# Shells, login and account tools, package management, compilers, admin tools. What must stay:
# /bin/sh (dash) for maintainer-written units, udev helpers and the daemon's `sh -c` policy
# mount; Node (the daemon) and Python (img2pdf for scans) are interpreters we cannot avoid.
for path in \
  /usr/bin/bash /bin/bash /usr/bin/rbash /usr/bin/su /usr/bin/login /usr/sbin/agetty \
  /usr/sbin/sulogin /usr/bin/sudo /usr/bin/newgrp /usr/bin/sg /usr/bin/passwd /usr/bin/chsh \
  /usr/bin/chfn /usr/sbin/useradd /usr/sbin/usermod /usr/sbin/userdel /usr/sbin/adduser \
  /usr/sbin/deluser /usr/sbin/addgroup /usr/sbin/groupadd /usr/sbin/groupmod /usr/sbin/vipw \
  /usr/sbin/chpasswd /usr/bin/script /usr/bin/nsenter /usr/bin/setsid /usr/bin/chroot \
  /usr/sbin/chroot /usr/bin/gdb /usr/bin/strace /usr/bin/nano /usr/bin/vi /usr/bin/vim.tiny \
  /usr/bin/editor /usr/bin/ssh /usr/sbin/sshd /usr/bin/nc /usr/bin/wget /usr/bin/curl \
  /usr/bin/busybox /usr/bin/pkexec /usr/bin/machinectl /usr/bin/run0 /usr/bin/systemd-run \
  /usr/bin/systemd-nspawn /usr/bin/cc /usr/bin/gcc /usr/bin/make /usr/bin/perl /usr/bin/perl5.* \
  /usr/bin/apt /usr/bin/apt-get /usr/bin/apt-cache /usr/bin/apt-config /usr/bin/apt-mark \
  /usr/bin/apt-key /usr/bin/dpkg /usr/bin/dpkg-deb /usr/bin/dpkg-query /usr/bin/dpkg-divert \
  /usr/bin/dpkg-split /usr/bin/dpkg-trigger /usr/bin/dpkg-statoverride /usr/bin/dpkg-maintscript-helper \
  /usr/sbin/dpkg-reconfigure /usr/sbin/dpkg-preconfigure /usr/bin/debconf \
  /usr/bin/debconf-set-selections /usr/bin/update-alternatives; do
  rm -f "$path"
done
# AusweisApp's admin presets and Chromium's wrapper are not needed: the daemon starts both.
rm -f /usr/bin/chromium
rm -rf /etc/apt /var/lib/apt /var/cache/apt /var/cache/debconf /usr/share/doc /usr/share/man \
  /usr/share/info /usr/share/lintian
