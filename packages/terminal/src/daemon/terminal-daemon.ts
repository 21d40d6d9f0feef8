import type { EidSource } from '@sidbox/eid';
import { silentLogger, TypedEvents, type Logger } from '@sidbox/runtime';
import type {
  ControlReply,
  ControlRequest,
  LocalTerminalConfig,
  TerminalConfig,
  TerminalStatus,
} from '@sidbox/protocol';
import type { KioskBrowser } from '../browser/kiosk-browser.js';
import { ControlError, ok } from '../control/reply.js';
import { ControlSocketServer } from '../control/socket-server.js';
import { CardReminder } from '../features/card-reminder/card-reminder.js';
import { CitizenPreferences } from '../features/citizen-preferences/citizen-preferences.js';
import { EidStart } from '../features/eid-start/eid-start.js';
import { HubLink } from '../features/hub-link/hub-link.js';
import { PhoneSetup } from '../features/phone-setup/phone-setup.js';
import { Printing } from '../features/printing/printing.js';
import { ReadAloud } from '../features/read-aloud/read-aloud.js';
import { Scanning } from '../features/scanning/scanning.js';
import { StaffMenuFeature } from '../features/staff-menu/staff-menu.js';
import { defaultKioskUiDir, KioskUiServer } from '../kiosk-ui-server/server.js';
import { SessionController } from '../session/controller.js';
import { EidSession } from '../session/eid-session.js';
import type { SessionEndReason } from '../session/machine.js';
import { planWipe, runWipe } from '../session/wipe.js';
import { HeartbeatFactsCollector } from '../telemetry/heartbeat-facts.js';
import { ActionDispatcher } from './action-dispatcher.js';
import { CoreListeners } from './core-listeners.js';
import { browserPart, devicesPart, eidPart, service, sessionPart } from './core-parts.js';
import type { DaemonBusEvents, TerminalDaemonEvents } from './daemon-events.js';
import { sessionTimings, withHubConfig } from './hub-config.js';
import { eidScreenActions } from './kiosk-actions.js';
import { KioskTexts } from './kiosk-texts.js';
import { kioskView } from './kiosk-view.js';
import { defaultShutdownLimits, Lifecycle } from './lifecycle.js';
import { navigationRules } from './navigation-rules.js';
import {
  actionTable,
  partsView,
  wipeExecutors,
  wipeFacts,
  type Part,
  type WipeExecutors,
} from './part.js';
import { offeredReaders, physicalReaderAttached, readerMissing } from './reader-presence.js';
import { ServicePages } from './service-pages.js';
import { defaultLook } from './session-look.js';
import { SessionActions } from './session-actions.js';
import { SessionDir } from './session-dir.js';
import { SystemdNotifier } from './systemd-notifier.js';
import { TerminalDevices } from './terminal-devices.js';
import type { TerminalDaemonOptions } from './terminal-daemon-options.js';
import { TrainingMode } from './training-mode.js';

export type { TerminalDaemonEvents } from './daemon-events.js';
export type { TerminalDaemonOptions } from './terminal-daemon-options.js';

/**
 * The terminal daemon's composition root: the core services (kiosk UI server, eID, session
 * machine, browser, control socket, devices), then the features, started in the order of
 * `#parts` and stopped in reverse.
 */
export class TerminalDaemon {
  readonly #logger: Logger;
  readonly #browser: KioskBrowser;
  readonly #ui: KioskUiServer;
  readonly #eid: EidSession;
  readonly #session: SessionController;
  readonly #bus: TypedEvents<DaemonBusEvents>;
  readonly #facts: HeartbeatFactsCollector;
  readonly #devices: TerminalDevices;
  readonly #listeners: CoreListeners;
  readonly #hub: HubLink;
  readonly #parts: readonly Part[];
  readonly #dispatcher: ActionDispatcher;
  readonly #wipe: Partial<WipeExecutors>;
  readonly #lifecycle: Lifecycle;
  /** AusweisApp's Simulator card is for tests and for demos against a test eID-Server. */
  readonly #offersSimulator: boolean;
  #config: LocalTerminalConfig;

  constructor(options: TerminalDaemonOptions) {
    this.#config = options.config;
    const ausweisApp: EidSource =
      options.eidSource?.kind === 'ausweisapp'
        ? options.eidSource
        : { kind: 'ausweisapp', acceptTestPki: options.config.testEidServer !== undefined };
    const training = options.training === true || options.config.training;
    this.#offersSimulator =
      options.eidDeveloperMode === true || options.config.testEidServer !== undefined;
    // Subsystems get the process logger and name their own component; a child of this child
    // would carry `component` twice.
    const processLogger = options.logger ?? silentLogger();
    const logger = processLogger.child({ component: 'daemon' });
    this.#logger = logger;
    const browser = (this.#browser = options.browser);
    const texts = KioskTexts.load(options.kioskUiDir ?? defaultKioskUiDir, logger);
    const publish = () => this.#publish();
    const config = () => this.#config;
    const ui = (this.#ui = new KioskUiServer({
      port: options.kioskUiPort,
      uiDir: options.kioskUiDir,
      logger: processLogger,
      view: () => this.#view(),
      act: (action) => this.#dispatcher.fromKioskUi(action),
    }));
    const kioskUrl = (path: string) => ui.url(path);
    const eid = (this.#eid = new EidSession({
      source:
        options.eidSource ?? (training ? { kind: 'training', scenario: 'normal' } : ausweisApp),
      open: options.openEid,
      logger: processLogger,
      developerMode: options.eidDeveloperMode,
    }));
    const session = (this.#session = new SessionController(
      sessionTimings(options.config.session),
      {
        beginSession: (signal) => this.#beginSession(signal),
        wipe: (reason, signal) => this.#wipeSession(reason, signal),
      },
      processLogger,
    ));
    const bus = (this.#bus = new TypedEvents((error) =>
      logger.error({ err: error }, 'daemon listener failed'),
    ));
    const devices = (this.#devices = new TerminalDevices(
      options.config.devices,
      options.devices ?? {},
      processLogger,
    ));
    const facts = (this.#facts = new HeartbeatFactsCollector(eid, devices, browser));
    this.#listeners = new CoreListeners({
      browser,
      eid,
      session,
      devices,
      facts,
      logger,
      publish,
      kioskBar: (report) => this.#dispatcher.fromKioskBar(report),
      staffMenuRequested: () => bus.emit('staff-menu', {}),
    });
    const sessionDir = new SessionDir();
    // The citizen's language as the parts show it (a choice, else the terminal's first).
    const language = () => partsView(this.#parts).language ?? defaultLook(this.#config).language;
    const pages = new ServicePages({
      config,
      browser,
      texts,
      language,
      kioskOrigins: () => ui.origins,
    });
    const trainingMode = new TrainingMode({ eid, session, ausweisApp, publish, logger });
    this.#hub = new HubLink({
      connection: options.hub,
      session,
      eid,
      bus,
      logger: processLogger,
      heartbeatFacts: () => facts.facts(),
      apply: (hubConfig) => this.#applyHubConfig(hubConfig),
      training: () => this.training,
    });
    const parts = [
      service('kiosk UI server', ui),
      eidPart(eid, options.eidCancelGraceMs ?? 2_000),
      sessionDir,
      this.#listeners,
      devicesPart(devices),
      new SessionActions({ session, browser, config, language, kioskUrl, bus }),
      eidScreenActions(eid),
      trainingMode,
      // The features, each in its own folder under src/features.
      new CitizenPreferences({ config, session, browser, bus, publish, logger }),
      new EidStart({ eid, browser, session, kioskUrl, logger }),
      new Printing({
        printer: devices.printer,
        browser,
        session,
        sessionDir,
        pages,
        bus,
        logger,
      }),
      new Scanning({
        scanner: devices.scanner,
        maxPages: options.config.devices?.scanner?.maxPages ?? 10,
        browser,
        session,
        sessionDir,
        pages,
        texts,
        language,
        bus,
        logger,
      }),
      new CardReminder({ eid, devices, bus, publish, ms: options.cardReminderMs ?? 30_000 }),
      new StaffMenuFeature({
        pinHash: options.config.staff?.pinHash,
        devices,
        publish,
        logger: processLogger,
        switchTraining: (on) => trainingMode.switchTo(on),
      }),
      new ReadAloud({ speaker: options.speaker, language, logger }),
      new PhoneSetup({
        config,
        session,
        browser,
        kioskOrigins: () => ui.origins,
        publish,
        logger,
        ...(options.phoneCheckPollMs !== undefined && { pollMs: options.phoneCheckPollMs }),
      }),
      browserPart(
        browser,
        () => navigationRules(this.#config, ui.origins),
        () => ui.url('/'),
      ),
      sessionPart(session),
      service(
        'control socket',
        new ControlSocketServer(
          options.ctlSocketPath,
          (request) => this.handle(request),
          processLogger,
        ),
      ),
      // After the browser: the first heartbeat reports its policy.
      this.#hub,
      new SystemdNotifier(options.notifyEnv ?? process.env, logger),
    ] as const;
    this.#parts = parts;
    this.#dispatcher = new ActionDispatcher({ handlers: actionTable(parts), session, logger });
    this.#wipe = wipeExecutors(parts);
    this.#lifecycle = new Lifecycle(
      parts,
      { ...defaultShutdownLimits, ...options.shutdown },
      logger,
    );
  }

  on<K extends keyof TerminalDaemonEvents>(
    event: K,
    listener: (payload: TerminalDaemonEvents[K]) => void,
  ): () => void {
    return this.#bus.on(event, listener);
  }

  /** Training mode: the eID source is the training card (staff can switch it at runtime). */
  get training(): boolean {
    return this.#eid.training;
  }

  /** Hub sync, when the terminal is enrolled (tests wait on its `delivered` events). */
  get hubSync() {
    return this.#hub.sync;
  }

  /** The configuration the terminal runs now: the local one, or the hub's once applied. */
  get config(): LocalTerminalConfig {
    return this.#config;
  }

  /** The session controller, for subscribing to its events (tests, bench, telemetry). */
  get session(): SessionController {
    return this.#session;
  }

  /** The eID side, for subscribing to its steps (kiosk UI, tests). */
  get eid(): EidSession {
    return this.#eid;
  }

  /** The terminal's peripherals (tests wait on their events). */
  get devices(): TerminalDevices {
    return this.#devices;
  }

  /** The kiosk UI's address with its token, e.g. for a browser opened by hand. */
  get kioskUrl(): string {
    return this.#ui.url('/');
  }

  get kioskOrigin(): string {
    return this.#ui.origin;
  }

  async start(): Promise<void> {
    try {
      await this.#lifecycle.start();
      this.#logger.info({ kiosk: this.#ui.origin, training: this.training }, 'terminal ready');
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Reverse order of start, bounded in time; safe after a partial start and when called twice. */
  async stop(): Promise<void> {
    await this.#lifecycle.stop();
  }

  status(): TerminalStatus {
    const snapshot = this.#session.snapshot;
    const workflow = this.#eid.workflow;
    return {
      state: snapshot.phase,
      sessionId: snapshot.sessionId,
      since: new Date(snapshot.since).toISOString(),
      url: this.#browser.currentUrl,
      eid: { workflow: workflow?.kind ?? null, step: workflow?.step.step ?? null },
      training: this.training,
      blockedNavigations: this.#facts.blockedNavigations,
      browser: { policyEnforced: this.#browser.policyEnforced },
      devices: {
        matFallback: this.#devices.matFallback,
        readerMissing: this.#devices.readerMissing,
        staffMenuRequested: this.#listeners.staffMenuRequested,
      },
    };
  }

  /** One control-socket request. */
  async handle(request: ControlRequest): Promise<ControlReply> {
    switch (request.cmd) {
      case 'status':
        return ok(this.status());
      case 'session':
        this.#session.dispatch({ type: request.action });
        return ok(this.status());
      case 'input':
        this.#session.dispatch({ type: request.input });
        return ok(this.status());
      case 'open':
        await this.#dispatcher.run({ type: 'open', serviceId: request.serviceId });
        return ok(this.status());
      case 'screenshot': {
        const png = await this.#browser.screenshot().catch((error: unknown) => {
          this.#logger.warn({ err: error }, 'screenshot failed');
          throw new ControlError('browser-failed', 'the browser could not take a screenshot');
        });
        return ok({ png: png.toString('base64') });
      }
      case 'devices':
        return ok(this.#devices.summary());
    }
  }

  async #beginSession(signal: AbortSignal): Promise<void> {
    for (const part of this.#parts) await part.sessionBegins?.(signal);
  }

  async #wipeSession(reason: SessionEndReason, signal: AbortSignal): Promise<void> {
    const phases = planWipe(wipeFacts(this.#parts));
    this.#logger.info({ reason, phases }, 'wiping session');
    for (const part of this.#parts) await part.sessionEnds?.();
    // A feature the terminal is built without has nothing to wipe.
    await runWipe(phases, async (step, stepSignal) => this.#wipe[step]?.(stepSignal), signal);
  }

  #applyHubConfig(config: TerminalConfig): void {
    this.#config = withHubConfig(this.#config, config);
    this.#browser.setRules(navigationRules(this.#config, this.#ui.origins));
    this.#session.setTimings(sessionTimings(this.#config.session));
    this.#bus.emit('config-changed', this.#config);
    this.#logger.info({ version: config.version }, 'hub configuration applied');
    this.#publish();
    void this.#renewIdleBrowser().then(() =>
      this.#bus.emit('config-applied', { version: config.version }),
    );
  }

  /**
   * A browser keeps the policy it was launched with: while nobody is at the terminal, the
   * attract screen moves to one with the new rules, or the next citizen could not open a
   * service that came with the new configuration (a citizen's session gets it at its end).
   */
  async #renewIdleBrowser(): Promise<void> {
    if (this.#session.snapshot.phase !== 'idle') return;
    try {
      await this.#browser.reset(this.#ui.url('/'));
    } catch (error) {
      this.#logger.warn({ err: error }, 'browser not renewed for the new configuration');
    }
  }

  #view() {
    const training = this.training;
    const devices = this.#devices.summary();
    return kioskView({
      config: this.#config,
      training,
      session: this.#session.snapshot,
      eid: offeredReaders(this.#listeners.eidStep, this.#offersSimulator),
      readerMissing: readerMissing(
        training || this.#offersSimulator,
        physicalReaderAttached(this.#eid, devices),
      ),
      trainingScenario: this.#eid.trainingScenario,
      parts: partsView(this.#parts),
    });
  }

  #publish(): void {
    this.#ui.publish(this.#view());
  }
}
