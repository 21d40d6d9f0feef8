import type { KioskView, PhoneSetupCheck } from '@sidbox/protocol';
import { act } from '../api.js';
import type { Language, Translate } from '../i18n/catalogue.js';
import { QrCode } from './qr-code.js';
import { StoreCodes } from './smartphone-section.js';

/**
 * "Ihr Smartphone einrichten": step 1 installs the AusweisApp (store QR codes), step 2 shows a
 * one-time QR code that opens a self-check on the citizen's own phone, and then how far the
 * phone got: ready, or expired, or failed, with a new code at a tap. The kiosk never shows card
 * data: it does not get them. Changes are announced (the step's text is a live region).
 */
export function PhoneSetupScreen(props: { view: KioskView; language: Language; t: Translate }) {
  const { view, language, t } = props;
  return (
    <section class="panel wide phone-setup" aria-labelledby="phone-title">
      <h1 id="phone-title">{t('phone.title')}</h1>
      <p>{t('phone.intro')}</p>
      {/* Side by side on the kiosk's screen, so the one-time code is seen without scrolling. */}
      <div class="phone-steps">
        <div>
          <h2>{t('phone.step1.title')}</h2>
          <p>{t('phone.step1.text')}</p>
          <StoreCodes apps={[]} language={language} t={t} />
        </div>
        <div>
          <h2>{t('phone.step2.title')}</h2>
          <p>{t('phone.step2.text')}</p>
          <div class="phone-check" aria-live="polite">
            <CheckStep check={view.phoneSetup.check} t={t} />
          </div>
        </div>
      </div>
      <div class="buttons">
        <button
          type="button"
          class="secondary"
          onClick={() => void act({ type: 'phone-check-close' }).then(() => location.assign('/'))}
        >
          {t('phone.done')}
        </button>
      </div>
    </section>
  );
}

const newCheck = () => void act({ type: 'phone-check' });

function CheckStep({ check, t }: { check: PhoneSetupCheck | null; t: Translate }) {
  if (check === null)
    return (
      <button type="button" class="primary" onClick={newCheck}>
        {t('phone.create')}
      </button>
    );
  switch (check.state) {
    case 'creating':
      return <p>{t('phone.creating')}</p>;
    case 'waiting': {
      const expires = check.expiresAt ?? Date.now();
      return (
        <div class="phone-code">
          {check.link && <QrCode url={check.link} label={t('phone.qrLabel', { expires })} />}
          <div>
            <p>{t('phone.scan')}</p>
            <p class="valid-until">{t('phone.validUntil', { expires })}</p>
          </div>
        </div>
      );
    }
    case 'opened':
      return <p>{t('phone.opened')}</p>;
    case 'ready':
      return (
        <div class="phone-ready">
          <h3>
            <span aria-hidden="true" class="outcome-mark">
              ✓
            </span>{' '}
            {t('phone.ready.title')}
          </h3>
          <p>{t('phone.ready.text')}</p>
        </div>
      );
    case 'failed':
    case 'expired':
    case 'unavailable':
      return (
        <div class="phone-problem">
          <p>{t(`phone.${check.state}`)}</p>
          <button type="button" class="primary" onClick={newCheck}>
            {t(check.state === 'unavailable' ? 'phone.retry' : 'phone.newCode')}
          </button>
        </div>
      );
  }
}
