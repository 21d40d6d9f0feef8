import { useState } from 'preact/hooks';
import type { EidStep } from '@sidbox/protocol';
import { act } from '../api.js';
import { formatDate } from '../format.js';
import type { Language, Translate } from '../i18n/catalogue.js';
import { accessRightKey } from './access-rights.js';
import { EidButtons } from './eid-buttons.js';

type AccessRightsStep = Extract<EidStep, { step: 'access-rights' }>;

/**
 * Who asks (from the authorization certificate), what for, and which data, in plain words.
 * Optional data can be deselected; what is left unticked goes to the daemon as `deselect`.
 */
export function ConsentScreen(props: { step: AccessRightsStep; language: Language; t: Translate }) {
  const { step, language, t } = props;
  const [deselected, setDeselected] = useState<string[]>([]);
  const provider = step.provider;
  const rightName = (id: string) => {
    const key = accessRightKey(id);
    return key ? t(key) : t('right.unknown', { id });
  };
  const accept = () =>
    void act(
      deselected.length > 0 ? { type: 'eid-accept', deselect: deselected } : { type: 'eid-accept' },
    );
  return (
    <section class="panel wide" aria-labelledby="consent-title">
      <h1 id="consent-title">{t('eid.consent.title')}</h1>
      <div class="consent-columns">
        <div>
          {provider && (
            <dl class="provider">
              <dt>{t('eid.consent.provider')}</dt>
              <dd>
                <strong>
                  <bdi>{provider.subjectName}</bdi>
                </strong>
                <br />
                <span dir="ltr">{provider.subjectUrl}</span>
              </dd>
              {provider.purpose && (
                <>
                  <dt>{t('eid.consent.purpose')}</dt>
                  <dd>
                    <bdi>{provider.purpose}</bdi>
                  </dd>
                </>
              )}
              <dt>{t('eid.consent.issuer')}</dt>
              <dd>
                <bdi>{provider.issuerName}</bdi>
                <br />
                <span dir="ltr">{provider.issuerUrl}</span>
              </dd>
              <dt>{t('eid.consent.validity')}</dt>
              <dd>
                {t('eid.consent.validityRange', {
                  from: formatDate(provider.validFrom, language),
                  until: formatDate(provider.validUntil, language),
                })}
              </dd>
            </dl>
          )}
          {step.transactionInfo && (
            <p class="transaction">
              <bdi>{step.transactionInfo}</bdi>
            </p>
          )}
        </div>
        <div>
          <h2 id="required-title">{t('eid.consent.required')}</h2>
          <ul class="rights" aria-labelledby="required-title">
            {step.required.map((id) => (
              <li key={id}>
                <span aria-hidden="true">✓ </span>
                {rightName(id)}
              </li>
            ))}
          </ul>
          {step.requiredAge !== undefined && (
            <p>{t('eid.consent.age', { age: step.requiredAge })}</p>
          )}
          {step.optional.length > 0 && (
            <fieldset class="rights optional">
              <legend>{t('eid.consent.optional')}</legend>
              {step.optional.map((id) => (
                <label key={id} class="choice">
                  <input
                    type="checkbox"
                    name="optional-right"
                    value={id}
                    checked={!deselected.includes(id)}
                    onChange={(event) =>
                      setDeselected(
                        event.currentTarget.checked
                          ? deselected.filter((other) => other !== id)
                          : [...deselected, id],
                      )
                    }
                  />
                  {rightName(id)}
                </label>
              ))}
            </fieldset>
          )}
          <p>{t('eid.consent.pinNext')}</p>
          <EidButtons t={t} onOk={accept} okLabel={t('eid.accept')} />
        </div>
      </div>
    </section>
  );
}
