import { useState } from 'preact/hooks';
import {
  surveyAnswers,
  surveyAnswerTexts,
  surveyStatementIds,
  surveyStatementTexts,
  type SurveyAnswer,
  type SurveyStatementId,
} from '@sidbox/protocol';
import { act } from './api.js';
import type { Texts } from './texts.js';

/**
 * The six statements of the citizen survey, one answer each (none given counts as "no
 * answer"), and an optional comment whose warning asks for no personal data.
 */
export function SurveyScreen({ language, t }: { language: string; t: Texts }) {
  const lang = language === 'en' ? 'en' : 'de';
  const [answers, setAnswers] = useState<Partial<Record<SurveyStatementId, SurveyAnswer>>>({});
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  if (sent) return <p class="panel">{t.surveyThanks}</p>;
  const submit = async () => {
    const reply = await act({
      type: 'survey',
      answers,
      ...(comment.trim() && { comment: comment.trim() }),
    });
    if (reply.ok) setSent(true);
    else setProblem(t.surveyProblem);
  };
  return (
    <section class="panel survey">
      <h2>{t.surveyTitle}</h2>
      {surveyStatementIds.map((id) => (
        <fieldset key={id}>
          <legend>{surveyStatementTexts[lang][id]}</legend>
          {surveyAnswers.map((answer) => (
            <label key={answer}>
              <input
                type="radio"
                name={id}
                checked={answers[id] === answer}
                onChange={() => setAnswers({ ...answers, [id]: answer })}
              />
              {surveyAnswerTexts[lang][answer]}
            </label>
          ))}
        </fieldset>
      ))}
      <label for="survey-comment">{t.surveyComment}</label>
      <p id="survey-comment-warning">{t.surveyCommentWarning}</p>
      <textarea
        id="survey-comment"
        aria-describedby="survey-comment-warning"
        maxLength={1000}
        value={comment}
        onInput={(event) => setComment(event.currentTarget.value)}
      />
      {problem && <p role="alert">{problem}</p>}
      <div class="buttons">
        <button onClick={() => void submit()}>{t.surveySend}</button>
      </div>
    </section>
  );
}
