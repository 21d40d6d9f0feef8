import { z } from 'zod';
import type { Language } from './i18n.js';

/** The six statements of the citizen survey (Bonn pilot, 93 interviews). */
export const surveyStatementIds = [
  'informative',
  'shows-uses',
  'faster',
  'permanent-terminal',
  'frees-staff',
  'security-concerns',
] as const;
export const SurveyStatementId = z.enum(surveyStatementIds);
export type SurveyStatementId = z.infer<typeof SurveyStatementId>;

export const surveyAnswers = [
  'fully-agree',
  'agree',
  'partly',
  'disagree',
  'fully-disagree',
  'no-answer',
] as const;
export const SurveyAnswer = z.enum(surveyAnswers);
export type SurveyAnswer = z.infer<typeof SurveyAnswer>;

export const surveyStatementTexts: Record<Language, Record<SurveyStatementId, string>> = {
  de: {
    informative: 'Die Präsentation des Bürgerterminals war informationsreich.',
    'shows-uses':
      'Die Vorführung des Bürgerterminals hat die verschiedenen Nutzungsmöglichkeiten aufgezeigt.',
    faster:
      'Durch das Bürgerterminal können meine Verwaltungsanliegen schneller bearbeitet werden.',
    'permanent-terminal':
      'Die Einführung eines dauerhaften Bürgerterminals wäre insgesamt sehr vorteilhaft für die Bürgerinnen und Bürger.',
    'frees-staff':
      'Durch das Bürgerterminal hat die Stadt mehr Personalkapazität für andere (Fach-)Aufgaben.',
    'security-concerns':
      'Ich habe Sicherheitsbedenken bei der Verwendung der SIDbox bzw. des Bürgerterminals.',
  },
  en: {
    informative: 'The presentation of the citizen terminal was informative.',
    'shows-uses': 'The demonstration of the citizen terminal showed its different uses.',
    faster: 'With the citizen terminal my administrative matters can be handled faster.',
    'permanent-terminal':
      'A permanent citizen terminal would be very beneficial for citizens overall.',
    'frees-staff': 'The citizen terminal frees staff capacity of the city for other tasks.',
    'security-concerns': 'I have security concerns about using the SIDbox or the citizen terminal.',
  },
};

export const surveyAnswerTexts: Record<Language, Record<SurveyAnswer, string>> = {
  de: {
    'fully-agree': 'Trifft voll und ganz zu',
    agree: 'Trifft ziemlich zu',
    partly: 'Trifft etwas zu',
    disagree: 'Trifft wenig zu',
    'fully-disagree': 'Trifft gar nicht zu',
    'no-answer': 'Keine Angabe',
  },
  en: {
    'fully-agree': 'Fully agree',
    agree: 'Agree',
    partly: 'Partly agree',
    disagree: 'Disagree',
    'fully-disagree': 'Fully disagree',
    'no-answer': 'No answer',
  },
};

export const maxSurveyCommentLength = 1000;

/** One completed questionnaire; anonymous, strict (unknown fields rejected). */
export const SurveyResponse = z.strictObject({
  id: z.uuid().describe('Client-generated response id; the hub stores each id once.'),
  terminalTime: z.iso.datetime({ offset: true }).describe('Terminal clock when it was submitted.'),
  training: z.boolean().describe('Given in training mode; kept apart in results.'),
  answers: z
    .strictObject(
      Object.fromEntries(
        surveyStatementIds.map((id) => [id, SurveyAnswer.default('no-answer')]),
      ) as {
        [K in SurveyStatementId]: z.ZodDefault<typeof SurveyAnswer>;
      },
    )
    .describe('Answer per statement; a missing statement counts as "no-answer".'),
  comment: z
    .string()
    .trim()
    .max(maxSurveyCommentLength)
    .optional()
    .describe('Optional free-text remark; never required.'),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;

export const maxSurveyBatch = 200;
export const SurveyBatch = z.strictObject({
  responses: z.array(SurveyResponse).min(1).max(maxSurveyBatch),
});
export type SurveyBatch = z.infer<typeof SurveyBatch>;
