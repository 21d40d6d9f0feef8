import { request, type IncomingMessage } from 'node:http';
import {
  ControlReply,
  KioskView,
  type KioskActionInput,
  type ControlReply as Reply,
} from '@sidbox/protocol';
import type { TerminalDaemon } from '../../src/daemon/terminal-daemon.js';

/**
 * The kiosk UI's side of the daemon, as the kiosk page speaks it: views from the event stream
 * (`GET /api/events`), actions to `POST /api/action` with the page's Origin and token.
 */
export class KioskClient {
  readonly views: KioskView[] = [];
  #events: ReturnType<typeof request> | undefined;
  readonly #waiters = new Set<() => void>();

  private constructor(private readonly daemon: TerminalDaemon) {}

  /** Connects to the view stream; resolves once the first view has arrived. */
  static async connect(daemon: TerminalDaemon): Promise<KioskClient> {
    const client = new KioskClient(daemon);
    // Plain node:http without keep-alive: an idle pooled socket would hold up the server's close.
    const events = request(`${daemon.kioskOrigin}/api/events?token=${client.#token}`, {
      agent: false,
    });
    client.#events = events;
    events.on('response', (response) => client.#read(response));
    events.end();
    await client.until(() => true);
    return client;
  }

  get #token(): string {
    return new URL(this.daemon.kioskUrl).hash.slice('#k='.length);
  }

  get latest(): KioskView {
    const view = this.views.at(-1);
    if (!view) throw new Error('no view yet');
    return view;
  }

  /** The first view from now on (or the latest) for which `check` holds. */
  until(check: (view: KioskView) => boolean): Promise<KioskView> {
    return new Promise((resolve) => {
      const test = (): boolean => {
        const view = this.views.at(-1);
        if (!view || !check(view)) return false;
        this.#waiters.delete(wake);
        resolve(view);
        return true;
      };
      const wake = (): void => void test();
      if (!test()) this.#waiters.add(wake);
    });
  }

  act(action: KioskActionInput): Promise<Reply> {
    const origin = this.daemon.kioskOrigin;
    return new Promise((resolve, reject) => {
      const post = request(`${origin}/api/action`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', origin, 'x-sidbox-token': this.#token },
      });
      post.on('error', reject);
      post.on('response', (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(ControlReply.parse(JSON.parse(text))));
      });
      post.end(JSON.stringify(action));
    });
  }

  close(): void {
    this.#events?.destroy();
  }

  #read(response: IncomingMessage): void {
    let buffer = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((line) => line.startsWith('data: '));
        if (!event.startsWith('event: view') || !data) continue;
        // Every view the daemon pushes must be a valid KioskView.
        this.views.push(KioskView.parse(JSON.parse(data.slice('data: '.length))));
        for (const wake of [...this.#waiters]) wake();
      }
    });
  }
}
