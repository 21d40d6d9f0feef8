import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TrainingCardError, type EidConnection, type EidSource } from '@sidbox/eid';
import { Secret, silentLogger, TypedEvents, type Logger } from '@sidbox/runtime';
import type {
  ControlReply,
  ControlRequest,
  EidStep,
  KioskAction,
  LocalTerminalConfig,
  TerminalConfig,
  TerminalStatus,
} from '@sidbox/protocol';
import { serviceOf } from '../browser/decide-navigation.js';
import type {
  EidStartAnswer,
  EidStartRequest,
  FileChooserEvent,
  KioskBarReport,
  KioskBrowser,
  SessionLook,
} from '../browser/kiosk-browser.js';
import { ControlError, failure, ok } from '../control/reply.js';
import { ControlSocketServer } from '../control/socket-server.js';
import { defaultKioskUiDir, KioskUiServer } from '../kiosk-ui-server/server.js';
import { SessionController } from '../session/controller.js';
import { EidBusyError, EidSession } from '../session/eid-session.js';
import type { SessionEndReason } from '../session/machine.js';
import { planWipe, runWipe, type WipeStep } from '../session/wipe.js';
import { HeartbeatFactsCollector } from '../telemetry/heartbeat-facts.js';
import { TelemetryRecorder } from '../telemetry/recorder.js';
import { sessionTimings, withHubConfig } from './hub-config.js';
import { HubLink, type HubConnectionOptions } from './hub-link.js';
import { actOnWorkflow, eidUserAction } from './kiosk-actions.js';
import { isNoticeKey, KioskTexts, type NoticeKey } from './kiosk-texts.js';
import { kioskView } from './kiosk-view.js';
import { navigationRules } from './navigation-rules.js';
import { offeredReaders, physicalReaderAttached, readerMissing } from './reader-presence.js';
import { ScanController, type ScanOutcome } from './scan-controller.js';
import { defaultLook, withLanguage, withTextScale } from './session-look.js';
import { ReadAloud, type Speaker } from './speaker.js';
import { StaffMenu } from './staff-menu-controller.js';
import { surveyResponse } from './survey.js';
import { TerminalDevices, type DeviceEnvironment } from './terminal-devices.js';

export interface TerminalDaemonOptions {
  config: LocalTerminalConfig;
  /** The `--training` flag; the configuration can switch it on as well. */
  training?: boolean;
  ctlSocketPath: string;
  browser: KioskBrowser;
  logger?: Logger;
  /** Default: the training card ("normal" scenario) in training mode, else AusweisApp. */
  eidSource?: EidSource;
  openEid?: (source: EidSource, logger: Logger) => Promise<EidConnection>;
  kioskUiPort?: number;
  kioskUiDir?: string;
  /** How long "Karte nicht vergessen" stays up if the card is not taken. */
  cardReminderMs?: number;
  /** How long a wipe waits for a cancelled eID workflow's outcome. */
  eidCancelGraceMs?: number;
  /**
   * Tests against the real AusweisApp only: http refresh addresses, and its Simulator reader
   * offered as a card reader. Never in production.
   */
  eidDeveloperMode?: boolean;
  /** The enrolled hub; without it the terminal runs on its local configuration alone. */
  hub?: HubConnectionOptions;
  /** Where the device tools talk to (CUPS server, SANE config); system defaults when unset. */
  devices?: DeviceEnvironment;
  /** The read-aloud button's synthesizer; without one the kiosk shows no speaker button. */
  speaker?: Speaker;
}

export interface TerminalDaemonEvents extends Record<string, unknown> {
  /** A configuration from the hub replaced the local one (at an idle moment). */
  'config-applied': { version: number };
  /** A page from the kiosk bar went to the printer (job id), or could not (error code). */
  printed: { jobId: string; file: string } | { error: string };
  /** A scan was handed to a service's file input, could not be, or the citizen cancelled it. */
  scanned: ScanOutcome;
  /** "Karte nicht vergessen" appeared (true) or went away (false). */
  'card-reminder': { shown: boolean };
  /** The reset button was held long enough for the staff menu. */
  'staff-menu': Record<string, never>;
}

/**
 * The terminal daemon: kiosk UI server, eID, kiosk browser, session machine and control
 * socket, started in that order and stopped in reverse. A crash of the browser or AusweisApp
 * is a session event (wipe, back to attract), never a reason to exit.
 */
export class TerminalDaemon {
  readonly #options: TerminalDaemonOptions;
  readonly #logger: Logger;
  readonly #browser: KioskBrowser;
  readonly #ui: KioskUiServer;
  readonly #eid: EidSession;
  readonly #session: SessionController;
  readonly #control: ControlSocketServer;
  readonly #events: TypedEvents<TerminalDaemonEvents>;
  readonly #facts: HeartbeatFactsCollector;
  readonly #telemetry: TelemetryRecorder;
  readonly #hub: HubLink | undefined;
  readonly #devices: TerminalDevices;
  readonly #texts: KioskTexts;
  readonly #readAloud: ReadAloud;
  readonly #staff: StaffMenu;
  /** The citizen's scan over a service page; none without a scanner. */
  readonly #scan: ScanController | undefined;
  /** The real AusweisApp, for when staff switch training mode off. */
  readonly #ausweisAppSource: EidSource;
  #config: LocalTerminalConfig;
  /** The citizen's language and text size; back to the defaults when the session ends. */
  #look: SessionLook;
  /** CUPS jobs of the running session: cancelled and purged at its end. */
  #printJobs: string[] = [];
  #prints = 0;
  #staffMenuRequested = false;
  #unsubscribe: (() => void)[] = [];
  #eidStep: EidStep | null = null;
  #cardReminder: AbortController | undefined;
  #sessionDir: string | undefined;
  constructor(options: TerminalDaemonOptions) {
    this.#options = options;
    this.#config = options.config;
    this.#look = defaultLook(options.config);
    const training = options.training === true || options.config.training;
    this.#ausweisAppSource =
      options.eidSource?.kind === 'ausweisapp'
        ? options.eidSource
        : { kind: 'ausweisapp', acceptTestPki: options.config.testEidServer !== undefined };
    // Subsystems get the process logger and name their own component; a child of this child
    // would carry `component` twice.
    const processLogger = options.logger ?? silentLogger();
    this.#logger = processLogger.child({ component: 'daemon' });
    this.#browser = options.browser;
    this.#texts = KioskTexts.load(options.kioskUiDir ?? defaultKioskUiDir, this.#logger);
    this.#readAloud = new ReadAloud(options.speaker, this.#logger);
    this.#staff = new StaffMenu({
      pinHash: options.config.staff?.pinHash,
      logger: processLogger,
      changed: () => this.#publish(),
    });
    this.#ui = new KioskUiServer({
      port: options.kioskUiPort,
      uiDir: options.kioskUiDir,
      logger: processLogger,
      view: () => this.#view(),
      act: (action) => this.#act(action),
    });
    this.#eid = new EidSession({
      source:
        options.eidSource ??
        (training ? { kind: 'training', scenario: 'normal' } : this.#ausweisAppSource),
      open: options.openEid,
      logger: processLogger,
      developerMode: options.eidDeveloperMode,
    });
    this.#session = new SessionController(
      sessionTimings(options.config.session),
      {
        beginSession: (signal) => this.#beginSession(signal),
        wipe: (reason, signal) => this.#wipe(reason, signal),
      },
      processLogger,
    );
    this.#control = new ControlSocketServer(
      options.ctlSocketPath,
      (request) => this.handle(request),
      processLogger,
    );
    this.#events = new TypedEvents((error) =>
      this.#logger.error({ err: error }, 'daemon listener failed'),
    );
    this.#devices = new TerminalDevices(
      options.config.devices,
      options.devices ?? {},
      processLogger,
    );
    const scanner = this.#devices.scanner;
    this.#scan = scanner
      ? new ScanController({
          scanner,
          browser: this.#browser,
          maxPages: options.config.devices?.scanner?.maxPages ?? 10,
          text: (key) => this.#texts.text(this.#look.language, key),
          logger: this.#logger,
          finished: (outcome) => void this.#onScanFinished(outcome),
        })
      : undefined;
    this.#facts = new HeartbeatFactsCollector(this.#eid, this.#devices, this.#browser);
    this.#hub = options.hub
      ? new HubLink({
          ...options.hub,
          logger: processLogger,
          heartbeatFacts: () => this.#facts.facts(),
          isIdle: () => this.#session.snapshot.phase === 'idle',
          apply: (config) => this.#applyHubConfig(config),
        })
      : undefined;
    this.#telemetry = new TelemetryRecorder(
      () => this.training,
      (event) => this.#hub?.sync.enqueueTelemetry(event),
    );
  }

  on<K extends keyof TerminalDaemonEvents>(
    event: K,
    listener: (payload: TerminalDaemonEvents[K]) => void,
  ): () => void {
    return this.#events.on(event, listener);
  }

  /** Training mode: the eID source is the training card (staff can switch it at runtime). */
  get training(): boolean {
    return this.#eid.training;
  }

  /** Hub sync, when the terminal is enrolled (tests wait on its `delivered` events). */
  get hubSync() {
    return this.#hub?.sync;
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
      await this.#ui.start();
      await this.#eid.start();
      this.#browser.setRules(navigationRules(this.#config, this.#ui.origins));
      this.#browser.setEidStartHandler((request) => this.#eidStart(request));
      this.#unsubscribe = [
        this.#browser.on('crashed', ({ kind, detail }) => {
          this.#logger.warn({ kind, detail }, 'browser crashed');
          this.#session.dispatch({ type: 'crash', source: 'browser' });
        }),
        this.#browser.on('activity', () => this.#session.dispatch({ type: 'activity' })),
        this.#eid.on('crashed', ({ detail }) => {
          this.#logger.warn({ detail }, 'eID crashed');
          this.#session.dispatch({ type: 'crash', source: 'eid' });
        }),
        this.#eid.on('step', (step) => {
          this.#eidStep = step;
          this.#publish();
        }),
        // A reader or card came or went, or a training card was put in: no polling.
        this.#eid.on('readers', () => this.#publish()),
        this.#browser.on('blocked', () => this.#facts.noteBlockedNavigation()),
        this.#browser.on('kiosk-bar', (report) => this.#onKioskBar(report)),
        this.#session.on('changed', ({ phase }) => {
          this.#publish();
          if (phase === 'idle') this.#hub?.applyIfIdle();
        }),
        this.#session.on('session-ended', ({ reason, durationMs }) => {
          this.#facts.noteSessionEnded();
          this.#logger.info({ reason, durationMs }, 'session ended');
        }),
        this.#browser.on('file-chooser', (event) => void this.#onFileChooser(event)),
        // A new document has no file field of the old one to hand pages to.
        this.#browser.on('navigated', () => void this.#scan?.abandon()),
        ...this.#deviceListeners(),
      ];
      // Devices never fail the start: a missing one is a state in diagnostics and heartbeat.
      await this.#devices.start();
      await this.#readAloud.start();
      this.#telemetry.start(this.#session, this.#eid);
      await this.#browser.start(this.#ui.url('/'));
      await this.#control.start();
      await this.#hub?.start();
      this.#logger.info({ kiosk: this.#ui.origin, training: this.training }, 'terminal ready');
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  /** Reverse order of start; safe after a partial start and when called twice. */
  async stop(): Promise<void> {
    const steps: [string, () => Promise<void>][] = [
      ['control socket', () => this.#control.stop()],
      ['session', () => this.#session.stop()],
      ['hub sync', async () => this.#hub?.stop()],
      ['card reminder', async () => this.#cardReminder?.abort()],
      ['staff menu', async () => this.#staff.stop()],
      ['read-aloud', async () => this.#readAloud.stop()],
      ['print jobs', () => this.#cancelPrintJobs()],
      ['devices', () => this.#devices.stop()],
      ['browser', () => this.#browser.stop()],
      ['eid', () => this.#eid.stop()],
      ['kiosk UI server', () => this.#ui.stop()],
      ['session dir', () => this.#removeSessionDir()],
    ];
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#telemetry.stop();
    for (const [name, step] of steps) {
      await step().catch((error: unknown) =>
        this.#logger.error({ err: error, step: name }, 'stop step failed'),
      );
    }
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
        staffMenuRequested: this.#staffMenuRequested,
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
        await this.#open(request.serviceId);
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

  async #open(serviceId: string): Promise<void> {
    const service = this.#config.services.find((candidate) => candidate.id === serviceId);
    if (!service) throw new ControlError('unknown-service', `no service "${serviceId}"`);
    this.#enterSession();
    await this.#session.settled();
    this.#telemetry.record({ type: 'service-opened', serviceId });
    await this.#browser.navigate(service.startUrl.replaceAll('{lang}', this.#look.language));
  }

  /** Starts a session if none runs; refuses while one is being wiped. */
  #enterSession(): void {
    const phase = this.#session.snapshot.phase;
    if (phase === 'wiping') throw new ControlError('not-now', 'the terminal is wiping a session');
    if (phase === 'idle') this.#session.dispatch({ type: 'start' });
    this.#session.dispatch({ type: 'activity' });
  }

  /**
   * Fast Lane: a PIN change on the card in the reader, its steps shown on the kiosk's eID
   * screens; the outcome page follows when it ends, unless the session ended first.
   */
  #changePin(): void {
    this.#enterSession();
    const sessionId = this.#session.snapshot.sessionId;
    try {
      void this.#eid.changePin().done.then((outcome) => {
        if (this.#session.snapshot.sessionId !== sessionId || !this.#inSession()) return;
        this.#browser
          .navigate(this.#ui.url(`/outcome?code=${outcome.code}`))
          .catch((error: unknown) => this.#logger.warn({ err: error }, 'PIN change outcome page'));
      });
    } catch (error) {
      if (error instanceof EidBusyError) throw new ControlError('not-now', error.message);
      throw error;
    }
  }

  #submitSurvey(action: Extract<KioskAction, { type: 'survey' }>): void {
    const response = surveyResponse(action, this.training);
    if (this.#hub) this.#hub.sync.enqueueSurvey(response);
    else this.#logger.info('survey answered; no hub enrolled, so it is not kept');
  }

  #applyHubConfig(config: TerminalConfig): void {
    this.#config = withHubConfig(this.#config, config);
    this.#browser.setRules(navigationRules(this.#config, this.#ui.origins));
    this.#session.setTimings(sessionTimings(this.#config.session));
    if (!this.#config.languages.includes(this.#look.language))
      this.#look = defaultLook(this.#config);
    this.#logger.info({ version: config.version }, 'hub configuration applied');
    this.#publish();
    this.#events.emit('config-applied', { version: config.version });
  }

  async #act(action: KioskAction): Promise<ControlReply> {
    try {
      const eidAction = eidUserAction(action);
      if (eidAction) {
        actOnWorkflow(this.#eid.workflow, eidAction);
        return ok();
      }
      switch (action.type) {
        case 'start':
        case 'end':
        case 'activity':
          this.#session.dispatch({ type: action.type });
          return ok();
        case 'home':
          await this.#home();
          return ok();
        case 'open':
          await this.#open(action.serviceId);
          return ok();
        case 'change-pin':
          this.#changePin();
          return ok();
        case 'survey':
          this.#submitSurvey(action);
          return ok();
        case 'language':
          await this.#citizenLook(withLanguage(this.#look, this.#config, action.language));
          return ok();
        case 'text-size':
          await this.#citizenLook(withTextScale(this.#look, action.scale));
          return ok();
        case 'back':
          await this.#back();
          return ok();
        case 'speak':
          this.#readAloud.speak(action.text, this.#look.language);
          return ok();
        case 'speak-stop':
          this.#readAloud.stop();
          return ok();
        case 'training-scenario':
          this.#insertTrainingCard(action.scenario);
          return ok();
        case 'staff-pin':
          // A Secret from here on: no log line, reply or error can carry the digits.
          await this.#staff.enterPin(Secret.digits(action.value));
          return ok();
        case 'staff-training':
          this.#staff.requireMenu();
          await this.#switchTraining(action.on);
          return ok();
        case 'staff-close':
          this.#staff.close();
          return ok();
        default:
          return failure(new ControlError('bad-request', 'unknown action'));
      }
    } catch (error) {
      if (!(error instanceof ControlError))
        this.#logger.error({ err: error }, 'kiosk action failed');
      return failure(error);
    }
  }

  /** The service list, in the same session. */
  async #home(): Promise<void> {
    this.#session.dispatch({ type: 'activity' });
    await this.#browser.navigate(this.#ui.url('/'));
  }

  /** One page back on a service page; the service list when there is no page to go back to. */
  async #back(): Promise<void> {
    this.#session.dispatch({ type: 'activity' });
    if (!(await this.#browser.back())) await this.#home();
  }

  /**
   * The citizen chose a language or text size (a kiosk screen or the kiosk bar). Choosing is
   * being there: it starts a session on the attract screen, whose end resets the choice.
   */
  async #citizenLook(look: SessionLook): Promise<void> {
    this.#enterSession();
    this.#look = look;
    this.#publish();
    await this.#browser.setSessionLook(look);
    await this.#scan?.render();
  }

  /** A tap on the kiosk bar of a service page (the browser vouches for the tap). */
  #onKioskBar(report: KioskBarReport): void {
    if (!this.#inSession()) return;
    this.#logger.info({ action: report.action }, 'kiosk bar');
    const run = (step: () => Promise<void>): void =>
      void step().catch((error: unknown) => {
        if (error instanceof ControlError) this.#logger.warn({ code: error.code }, error.message);
        else this.#logger.warn({ err: error, action: report.action }, 'kiosk bar action failed');
      });
    switch (report.action) {
      case 'end':
        this.#session.dispatch({ type: 'end' });
        return;
      case 'print':
        this.#session.dispatch({ type: 'activity' });
        void this.#print();
        return;
      case 'home':
        return run(() => this.#home());
      case 'back':
        return run(() => this.#back());
      case 'language':
        return run(async () =>
          this.#citizenLook(withLanguage(this.#look, this.#config, report.language)),
        );
      case 'text-size':
        return run(() => this.#citizenLook(withTextScale(this.#look, report.scale)));
      case 'scan':
        this.#session.dispatch({ type: 'activity' });
        return run(async () => this.#scan?.command(report.scan));
    }
  }

  /** Training: staff put a card of `scenario` in the training reader. */
  #insertTrainingCard(scenario: string): void {
    try {
      this.#eid.insertTrainingCard(scenario);
    } catch (error) {
      if (!(error instanceof TrainingCardError)) throw error;
      const code = error.code === 'unknown-scenario' ? 'bad-request' : 'not-now';
      throw new ControlError(code, error.message);
    }
    this.#logger.info({ scenario }, 'training card inserted');
    this.#publish();
  }

  /**
   * Staff switch training mode on or off: the citizen session, if any, ends and is wiped first;
   * then the eID source changes (training card or the real AusweisApp).
   */
  async #switchTraining(on: boolean): Promise<void> {
    if (on === this.training) return;
    this.#logger.info({ training: on }, 'staff switch training mode');
    if (this.#session.snapshot.phase !== 'idle') {
      const idle = this.#untilIdle();
      this.#session.dispatch({ type: 'end' });
      await idle;
    }
    await this.#eid.switchSource(
      on ? { kind: 'training', scenario: 'normal' } : this.#ausweisAppSource,
    );
    this.#logger.info({ training: this.training }, 'training mode switched');
    this.#publish();
  }

  #untilIdle(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.#session.on('changed', ({ phase }) => {
        if (phase !== 'idle') return;
        off();
        resolve();
      });
    });
  }

  /**
   * A service page started the eID: the browser is sent to the kiosk's eID screens at once,
   * and to the outcome's address (refresh or communication error) when the workflow ends.
   */
  async #eidStart(request: EidStartRequest): Promise<EidStartAnswer> {
    const phase = this.#session.snapshot.phase;
    if (phase === 'wiping') return { kind: 'kiosk-page', url: this.#ui.url('/') };
    if (phase === 'idle') this.#session.dispatch({ type: 'start' });
    this.#session.dispatch({ type: 'activity' });
    const sessionId = this.#session.snapshot.sessionId;
    try {
      const workflow = this.#eid.authenticate(request.tcTokenURL);
      void workflow.done.then((outcome) => {
        if (this.#session.snapshot.sessionId !== sessionId || !this.#inSession()) return;
        const next = outcome.url ?? this.#ui.url(`/error?code=${outcome.code}`);
        this.#browser
          .navigate(next)
          .catch((error: unknown) => this.#logger.warn({ err: error }, 'eID outcome navigation'));
      });
      return { kind: 'kiosk-page', url: this.#ui.url('/eid') };
    } catch (error) {
      const code = error instanceof EidBusyError ? error.code : 'eid-error';
      if (!(error instanceof EidBusyError)) this.#logger.error({ err: error }, 'eID start failed');
      return { kind: 'kiosk-page', url: this.#ui.url(`/error?code=${code}`) };
    }
  }

  /** Mat and reset button feed the session machine; the rest is status for staff. */
  #deviceListeners(): (() => void)[] {
    const devices = this.#devices;
    return [
      devices.on('mat-on', () => this.#session.dispatch({ type: 'mat-on' })),
      devices.on('mat-off', () => this.#session.dispatch({ type: 'mat-off' })),
      devices.on('reset', () => this.#session.dispatch({ type: 'reset-button' })),
      devices.on('staff-menu', () => {
        this.#staffMenuRequested = true;
        this.#logger.info('staff menu requested (reset button held)');
        this.#staff.longPress();
        this.#events.emit('staff-menu', {});
      }),
      devices.on('changed', () => this.#publish()),
    ];
  }

  /** The service of the citizen's current page, if any. */
  #currentService() {
    const rules = navigationRules(this.#config, this.#ui.origins);
    const id = serviceOf(this.#browser.currentUrl, rules);
    return this.#config.services.find((service) => service.id === id);
  }

  /** Kiosk bar Print: the page as PDF, silently to CUPS; a missing printer is a notice only. */
  async #print(): Promise<void> {
    const printer = this.#devices.printer;
    const service = this.#currentService();
    const dir = this.#sessionDir;
    const sessionId = this.#session.snapshot.sessionId;
    if (!printer || !service?.allowPrint || !dir) return;
    try {
      const pdf = await this.#browser.printPage();
      this.#prints += 1;
      const file = join(dir, `print-${this.#prints}.pdf`);
      await writeFile(file, pdf, { mode: 0o600 });
      const job = await printer.print(file, service.id);
      if (!job.ok) {
        this.#logger.warn({ code: job.error.code, detail: job.error.detail }, 'print failed');
        const { messageKey } = job.error;
        await this.#notice(isNoticeKey(messageKey) ? messageKey : 'notice.printerMissing');
        this.#events.emit('printed', { error: job.error.code });
        return;
      }
      // The session may have ended while CUPS took the job: cancel it right away then.
      if (this.#session.snapshot.sessionId !== sessionId)
        await printer.cancelAll([job.value.jobId]);
      else this.#printJobs.push(job.value.jobId);
      // A fault that still takes jobs (e.g. out of paper): the page prints once staff fix it.
      const problem = job.value.notice?.messageKey;
      await this.#notice(problem && isNoticeKey(problem) ? problem : 'notice.printing');
      this.#events.emit('printed', { jobId: job.value.jobId, file });
    } catch (error) {
      this.#logger.warn({ err: error }, 'print failed');
      await this.#notice('notice.printerMissing');
      this.#events.emit('printed', { error: 'render-failed' });
    }
  }

  /**
   * A service page opened a file chooser (no native dialog exists): if the service allows
   * uploads and a scanner is configured, the scan panel opens over the page; the citizen scans
   * page by page and hands the PDF over. Nothing else can ever reach the page's input.
   */
  async #onFileChooser(field: FileChooserEvent): Promise<void> {
    const service = this.#currentService();
    const dir = this.#sessionDir;
    if (!this.#inSession() || !this.#scan || !service?.allowUpload || !dir) {
      this.#logger.info({ service: service?.id }, 'file chooser refused');
      if (this.#inSession()) await this.#notice('notice.uploadUnavailable');
      return;
    }
    this.#session.dispatch({ type: 'activity' });
    const opened = await this.#scan.open(field, dir);
    if (opened === 'opened') return;
    this.#logger.warn({ service: service.id, accept: field.accept, why: opened }, 'no scan');
    await this.#notice(
      opened === 'wrong-type' ? 'notice.uploadWrongType' : 'notice.uploadUnavailable',
    );
  }

  async #onScanFinished(outcome: ScanOutcome): Promise<void> {
    this.#logger.info('pages' in outcome ? { pages: outcome.pages } : outcome, 'scan finished');
    if ('pages' in outcome) await this.#notice('notice.scanned');
    else if ('error' in outcome) await this.#notice('notice.scanFailed');
    this.#events.emit('scanned', outcome);
  }

  /** A notice over the service page, in the citizen's language; a failure is no concern. */
  async #notice(key: NoticeKey): Promise<void> {
    await this.#browser
      .showNotice(this.#texts.text(this.#look.language, key))
      .catch(() => undefined);
  }

  async #cancelPrintJobs(): Promise<void> {
    const jobs = this.#printJobs.splice(0);
    const printer = this.#devices.printer;
    if (!printer || jobs.length === 0) return;
    const result = await printer.cancelAll(jobs);
    if (!result.ok) this.#logger.warn({ code: result.error.code }, 'cancelling print jobs failed');
  }

  #inSession(): boolean {
    const phase = this.#session.snapshot.phase;
    return phase === 'active' || phase === 'warning';
  }

  async #beginSession(signal: AbortSignal): Promise<void> {
    this.#cardReminder?.abort();
    this.#staffMenuRequested = false;
    const dir = await mkdtemp(join(tmpdir(), 'sidbox-session-'));
    if (signal.aborted) {
      await rm(dir, { recursive: true, force: true });
      signal.throwIfAborted();
    }
    this.#sessionDir = dir;
    await this.#browser
      .setSessionLook(this.#look)
      .catch((error: unknown) => this.#logger.warn({ err: error }, 'session look not set'));
  }

  async #wipe(reason: SessionEndReason, signal: AbortSignal): Promise<void> {
    const phases = planWipe({
      eidWorkflowRunning: this.#eid.workflow !== null,
      cardInReader: this.#eid.cardInReader() || this.#devices.cardPresent(),
      sessionDir: this.#sessionDir !== undefined,
      printJobs: this.#printJobs.length > 0,
      scans: this.#devices.scanner !== undefined,
    });
    this.#logger.info({ reason, phases }, 'wiping session');
    this.#readAloud.stop();
    await this.#scan?.abandon();
    this.#look = defaultLook(this.#config);
    await runWipe(phases, (step, stepSignal) => this.#wipeStep(step, stepSignal), signal);
  }

  async #wipeStep(step: WipeStep, signal: AbortSignal): Promise<void> {
    switch (step) {
      case 'cancel-eid':
        await this.#eid.cancelWorkflow(this.#options.eidCancelGraceMs ?? 2_000);
        return;
      case 'reset-browser':
        await this.#browser.reset(this.#ui.url('/'));
        return;
      case 'renew-eid':
        await this.#eid.renew(signal);
        return;
      case 'remove-session-dir':
        await this.#removeSessionDir();
        return;
      case 'card-reminder':
        this.#remindOfCard();
        return;
      case 'cancel-print-jobs':
        await this.#cancelPrintJobs();
        return;
      case 'wipe-scans':
        await this.#devices.scanner?.wipe();
        return;
    }
  }

  async #removeSessionDir(): Promise<void> {
    const dir = this.#sessionDir;
    this.#sessionDir = undefined;
    if (dir) await rm(dir, { recursive: true, force: true });
  }

  /** "Karte nicht vergessen" on the attract screen until the card is taken or time runs out. */
  #remindOfCard(): void {
    this.#cardReminder?.abort();
    const reminder = new AbortController();
    this.#cardReminder = reminder;
    const timer = setTimeout(() => reminder.abort(), this.#options.cardReminderMs ?? 30_000);
    // Gone from AusweisApp's readers and from pcscd's (a non-eID card too).
    void Promise.all([
      this.#eid.whenCardRemoved(reminder.signal),
      this.#devices.whenCardRemoved(reminder.signal),
    ]).then(() => {
      clearTimeout(timer);
      if (this.#cardReminder !== reminder) return;
      this.#cardReminder = undefined;
      this.#publish();
      this.#events.emit('card-reminder', { shown: false });
    });
    this.#publish();
    this.#events.emit('card-reminder', { shown: true });
  }

  get #developerMode(): boolean {
    return this.#options.eidDeveloperMode === true;
  }

  /** AusweisApp's Simulator card is for tests and for demos against a test eID-Server. */
  get #offersSimulator(): boolean {
    return this.#developerMode || this.#options.config.testEidServer !== undefined;
  }

  #view() {
    const training = this.training;
    const devices = this.#devices.summary();
    return kioskView({
      config: this.#config,
      training,
      session: this.#session.snapshot,
      eid: offeredReaders(this.#eidStep, this.#offersSimulator),
      cardReminder: this.#cardReminder !== undefined && !this.#cardReminder.signal.aborted,
      look: this.#look,
      readerMissing: readerMissing(
        training || this.#offersSimulator,
        physicalReaderAttached(this.#eid, devices),
      ),
      trainingScenario: this.#eid.trainingScenario,
      speech: this.#readAloud.available,
      staff: this.#staff.view(() => devices),
    });
  }

  #publish(): void {
    this.#ui.publish(this.#view());
  }
}
