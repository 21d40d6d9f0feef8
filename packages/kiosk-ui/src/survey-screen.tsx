import { useState } from 'preact/hooks';
import {
  surveyAnswers,
  surveyStatementIds,
  type SurveyAnswer,
  type SurveyStatementId,
} from '@sidbox/protocol';
import { act } from './api.js';
import type { Translate } from './i18n/catalogue.js';

/**
 * The six statements of the citizen survey, one answer each (none given counts as "no
 * answer"), and an optional comment whose warning asks for no personal data.
 */
export function SurveyScreen({ t }: { t: Translate }) {
  const [answers, setAnswers] = useState<Partial<Record<SurveyStatementId, SurveyAnswer>>>({});
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState(false);
  const [sent, setSent] = useState(false);
  if (sent) {
    return (
      <section class="panel" role="status">
        <h1>{t('survey.thanks')}</h1>
      </section>
    );
  }
  const submit = async () => {
    const reply = await act({
      type: 'survey',
      answers,
      ...(comment.trim() && { comment: comment.trim() }),
    });
    if (reply.ok) setSent(true);
    else setProblem(true);
  };
  return (
    <section class="panel survey">
      <h1>{t('survey.title')}</h1>
      {surveyStatementIds.map((id) => (
        <fieldset key={id}>
          <legend>{t(`survey.statement.${id}`)}</legend>
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
        </fieldset>
      ))}
      <label for="survey-comment">{t('survey.comment')}</label>
      <p id="survey-comment-warning">{t('survey.commentWarning')}</p>
      <textarea
        id="survey-comment"
        aria-describedby="survey-comment-warning"
        maxLength={1000}
        value={comment}
        onInput={(event) => setComment(event.currentTarget.value)}
      />
      {problem && <p role="alert">{t('survey.problem')}</p>}
      <div class="buttons">
        <button onClick={() => void submit()}>{t('survey.send')}</button>
      </div>
    </section>
  );
}
