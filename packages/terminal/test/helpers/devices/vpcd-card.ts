import { connect, type Socket } from 'node:net';

/**
 * A virtual smart card for vsmartcard's vpcd reader driver. vpcd listens on TCP (port from
 * DEVICENAME "/dev/null:<port>" in reader.conf) and the card connects to it: connecting is
 * inserting, closing is removing. Frames are a 2-byte big-endian length + payload; a 1-byte
 * payload is a control (0 power off, 1 power on, 2 reset, 4 get ATR — only ATR is answered),
 * anything longer is an APDU, answered 90 00.
 */
export const TEST_ATR = Buffer.from('3b8880010000000000000000', 'hex'); // a non-eID card's ATR

export class VirtualCard {
  #socket: Socket | undefined;
  #buffered = Buffer.alloc(0);

  constructor(private readonly port: number) {}

  insert(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect(this.port, '127.0.0.1', () => resolve());
      socket.once('error', reject);
      socket.on('data', (chunk: Buffer) => this.#onData(socket, chunk));
      this.#socket = socket;
    });
  }

  async remove(): Promise<void> {
    const socket = this.#socket;
    this.#socket = undefined;
    if (!socket || socket.destroyed) return;
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.destroy();
    await closed;
  }

  #onData(socket: Socket, chunk: Buffer): void {
    this.#buffered = Buffer.concat([this.#buffered, chunk]);
    while (this.#buffered.length >= 2) {
      const length = this.#buffered.readUInt16BE(0);
      if (this.#buffered.length < 2 + length) return;
      const payload = this.#buffered.subarray(2, 2 + length);
      this.#buffered = this.#buffered.subarray(2 + length);
      const reply =
        length === 1 ? (payload[0] === 4 ? TEST_ATR : undefined) : Buffer.from([0x90, 0]);
      if (reply) socket.write(Buffer.concat([Buffer.from([0, reply.length]), reply]));
    }
  }
}
