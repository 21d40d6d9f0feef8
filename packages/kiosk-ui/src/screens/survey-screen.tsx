import { useState } from 'preact/hooks';
import {
  surveyAnswers,
  surveyStatementIds,
  type SurveyAnswer,
  type SurveyStatementId,
} from '@sidbox/protocol';
import { act } from '../api.js';
import type { Translate } from '../i18n/catalogue.js';
import { markSurveyDone } from '../session-end.js';

/**
 * The optional, anonymous survey: the six statements of the Bonn questionnaire on its scale
 * (none given counts as "no answer"), a comment with a warning against personal data, Send
 * or Skip. Reached from an outcome or when ending the session (`ending`: Skip ends it).
 */
export function SurveyScreen({ ending, t }: { ending: boolean; t: Translate }) {
  const [answers, setAnswers] = useState<Partial<Record<SurveyStatementId, SurveyAnswer>>>({});
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState(false);
  const [sent, setSent] = useState(false);
  const leave = () => void act(ending ? { type: 'end' } : { type: 'home' });
  if (sent) {
    return (
      <section class="panel" aria-labelledby="thanks-title">
        <div role="status">
          <h1 id="thanks-title">{t('survey.thanks')}</h1>
          <p>{t('survey.thanksText')}</p>
        </div>
        <div class="buttons">
          <button
            type="button"
            class={ending ? 'secondary' : 'primary'}
            onClick={() => void act({ type: 'home' })}
          >
            {t('outcome.home')}
          </button>
          {ending && (
            <button type="button" class="primary" onClick={leave}>
              {t('bar.end')}
            </button>
          )}
        </div>
      </section>
    );
  }
  const submit = async () => {
    const reply = await act({
      type: 'survey',
      answers,
      ...(comment.trim() && { comment: comment.trim() }),
    });
    if (!reply.ok) return setProblem(true);
    markSurveyDone();
    setSent(true);
  };
  return (
    <section class="panel wide survey" aria-labelledby="survey-title">
      <h1 id="survey-title">{t('survey.title')}</h1>
      <p>{t('survey.intro')}</p>
      {surveyStatementIds.map((id, index) => (
        <fieldset key={id}>
          <legend>
            {index + 1}. {t(`survey.statement.${id}`)}
          </legend>
          <div class="scale">
            {surveyAnswers.map((answer) => (
              <label key={answer} class="choice">
                <input
                  type="radio"
                  name={id}
                  checked={answers[id] === answer}
                  onChange={() => setAnswers({ ...answers, [id]: answer })}
                />
                {t(`survey.answer.${answer}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <label for="survey-comment" class="comment-label">
        {t('survey.comment')}
      </label>
      <p id="survey-comment-warning" class="warning">
        {t('survey.commentWarning')}
      </p>
      <textarea
        id="survey-comment"
        aria-describedby="survey-comment-warning"
        maxLength={1000}
        value={comment}
        onInput={(event) => setComment(event.currentTarget.value)}
      />
      {problem && (
        <p role="alert" class="problem">
          {t('survey.problem')}
        </p>
      )}
      <div class="buttons">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            markSurveyDone();
            leave();
          }}
        >
          {t(ending ? 'survey.skipAndEnd' : 'survey.skip')}
        </button>
        <button type="button" class="primary" onClick={() => void submit()}>
          {t('survey.send')}
        </button>
      </div>
    </section>
  );
}
