import { randomUUID } from 'node:crypto';
import { AusweisAppSupervisor, type Reader, type SdkClient } from '@sidbox/eid';
import { TypedEvents, type Logger } from '@sidbox/runtime';
import { createActuator } from './actuators/index.js';
import { AllowlistCache } from './allowlist-cache.js';
import { runAttempt, type AttemptReport } from './attempt.js';
import type { AccessPointConfig } from './config.js';
import { EidIdentifier } from './eid-identifier.js';
import { EidServerClient } from './eid-server-client.js';
import { HubClient } from './hub-client.js';
import { DecisionJournal, type FlushResult } from './journal.js';
import type { Actuator, HubLink, Identifier } from './ports.js';
import { allowlistVerifier } from './verify.js';

/** The reader whose card is put in by the SDK (SET_CARD), not by a hand. */
export const simulatorReader = 'Simulator';

/** The hub is asked for a fresh allowlist (and sent the journal) this often. */
export const hubSyncIntervalMs = 60_000;

export interface AccessPointEvents extends Record<string, unknown> {
  report: AttemptReport;
  synced: { allowlist: string; journal: FlushResult };
}

export interface AccessPointParts {
  config: AccessPointConfig;
  logger: Logger;
  identifier: Identifier;
  hub: HubLink;
  cache: AllowlistCache;
  journal: DecisionJournal;
  actuator: Actuator;
  /** The supervised AusweisApp; its READER events start attempts at a real reader. */
  supervisor?: Pick<AusweisAppSupervisor, 'on' | 'stop'>;
  /** Closed on stop after the rest. */
  closeAlso?: () => Promise<void>;
}

/**
 * The access point: one attempt at a time (a card presented during one is ignored), a hub sync
 * every minute and after each decision the hub answered, AusweisApp supervised (a crash is
 * logged and it restarts; an attempt in flight ends as no identity).
 */
export class AccessPoint {
  readonly #parts: AccessPointParts;
  readonly #events: TypedEvents<AccessPointEvents>;
  readonly #offs: (() => void)[] = [];
  #attempt: Promise<AttemptReport> | undefined;
  #sync: Promise<AccessPointEvents['synced']> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(parts: AccessPointParts) {
    this.#parts = parts;
    this.#events = new TypedEvents((error) =>
      parts.logger.error({ err: error }, 'access point listener failed'),
    );
  }

  /** Everything from the configuration: AusweisApp, the clients, the cache, the actuator. */
  static async start(config: AccessPointConfig, logger: Logger): Promise<AccessPoint> {
    const supervisor = new AusweisAppSupervisor({
      acceptTestPki: config.eidServer.testPki,
      logger,
    });
    const eidServer = new EidServerClient({
      origin: config.eidServer.origin,
      apiKey: config.secrets.eidServerApiKey,
      ...(config.secrets.eidServerCa !== undefined && { ca: config.secrets.eidServerCa }),
    });
    const actuator = await createActuator(config, logger);
    const point = new AccessPoint({
      config,
      logger,
      supervisor,
      identifier: new EidIdentifier({
        eidServer,
        ausweisApp: supervisor,
        reader: config.reader.name,
        // The eID-Server's plain "finished" page: AusweisApp only checks the certificate there.
        refreshAddress: new URL('/apps/done', config.eidServer.origin).href,
        stepTimeoutMs: config.eidServer.stepTimeoutMs,
        logger,
      }),
      hub: new HubClient({
        url: config.hub.url,
        token: config.secrets.hubToken,
        timeoutMs: config.hub.timeoutMs,
      }),
      cache: new AllowlistCache(
        config.stateDir,
        allowlistVerifier(config.hub.trustAnchor, config.hub.pointId),
      ),
      journal: new DecisionJournal(config.stateDir),
      actuator,
      closeAlso: () => eidServer.close(),
    });
    try {
      point.#watchAusweisApp(supervisor);
      await supervisor.start();
      await point.#begin();
    } catch (error) {
      await point.stop();
      throw error;
    }
    return point;
  }

  on<K extends keyof AccessPointEvents>(
    event: K,
    listener: (payload: AccessPointEvents[K]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  /**
   * A card was presented: runs an attempt unless one runs (then undefined). Never rejects:
   * a failure inside (the journal's disk) is logged and the door stays shut.
   */
  present(): Promise<AttemptReport> | undefined {
    if (this.#attempt) {
      this.#parts.logger.info({ event: 'busy' }, 'card presented during an attempt: ignored');
      return undefined;
    }
    const attempt = this.#runAttempt().finally(() => (this.#attempt = undefined));
    this.#attempt = attempt;
    return attempt;
  }

  /** A fresh allowlist from the hub, then the journal sent; one at a time. */
  syncWithHub(): Promise<AccessPointEvents['synced']> {
    this.#sync ??= this.#syncOnce().finally(() => (this.#sync = undefined));
    return this.#sync;
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    for (const off of this.#offs.splice(0)) off();
    await this.#attempt?.catch(() => undefined);
    await this.#sync?.catch(() => undefined);
    await this.#parts.supervisor?.stop();
    await this.#parts.actuator.close();
    await this.#parts.closeAlso?.();
  }

  /** Loads the cached list, syncs, and syncs every minute from then on. */
  async #begin(): Promise<void> {
    const loaded = await this.#parts.cache.load();
    this.#parts.logger.info(
      loaded.ok ? { allowlist: 'cached' } : { allowlist: 'none', why: loaded.code },
      'allowlist cache read',
    );
    await this.syncWithHub();
    this.#timer = setInterval(() => void this.syncWithHub(), hubSyncIntervalMs);
    this.#timer.unref();
  }

  async #runAttempt(): Promise<AttemptReport> {
    const parts = this.#parts;
    try {
      const report = await runAttempt({
        identifier: parts.identifier,
        hub: parts.hub,
        allowlist: parts.cache,
        journal: parts.journal,
        actuator: parts.actuator,
        allowlistMaxAgeMs: parts.config.hub.allowlistMaxAgeMinutes * 60_000,
        now: () => new Date(),
        newId: randomUUID,
        clock: () => performance.now(),
      });
      logReport(parts.logger, report);
      if (report.decided && report.source === 'online') void this.syncWithHub();
      this.#events.emit('report', report);
      return report;
    } catch (error) {
      parts.logger.error({ err: error }, 'attempt failed: door stays shut');
      const durations = { identifyMs: 0, decideMs: 0, actuateMs: 0, totalMs: 0 };
      const report: AttemptReport = {
        decided: false,
        why: 'no-identity',
        detail: 'internal-error',
        durations,
      };
      this.#events.emit('report', report);
      return report;
    }
  }

  async #syncOnce(): Promise<AccessPointEvents['synced']> {
    const { hub, cache, journal, logger } = this.#parts;
    const answer = await hub.allowlist();
    let allowlist: string;
    if (answer.kind === 'answer') {
      const accepted = await cache.accept(answer.value);
      allowlist = accepted.ok ? 'updated' : `rejected: ${accepted.code}`;
      if (!accepted.ok) logger.warn({ why: accepted.code }, 'allowlist from the hub not used');
    } else {
      allowlist = answer.kind === 'refused' ? `HTTP ${answer.status}` : answer.cause;
    }
    const flushed = await journal.flush(hub);
    if (flushed.sent > 0 || 'failed' in flushed)
      logger.info({ event: 'journal', ...flushed }, 'offline decisions sent to the hub');
    const synced = { allowlist, journal: flushed };
    this.#events.emit('synced', synced);
    return synced;
  }

  /** Crashes are events (the supervisor restarts AusweisApp); a card on a real reader starts an attempt. */
  #watchAusweisApp(supervisor: Pick<AusweisAppSupervisor, 'on'>): void {
    const { logger, config } = this.#parts;
    let offReader: (() => void) | undefined;
    this.#offs.push(
      supervisor.on('crashed', (crash) =>
        logger.warn({ event: 'ausweisapp-crashed', ...crash }, 'AusweisApp crashed'),
      ),
      supervisor.on('restarting', (info) =>
        logger.info({ event: 'ausweisapp-restarting', ...info }, 'AusweisApp restarting'),
      ),
      supervisor.on('ready', ({ client }) => {
        offReader?.();
        if (config.reader.name !== simulatorReader)
          offReader = watchCardArrival(client, config.reader.name, () => void this.present());
      }),
      () => offReader?.(),
    );
  }
}

/** Calls `arrived` when a card appears on `reader` (card null before, a card now). */
function watchCardArrival(
  client: Pick<SdkClient, 'onReader' | 'readers'>,
  reader: string,
  arrived: () => void,
): () => void {
  let present = client.readers.get(reader)?.card != null;
  return client.onReader((update: Reader) => {
    if (update.name !== reader) return;
    const now = update.attached && update.card != null;
    if (now && !present) arrived();
    present = now;
  });
}

/** One line per attempt: the decision, its source and durations; never the pseudonym. */
function logReport(logger: Logger, report: AttemptReport): void {
  const { durations, ...rest } = report;
  const fields = { event: 'attempt', ...rest, ...durations };
  if (report.decided)
    logger.info(
      fields,
      `access ${report.granted ? 'granted' : 'refused'} (${report.reason}, ${report.source})`,
    );
  else logger.info(fields, `access refused: no decision (${report.why})`);
}
