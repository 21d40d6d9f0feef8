import {
  surveyAnswers,
  surveyAnswerTexts,
  surveyStatementTexts,
  type SurveyResultsResponse,
} from '@sidbox/protocol';
import { StackedBarChart } from '../components/stacked-bar-chart.js';
import { Status } from '../components/status.js';
import { useI18n } from '../i18n.js';
import { useApi } from '../use-api.js';

/** Answer colours from agreement (blue) to disagreement (orange); grey for no answer. */
const colours: Record<(typeof surveyAnswers)[number], { colour: string; darkText?: boolean }> = {
  'fully-agree': { colour: '#08306b' },
  agree: { colour: '#2f6fb3' },
  partly: { colour: '#9ecae1', darkText: true },
  disagree: { colour: '#fdae6b', darkText: true },
  'fully-disagree': { colour: '#a63603' },
  'no-answer': { colour: '#bdbdbd', darkText: true },
};

export function SurveysPage() {
  const { t, lang } = useI18n();
  const { data, error } = useApi<SurveyResultsResponse>('/surveys/results');
  const results = data?.results;
  return (
    <section aria-labelledby="page-heading">
      <h1 id="page-heading">{t('surveys.heading')}</h1>
      <Status error={error} loading={!results} />
      {results && (
        <>
          <p class="lead">
            <strong>{results.responses}</strong> {t('surveys.responses')} ·{' '}
            <a href="/api/admin/surveys/export.csv" download>
              {t('surveys.export')}
            </a>
          </p>
          <StackedBarChart
            title={t('surveys.chart')}
            segments={surveyAnswers.map((a) => ({
              label: surveyAnswerTexts[lang][a],
              ...colours[a],
            }))}
            bars={results.statements.map((s) => ({
              id: s.id,
              label:
                surveyStatementTexts[lang][s.id as keyof (typeof surveyStatementTexts)['de']] ??
                s.id,
              counts: surveyAnswers.map((a) => s.counts[a] ?? 0),
            }))}
          />
        </>
      )}
    </section>
  );
}
