import { randomUUID } from 'node:crypto';
import { SurveyResponse, type KioskAction } from '@sidbox/protocol';
import { ControlError } from '../../control/reply.js';

type SurveyAction = Extract<KioskAction, { type: 'survey' }>;

/**
 * The citizen's questionnaire as the hub stores it: a fresh id, the terminal clock and the
 * training flag added, an empty comment left out. Anything the schema refuses is a
 * `bad-request` and nothing is queued.
 */
export function surveyResponse(action: SurveyAction, training: boolean, now = new Date()) {
  const comment = action.comment?.trim();
  const parsed = SurveyResponse.safeParse({
    id: randomUUID(),
    terminalTime: now.toISOString(),
    training,
    answers: action.answers,
    ...(comment && { comment }),
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new ControlError('bad-request', `survey: invalid ${fields || 'response'}`);
  }
  return parsed.data;
}
