import { join } from 'node:path';
import {
  Heartbeat,
  maxSurveyBatch,
  maxTelemetryBatch,
  SurveyResponse,
  TelemetryEvent,
  type TerminalCredential,
} from '@sidbox/protocol';
import { TypedEvents } from '@sidbox/runtime';
import { trustAnchor, verifySignedConfig } from '@sidbox/signing';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './backoff.js';
import { loadConfigState, saveConfigState, type ConfigState } from './config-state.js';
import { HubClient, type Fetch, type HubReply, type IngestReply } from './hub-client.js';
import { defaultOutboxCapacity, Outbox, outboxJournalFile, type OutboxItem } from './outbox.js';
import { OutboxJournal } from './outbox-journal.js';
import type { HubSyncEvents, WarnLogger } from './sync-events.js';

/** Device facts for the heartbeat; hub sync adds the configuration version it runs. */
export type HeartbeatFacts = Omit<Heartbeat, 'configVersion'>;

export interface HubSyncTiming {
  configIntervalMs: number;
  heartbeatIntervalMs: number;
  requestTimeoutMs: number;
  retry: RetryPolicy;
  /** Most items the outbox holds; beyond it the oldest is dropped and counted. */
  outboxCapacity: number;
}

export const defaultHubSyncTiming: HubSyncTiming = {
  configIntervalMs: 5 * 60_000,
  heartbeatIntervalMs: 60_000,
  requestTimeoutMs: 15_000,
  retry: defaultRetryPolicy,
  outboxCapacity: defaultOutboxCapacity,
};

export interface HubSyncOptions {
  credential: TerminalCredential;
  /** Where the outbox journal and the configuration state live; none keeps them in memory. */
  stateDir?: string;
  heartbeatFacts: () => HeartbeatFacts | Promise<HeartbeatFacts>;
  logger: WarnLogger;
  timing?: Partial<HubSyncTiming>;
  fetch?: Fetch;
  random?: () => number;
}

export type PullResult = 'changed' | 'unchanged' | 'rejected' | 'unreachable' | 'revoked';

type Batch = { kind: 'telemetry' | 'survey'; ids: string[]; reply: HubReply<IngestReply> };

/**
 * The terminal's side of the hub protocol, outbound only: pulls and verifies the signed
 * configuration, sends heartbeats, and delivers the outbox (telemetry, survey responses) at least
 * once with exponential backoff. The hub counts each id once, so the effect is exactly once.
 */
export class HubSync {
  private readonly events: TypedEvents<HubSyncEvents>;
  private readonly timing: HubSyncTiming;
  private readonly client: HubClient;
  private readonly outbox: Outbox;
  private state: ConfigState | undefined;
  private abort = new AbortController();
  private readonly timers = new Set<NodeJS.Timeout>();
  private retryTimer: NodeJS.Timeout | undefined;
  private delivering: Promise<void> | undefined;
  /** Running with the journal's items restored: delivery waits for them (oldest first). */
  private deliverable = false;
  private failures = 0;
  private revoked = false;
  private running = false;

  constructor(private readonly options: HubSyncOptions) {
    this.events = new TypedEvents((error) =>
      options.logger.warn({ err: error }, 'hub-sync listener failed'),
    );
    this.timing = { ...defaultHubSyncTiming, ...options.timing };
    this.client = new HubClient(options.credential, this.timing.requestTimeoutMs, options.fetch);
    const journal = options.stateDir
      ? new OutboxJournal<OutboxItem>(join(options.stateDir, outboxJournalFile), options.logger)
      : undefined;
    this.outbox = new Outbox(this.timing.outboxCapacity, journal);
  }

  on<K extends keyof HubSyncEvents>(event: K, listener: (payload: HubSyncEvents[K]) => void) {
    return this.events.on(event, listener);
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    try {
      await this.outbox.restore();
    } catch (error) {
      this.running = false;
      throw error;
    }
    this.deliverable = this.running; // false if stop came during the restore
    this.state = (this.statePath && loadConfigState(this.statePath)) || {
      verifier: { trustedKey: await trustAnchor(this.options.credential.configSigningKey) },
      etag: undefined,
    };
    this.every(this.timing.configIntervalMs, () => this.pullConfig());
    this.every(this.timing.heartbeatIntervalMs, () => this.sendHeartbeat());
    void this.deliver();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.deliverable = false;
    this.abort.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.delivering;
    await this.journaled(this.outbox.compact());
  }

  /**
   * Queues an anonymous event (validated here, so the hub never refuses it later). Resolves
   * true once it is on disk, false when it could only be kept in memory (logged).
   */
  enqueueTelemetry(event: TelemetryEvent): Promise<boolean> {
    const parsed = TelemetryEvent.parse(event);
    return this.enqueue({ id: parsed.id, kind: 'telemetry', event: parsed });
  }

  enqueueSurvey(response: SurveyResponse): Promise<boolean> {
    const parsed = SurveyResponse.parse(response);
    return this.enqueue({ id: parsed.id, kind: 'survey', response: parsed });
  }

  status() {
    return {
      running: this.running,
      revoked: this.revoked,
      pending: this.outbox.size,
      dropped: this.outbox.dropped,
      configVersion: this.state?.verifier.lastGood?.version ?? 0,
    };
  }

  /** The configuration the terminal may run: the last one that verified. */
  get config() {
    return this.state?.verifier.lastGood?.config;
  }

  /** Pulls the configuration once: verified and announced, or rejected with the last good kept. */
  async pullConfig(): Promise<PullResult> {
    const state = this.state;
    if (!state || this.revoked) return this.revoked ? 'revoked' : 'unreachable';
    const etag = state.verifier.lastGood ? state.etag : undefined;
    const reply = await this.client.config(etag, this.abort.signal);
    if (reply.kind === 'not-modified') return 'unchanged';
    if (reply.kind !== 'ok') return this.failed('config', reply);
    const result = await verifySignedConfig(
      reply.body,
      state.verifier,
      this.options.credential.terminalId,
    );
    if (!result.ok) {
      this.options.logger.warn({ code: result.code }, 'hub config rejected, keeping the last good');
      this.events.emit('config-rejected', { code: result.code });
      return 'rejected';
    }
    this.state = { verifier: result.state, etag: reply.etag };
    if (this.statePath) saveConfigState(this.statePath, this.state);
    if (!result.changed) return 'unchanged';
    this.events.emit('config', result.config);
    return 'changed';
  }

  async sendHeartbeat(): Promise<boolean> {
    if (this.revoked) return false;
    const configVersion = this.status().configVersion;
    let heartbeat: Heartbeat;
    try {
      heartbeat = Heartbeat.parse({ ...(await this.options.heartbeatFacts()), configVersion });
    } catch (error) {
      this.options.logger.warn({ err: error }, 'heartbeat facts unavailable');
      return false;
    }
    const reply = await this.client.heartbeat(heartbeat, this.abort.signal);
    if (reply.kind !== 'ok') {
      this.failed('heartbeat', reply);
      return false;
    }
    this.events.emit('heartbeat', { configVersion });
    return true;
  }

  /** Delivers the outbox now unless a retry is already scheduled; single flight. */
  deliver(): Promise<void> {
    this.delivering ??= this.deliverAll().finally(() => (this.delivering = undefined));
    return this.delivering;
  }

  private get statePath() {
    return this.options.stateDir && join(this.options.stateDir, 'hub-config.json');
  }

  private enqueue(item: OutboxItem): Promise<boolean> {
    const written = this.outbox.add(item);
    if (this.deliverable && !this.retryTimer) void this.deliver();
    return this.journaled(written);
  }

  /** A journal write that failed leaves the item in memory only: logged, never thrown. */
  private journaled(write: Promise<void>): Promise<boolean> {
    return write.then(
      () => true,
      (error: unknown) => {
        this.options.logger.warn({ err: error }, 'outbox journal write failed');
        return false;
      },
    );
  }

  private async deliverAll(): Promise<void> {
    while (this.deliverable && !this.revoked && this.outbox.size > 0) {
      const batch = await this.sendOldestBatch();
      const { reply } = batch;
      if (reply.kind === 'ok') {
        this.failures = 0;
        await this.journaled(this.outbox.remove(batch.ids));
        this.events.emit('delivered', {
          kind: batch.kind,
          ...reply.body,
          pending: this.outbox.size,
        });
      } else if (reply.kind === 'refused' && reply.status !== 401) {
        this.options.logger.warn(
          { code: reply.code, items: batch.ids.length },
          'hub refused batch',
        );
        await this.journaled(this.outbox.remove(batch.ids));
      } else {
        this.failed(`${batch.kind} batch`, reply);
        if (!this.revoked) this.scheduleRetry();
        return;
      }
    }
  }

  private async sendOldestBatch(): Promise<Batch> {
    const signal = this.abort.signal;
    const events = this.outbox.oldest('telemetry', maxTelemetryBatch);
    if (events.length > 0) {
      const reply = await this.client.telemetry(
        events.map((i) => i.event),
        signal,
      );
      return { kind: 'telemetry', ids: events.map((i) => i.id), reply };
    }
    const responses = this.outbox.oldest('survey', maxSurveyBatch);
    const reply = await this.client.surveys(
      responses.map((i) => i.response),
      signal,
    );
    return { kind: 'survey', ids: responses.map((i) => i.id), reply };
  }

  private scheduleRetry(): void {
    if (!this.running) return;
    const delay = retryDelayMs(this.failures - 1, this.timing.retry, this.options.random);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.deliver();
    }, delay);
    this.retryTimer.unref();
  }

  /** Records a failed call: revocation stops sync for good, anything else is retried later. */
  private failed(
    call: string,
    reply: Exclude<HubReply<unknown>, { kind: 'ok' }>,
  ): 'revoked' | 'unreachable' {
    if (reply.kind === 'revoked') {
      if (!this.revoked) {
        this.revoked = true;
        this.options.logger.warn({ call }, 'the hub revoked this terminal; hub sync stops');
        this.events.emit('revoked', { call });
      }
      return 'revoked';
    }
    this.failures += 1;
    const reason =
      reply.kind === 'refused'
        ? reply.code
        : reply.kind === 'unreachable'
          ? reply.reason
          : reply.kind;
    if (this.running) this.events.emit('unreachable', { call, reason });
    return 'unreachable';
  }

  /** Runs `task` now and then `intervalMs` after each run ends, until stop. */
  private every(intervalMs: number, task: () => Promise<unknown>): void {
    const run = async () => {
      try {
        await task();
      } catch (error) {
        this.options.logger.warn({ err: error }, 'hub-sync task failed');
      }
      if (!this.running || this.revoked) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void run();
      }, intervalMs);
      timer.unref();
      this.timers.add(timer);
    };
    void run();
  }
}
