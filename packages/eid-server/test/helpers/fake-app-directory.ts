import type { AccessRegistrationRequest, EidApp, EidAppInput } from '@sidbox/protocol';
import type { AppDirectory, RegistrationOutcome } from '../../src/apps/app-directory.js';
import { AppsError } from '../../src/apps/apps-error.js';

/**
 * FAKE hub for the fast page tests: the apps and registration codes a test sets, kept in
 * memory. The real hub's side is tested against the real hub (packages/hub); this one lets a
 * test say "the hub is down" or "this code was used" without a database.
 */
export class FakeAppDirectory implements AppDirectory {
  list: EidApp[] = [];
  /** Registration codes per app: the label to answer, or why the code is refused. */
  codes = new Map<
    string,
    { label: string } | Exclude<RegistrationOutcome, { kind: 'registered' }>
  >();
  registrations: AccessRegistrationRequest[] = [];
  reachable = true;
  appsCalls = 0;

  add(organisationId: string, input: EidAppInput, archived = false): EidApp {
    const app: EidApp = { ...input, organisationId, archived, updatedAt: new Date().toISOString() };
    this.list = [...this.list.filter((existing) => existing.id !== app.id), app];
    return app;
  }

  async apps(): Promise<readonly EidApp[]> {
    this.appsCalls++;
    if (!this.reachable) throw new AppsError('hub-unreachable', 'fake hub is down');
    return this.list;
  }

  async register(request: AccessRegistrationRequest): Promise<RegistrationOutcome> {
    if (!this.reachable) throw new AppsError('hub-unreachable', 'fake hub is down');
    const code = this.codes.get(`${request.appId}/${request.code}`);
    if (code === undefined) return { kind: 'code-unknown' };
    if (!('label' in code)) return code;
    this.registrations.push(request);
    this.codes.set(`${request.appId}/${request.code}`, { kind: 'code-used' });
    return { kind: 'registered', label: code.label };
  }
}
