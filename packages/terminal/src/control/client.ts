import { createConnection } from 'node:net';
import { ControlReply, type ControlRequest } from '@sidbox/protocol';

export type ControlClientErrorCode = 'daemon-not-running' | 'connection-failed' | 'bad-reply';

/** The daemon could not be asked at all (as opposed to an error reply from it). */
export class ControlClientError extends Error {
  override readonly name = 'ControlClientError';

  constructor(
    readonly code: ControlClientErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Sends one request over the control socket and returns the daemon's reply envelope. */
export function sendControlRequest(
  path: string,
  request: ControlRequest,
  timeoutMs = 30_000,
): Promise<ControlReply> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    let buffer = '';
    const fail = (error: ControlClientError): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new ControlClientError('connection-failed', `no reply from ${path}`)),
    );
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      const notRunning = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
      fail(
        new ControlClientError(
          notRunning ? 'daemon-not-running' : 'connection-failed',
          notRunning
            ? `the terminal daemon is not running (no socket at ${path})`
            : `cannot talk to the terminal daemon at ${path}: ${error.code ?? error.message}`,
        ),
      );
    });
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      socket.end();
      const parsed = ControlReply.safeParse(safeJson(buffer.slice(0, newline)));
      if (parsed.success) resolve(parsed.data);
      else fail(new ControlClientError('bad-reply', 'the daemon sent an unreadable reply'));
    });
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
