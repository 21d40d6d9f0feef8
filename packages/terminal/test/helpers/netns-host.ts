import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * A test host on a public-range address (TEST-NET-3) in a network namespace of its own, reached
 * from this machine over a veth pair: Chromium then sees a real public-address page, and its
 * local-network-access rules apply as in the field. Needs root (`ip netns`).
 */
export interface NetnsHost {
  /** e.g. `http://203.0.113.10` */
  origin: string;
  /** Paths (with query) the host was asked for, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

export const HOST_SIDE = '203.0.113.1';
export const NS_SIDE = '203.0.113.10';

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Removing the namespace destroys its veth end and with it the peer on our side. */
function removeNamespace(name: string, hostVeth: string): void {
  for (const args of [
    ['link', 'del', hostVeth],
    ['netns', 'del', name],
  ]) {
    try {
      ip(...args);
    } catch {
      // Not created, or already gone with the other.
    }
  }
}

/**
 * Serves `pages` (path → HTML) from http://203.0.113.10 inside a fresh namespace. The server is
 * a child process in the namespace; every request is reported on its stdout as one line.
 */
export async function startNetnsHost(pages: Record<string, string>): Promise<NetnsHost> {
  const id = randomBytes(3).toString('hex');
  const name = `sidbox-lna-${id}`;
  const hostVeth = `sbx${id}h`;
  const nsVeth = `sbx${id}n`;
  let server: ChildProcess | null = null;
  const close = async (): Promise<void> => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    }
    removeNamespace(name, hostVeth);
  };
  try {
    ip('netns', 'add', name);
    ip('link', 'add', hostVeth, 'type', 'veth', 'peer', 'name', nsVeth, 'netns', name);
    ip('addr', 'add', `${HOST_SIDE}/24`, 'dev', hostVeth);
    ip('link', 'set', hostVeth, 'up');
    ip('-n', name, 'addr', 'add', `${NS_SIDE}/24`, 'dev', nsVeth);
    ip('-n', name, 'link', 'set', nsVeth, 'up');
    ip('-n', name, 'link', 'set', 'lo', 'up');
    const requests: string[] = [];
    server = spawn('ip', ['netns', 'exec', name, process.execPath, '-e', serverSource(pages)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let buffer = '';
      server?.once('exit', (code) => reject(new Error(`netns host exited (${code})`)));
      server?.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === 'listening') resolve();
          else requests.push(line);
        }
      });
    });
    return { origin: `http://${NS_SIDE}`, requests, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The server program; plain JavaScript run by `node -e` inside the namespace. */
function serverSource(pages: Record<string, string>): string {
  return `
const pages = ${JSON.stringify(pages)};
require('node:http')
  .createServer((request, response) => {
    const url = new URL(request.url, 'http://host');
    process.stdout.write(url.pathname + url.search + '\\n');
    const page = pages[url.pathname];
    response.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page ?? 'not found');
  })
  .listen(80, ${JSON.stringify(NS_SIDE)}, () => process.stdout.write('listening\\n'));
`;
}
