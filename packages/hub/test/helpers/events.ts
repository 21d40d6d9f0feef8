import { randomUUID } from 'node:crypto';
import type { SurveyResponse, TelemetryEvent } from '@sidbox/protocol';

const now = () => new Date().toISOString();

/** A realistic session: started, service opened, PIN changed, ended. */
export function sessionEvents(training = false): TelemetryEvent[] {
  const base = () => ({ id: randomUUID(), terminalTime: now(), training });
  return [
    { type: 'session-started', ...base() },
    { type: 'service-opened', ...base(), serviceId: 'fuehrungszeugnis' },
    { type: 'eid-outcome', ...base(), workflow: 'change-pin', code: 'pin-changed' },
    { type: 'pin-changed', ...base() },
    { type: 'session-ended', ...base(), reason: 'mat-left', durationSeconds: 95 },
  ];
}

export function surveyResponse(
  answers: SurveyResponse['answers'] | Partial<SurveyResponse['answers']> = {},
): SurveyResponse {
  return {
    id: randomUUID(),
    terminalTime: now(),
    training: false,
    answers: answers as SurveyResponse['answers'],
  };
}
