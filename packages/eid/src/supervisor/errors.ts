import { SdkError } from '../sdk/errors.js';

/** No AusweisApp binary was found (not installed, or the configured path is wrong). */
export class AusweisAppNotFoundError extends SdkError {
  override readonly name = 'AusweisAppNotFoundError';
  constructor(where: string) {
    super('ausweisapp-not-found', `no AusweisApp binary found (${where})`);
  }
}

/** AusweisApp exited with code 1 at start: "Cannot initialize UI", its port is taken. */
export class AusweisAppPortBusyError extends SdkError {
  override readonly name = 'AusweisAppPortBusyError';
  constructor(readonly port: number) {
    super(
      'ausweisapp-port-busy',
      `AusweisApp could not open its port ${port === 0 ? '(any free port)' : port}: it is in use`,
    );
  }
}

/** AusweisApp did not become ready: it died, hung, or did not answer. */
export class AusweisAppStartError extends SdkError {
  override readonly name = 'AusweisAppStartError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('ausweisapp-start-failed', message, 'eid.outcome.eid-error', options);
  }
}

/** The supervisor was stopped while someone waited for AusweisApp to become ready. */
export class SupervisorStoppedError extends SdkError {
  override readonly name = 'SupervisorStoppedError';
  constructor() {
    super('supervisor-stopped', 'the AusweisApp supervisor was stopped');
  }
}
