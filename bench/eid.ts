// eID bench: what the typed SdkClient costs over a raw WebSocket, and how long AusweisApp takes
// from spawn to ready.
//
// Both clients talk to the same AusweisApp. It admits one WebSocket client at a time, so they
// take turns in blocks (typed, raw, raw, typed, …), reconnecting for each block; the first
// requests of a block are not counted, as AusweisApp greets a new client with READER events.
// `npm run bench` imports the built packages (dist), as production runs them: TypeScript run
// through tsx carries esbuild's keep-names wrappers on every closure, which cost measurable µs.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { AusweisAppSupervisor, SdkClient, WebSocketChannel } from '@sidbox/eid';
import { silentLogger } from '@sidbox/runtime';
import { median, ms, summarize } from './stats.js';

const iterations = 2000;
const blockSize = 100;
const warmupPerBlock = 20;
const coldStarts = 5;
const warmupRounds = 5;

export async function run(): Promise<void> {
  const startMs = await measureColdStarts();
  console.log(
    `eid: AusweisApp cold start to ready, median of ${coldStarts}: ${ms(median(startMs))} ms`,
  );

  const app = supervisor();
  try {
    const client = await app.start();
    const version = (await client.getInfo()).VersionInfo['Implementation-Version'];
    await closeAndWait(client);
    const url = app.url as string;

    // Both paths are compiled and warm before anything is counted.
    for (let round = 0; round < warmupRounds; round++) {
      await typedBlock(url);
      await rawBlock(url);
    }
    const typedMs: number[] = [];
    const rawMs: number[] = [];
    for (let block = 0; block < (2 * iterations) / blockSize; block++) {
      const typedTurn = [true, false, false, true][block % 4];
      const measure = typedTurn ? await typedBlock(url) : await rawBlock(url);
      (typedTurn ? typedMs : rawMs).push(...measure);
    }

    const t = summarize(typedMs);
    const r = summarize(rawMs);
    const ratioP50 = t.p50 / r.p50;
    const ratioMean = t.mean / r.mean;
    console.log(
      `eid: GET_INFO round trip, ${iterations} each, blocks of ${blockSize} (AusweisApp ${version})`,
    );
    console.log(
      `  typed SdkClient  p50 ${ms(t.p50)} ms  p90 ${ms(t.p90)} ms  mean ${ms(t.mean)} ms`,
    );
    console.log(
      `  raw ws           p50 ${ms(r.p50)} ms  p90 ${ms(r.p90)} ms  mean ${ms(r.mean)} ms`,
    );
    console.log(
      `  typed/raw        p50 ${ratioP50.toFixed(3)}  mean ${ratioMean.toFixed(3)}  (target ≤ 1.10)`,
    );
    console.log(
      JSON.stringify({
        bench: 'eid',
        ausweisApp: version,
        iterations,
        typedP50Ms: ms(t.p50),
        typedMeanMs: ms(t.mean),
        rawP50Ms: ms(r.p50),
        rawMeanMs: ms(r.mean),
        ratioP50: Number(ratioP50.toFixed(3)),
        ratioMean: Number(ratioMean.toFixed(3)),
        coldStartMedianMs: ms(median(startMs)),
        coldStartsMs: startMs.map(ms),
      }),
    );
  } finally {
    await app.stop();
  }
}

function supervisor(): AusweisAppSupervisor {
  return new AusweisAppSupervisor({ logger: silentLogger(), autoRestart: false });
}

async function measureColdStarts(): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < coldStarts; i++) {
    const app = supervisor();
    const started = performance.now();
    await app.start();
    durations.push(performance.now() - started);
    await app.stop();
  }
  return durations;
}

async function typedBlock(url: string): Promise<number[]> {
  const client = new SdkClient(await WebSocketChannel.connect(url, { userAgent: 'SIDbox-bench' }));
  const durations: number[] = [];
  for (let i = 0; i < warmupPerBlock + blockSize; i++) {
    const started = performance.now();
    await client.getInfo();
    if (i >= warmupPerBlock) durations.push(performance.now() - started);
  }
  await closeAndWait(client);
  return durations;
}

async function rawBlock(url: string): Promise<number[]> {
  const client = await RawClient.connect(url);
  const durations: number[] = [];
  for (let i = 0; i < warmupPerBlock + blockSize; i++) {
    const duration = await client.timeGetInfo();
    if (i >= warmupPerBlock) durations.push(duration);
  }
  await client.close();
  return durations;
}

/** AusweisApp refuses a second client, so the next block waits until this one is gone. */
async function closeAndWait(client: SdkClient): Promise<void> {
  const closed = new Promise((resolve) => client.onClose(resolve));
  client.close();
  await closed;
}

/** The least a hand-written client does: send JSON, parse each frame, match the request id. */
class RawClient {
  #next = 1;
  #waiting: { id: number; resolve: () => void } | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { request?: number };
      if (this.#waiting && message.request === this.#waiting.id) this.#waiting.resolve();
    });
  }

  static async connect(url: string): Promise<RawClient> {
    const socket = new WebSocket(url, {
      headers: { 'User-Agent': 'SIDbox-bench' },
      perMessageDeflate: false,
    });
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new RawClient(socket);
  }

  timeGetInfo(): Promise<number> {
    const id = this.#next++;
    const started = performance.now();
    return new Promise((resolve) => {
      this.#waiting = { id, resolve: () => resolve(performance.now() - started) };
      this.socket.send(JSON.stringify({ cmd: 'GET_INFO', request: id }));
    });
  }

  async close(): Promise<void> {
    const closed = new Promise((resolve) => this.socket.once('close', resolve));
    this.socket.close();
    await closed;
  }
}
