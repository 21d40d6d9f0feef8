import type { Socket } from 'node:net';

/** Reads fixed-size replies off a stream in order; pcscd's replies carry no length of their own. */
export class SocketReader {
  #buffered = Buffer.alloc(0);
  #waiting: { size: number; resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  #closed: Error | undefined;

  constructor(socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.#buffered = Buffer.concat([this.#buffered, chunk]);
      this.#drain();
    });
    socket.on('close', () => this.#fail(new Error('pcscd closed the connection')));
    socket.on('error', (error) => this.#fail(error));
  }

  read(size: number): Promise<Buffer> {
    if (this.#closed) return Promise.reject(this.#closed);
    return new Promise((resolve, reject) => {
      this.#waiting.push({ size, resolve, reject });
      this.#drain();
    });
  }

  #drain(): void {
    for (let next = this.#waiting[0]; next; next = this.#waiting[0]) {
      if (this.#buffered.length < next.size) return;
      this.#waiting.shift();
      next.resolve(this.#buffered.subarray(0, next.size));
      this.#buffered = this.#buffered.subarray(next.size);
    }
  }

  #fail(error: Error): void {
    this.#closed ??= error;
    for (const waiter of this.#waiting.splice(0)) waiter.reject(this.#closed);
  }
}
