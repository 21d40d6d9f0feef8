import type { SmartphoneApp } from '@sidbox/protocol';
import type { Language, Translate } from '../i18n/catalogue.js';
import { localizedText } from './localized.js';
import { QrCode } from './qr-code.js';

/** The official AusweisApp in the two app stores; always offered. */
const ausweisApp = {
  android: 'https://play.google.com/store/apps/details?id=com.governikus.ausweisapp2',
  ios: 'https://apps.apple.com/de/app/ausweisapp/id948660805',
};

/** QR codes to continue at home: the AusweisApp for Android and iOS, and the member's apps. */
export function SmartphoneSection(props: {
  apps: readonly SmartphoneApp[];
  /** "Ihr Smartphone einrichten" is offered (the terminal knows its eID-Server). */
  phoneSetup: boolean;
  language: Language;
  t: Translate;
}) {
  const { apps, phoneSetup, language, t } = props;
  return (
    <section class="smartphone" aria-labelledby="smartphone-title">
      <h2 id="smartphone-title">{t('smartphone.title')}</h2>
      <p>{t('smartphone.text')}</p>
      <StoreCodes apps={apps} language={language} t={t} />
      {phoneSetup && (
        <div class="phone-offer">
          <p>{t('phone.openText')}</p>
          <button type="button" class="primary" onClick={() => location.assign('/phone')}>
            {t('phone.open')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The AusweisApp in both stores, then the member's apps, each as a QR code with its name. */
export function StoreCodes(props: {
  apps: readonly SmartphoneApp[];
  language: Language;
  t: Translate;
}) {
  const { apps, language, t } = props;
  const codes = [
    { id: 'ausweisapp-android', url: ausweisApp.android, name: t('smartphone.android') },
    { id: 'ausweisapp-ios', url: ausweisApp.ios, name: t('smartphone.ios') },
    ...apps.map((app) => ({ id: app.id, url: app.url, name: localizedText(app.title, language) })),
  ];
  return (
    <ul class="qr-codes">
      {codes.map((code) => (
        <li key={code.id}>
          <QrCode url={code.url} label={t('smartphone.qrLabel', { name: code.name })} />
          <span>{code.name}</span>
        </li>
      ))}
    </ul>
  );
}
