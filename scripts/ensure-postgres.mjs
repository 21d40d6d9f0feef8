// Makes a local PostgreSQL ready for the hub tests, idempotently, and prints its URL:
// installs Debian's `postgresql` if missing, starts the cluster, creates role and database
// `sidbox_test`. Node built-ins only (runs before node_modules exists). Needs root.
import { execFileSync, spawnSync } from 'node:child_process';

const name = 'sidbox_test';
const password = 'sidbox_test';
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };

function fail(message) {
  console.error(`ensure-postgres: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', env, ...options });
}

function succeeds(command, args) {
  return spawnSync(command, args, { stdio: 'ignore', env }).status === 0;
}

function installed() {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', 'postgresql'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Runs SQL as the `postgres` superuser over the local socket; returns trimmed output. */
function psql(sql, database = 'postgres') {
  return run('runuser', ['-u', 'postgres', '--', 'psql', '-d', database, '-tAqc', sql], {
    cwd: '/',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

/** First cluster as [version, name, port, status]; `pg_lsclusters` is from postgresql-common. */
function cluster() {
  const line = run('pg_lsclusters', ['--no-header']).trim().split('\n')[0];
  if (!line) fail('no PostgreSQL cluster found (pg_createcluster <version> main)');
  return line.split(/\s+/);
}

if (process.getuid?.() !== 0) fail('must run as root (installs and starts PostgreSQL)');

if (!installed()) {
  console.error('ensure-postgres: installing Debian package postgresql');
  if (!succeeds('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'])) {
    run('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql'], {
      stdio: 'inherit',
    });
  }
}

const [version, clusterName, port, status] = cluster();
if (status !== 'online') {
  if (!succeeds('pg_ctlcluster', [version, clusterName, 'start'])) {
    run('service', ['postgresql', 'start'], { stdio: 'inherit' });
  }
}

if (psql(`SELECT 1 FROM pg_roles WHERE rolname = '${name}'`) !== '1') {
  psql(`CREATE ROLE ${name} LOGIN CREATEDB PASSWORD '${password}'`);
}
if (psql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`) !== '1') {
  psql(`CREATE DATABASE ${name} OWNER ${name}`);
}

console.log(`postgres://${name}:${password}@127.0.0.1:${port}/${name}`);
