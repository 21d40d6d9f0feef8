import { useState } from 'preact/hooks';
import type { KioskService, KioskView, ServiceCategory } from '@sidbox/protocol';
import { act } from '../api.js';
import type { Language, Translate } from '../i18n/catalogue.js';
import { TrainingPicker } from '../training/training-picker.js';
import { Localized } from './localized.js';
import { categoriesOf, filterServices, searchFrom } from './service-filter.js';
import { SmartphoneSection } from './smartphone-section.js';

/**
 * The service catalogue: the Fast Lane (set or change the PIN) first and large, categories as
 * filter buttons, a search when the list is long, and the smartphone QR codes. Without a card
 * reader, the eID services step aside and the screen says why.
 */
export function HomeScreen({
  view,
  language,
  t,
}: {
  view: KioskView;
  language: Language;
  t: Translate;
}) {
  const [category, setCategory] = useState<ServiceCategory | null>(null);
  const [search, setSearch] = useState('');
  const usable = view.readerMissing
    ? view.services.filter((service) => !service.eid)
    : view.services;
  const categories = categoriesOf(usable);
  const shown = filterServices(usable, category, search, language);
  return (
    <section class="home" aria-labelledby="home-title">
      {view.readerMissing && (
        <div class="panel reader-missing" role="status">
          <h2>{t('readerMissing.title')}</h2>
          <p>{t('readerMissing.text')}</p>
          {usable.length > 0 && <p>{t('readerMissing.others')}</p>}
        </div>
      )}
      <h1 id="home-title">{t('home.title')}</h1>
      {!view.readerMissing && (
        <button type="button" class="tile fast-lane" onClick={() => location.assign('/fast-lane')}>
          <strong>{t('home.changePin')}</strong>
          <span>{t('home.changePinText')}</span>
        </button>
      )}
      <TrainingPicker view={view} language={language} t={t} />
      {categories.length > 1 && (
        <div class="categories" role="group" aria-label={t('home.categories')}>
          {[null, ...categories].map((id) => (
            <button
              key={id ?? 'all'}
              type="button"
              class="category"
              aria-pressed={category === id}
              onClick={() => setCategory(id)}
            >
              {t(id ? `category.${id}` : 'category.all')}
            </button>
          ))}
        </div>
      )}
      {usable.length >= searchFrom && (
        <div class="search">
          <label for="service-search">{t('home.search')}</label>
          <input
            id="service-search"
            type="search"
            value={search}
            autocomplete="off"
            onInput={(event) => setSearch(event.currentTarget.value)}
          />
        </div>
      )}
      <ul class="tiles">
        {shown.map((service) => (
          <li key={service.id}>
            <ServiceTile service={service} language={language} t={t} />
          </li>
        ))}
      </ul>
      {shown.length === 0 && usable.length > 0 && <p role="status">{t('home.noMatch')}</p>}
      <SmartphoneSection
        apps={view.apps}
        phoneSetup={view.phoneSetup.offered}
        language={language}
        t={t}
      />
    </section>
  );
}

function ServiceTile(props: { service: KioskService; language: Language; t: Translate }) {
  const { service, language, t } = props;
  return (
    <button
      type="button"
      class="tile"
      onClick={() => void act({ type: 'open', serviceId: service.id })}
    >
      <Localized texts={service.title} language={language} tag="strong" />
      <span class="about">
        <Localized texts={service.description} language={language} tag="span" />
        <span class={service.eid ? 'needs-eid' : 'no-eid'}>
          {t(service.eid ? 'home.needsEid' : 'home.noEid')}
        </span>
      </span>
    </button>
  );
}
