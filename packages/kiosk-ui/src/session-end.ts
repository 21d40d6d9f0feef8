import { act } from './api.js';

/** Set once the citizen answered or skipped the survey; dies with the session's browser profile. */
const surveyDoneKey = 'sidbox-survey-done';

export function markSurveyDone(): void {
  sessionStorage.setItem(surveyDoneKey, '1');
}

/**
 * End: the optional survey first, once per session, then the daemon wipes the session. From
 * the survey itself or in the middle of an eID step, End ends at once.
 */
export function endSession(askSurvey: boolean): void {
  if (askSurvey && !sessionStorage.getItem(surveyDoneKey)) location.assign('/survey?end');
  else void act({ type: 'end' });
}
