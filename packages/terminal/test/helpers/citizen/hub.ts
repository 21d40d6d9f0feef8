import { join } from 'node:path';
import type { SurveyStatementId } from '@sidbox/protocol';
import type { HubConnectionOptions } from '../../../src/features/hub-link/hub-link.js';
import { enrollTerminal, restartableHub } from '../hub-sync.js';

export interface SurveyResults {
  responses: number;
  statements: { id: SurveyStatementId; counts: Record<string, number> }[];
}

/**
 * A real hub (SQLite) with one enrolled terminal offering `languages`: where the terminal's
 * outbox delivers the citizens' survey answers.
 */
export async function hubForTerminal(languages: string[]) {
  const hub = await restartableHub('sqlite');
  const { admin, url } = hub;
  const { terminalId, credential } = await enrollTerminal(admin);
  await admin('PATCH', `/api/admin/terminals/${terminalId}`, { languages });
  return {
    url,
    connection: (dir: string): HubConnectionOptions => ({
      credential,
      stateDir: join(dir, 'hub-state'),
    }),
    /** What the hub has of this terminal's training-mode survey answers. */
    async surveyResults(): Promise<SurveyResults> {
      const query = `training=true&terminalId=${terminalId}`;
      const { results } = await admin<{ results: SurveyResults }>(
        'GET',
        `/api/admin/surveys/results?${query}`,
      );
      return results;
    },
    dispose: () => hub.dispose(),
  };
}
