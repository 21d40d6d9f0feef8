import { act } from '../api.js';
import { CanPicture, PinLetterPicture } from '../eid/pictures.js';
import type { MessageKey, Translate } from '../i18n/catalogue.js';

const terms: { name: MessageKey; text: MessageKey }[] = [
  { name: 'fastLane.pin.name', text: 'fastLane.pin.text' },
  { name: 'fastLane.transportPin.name', text: 'fastLane.transportPin.text' },
  { name: 'fastLane.can.name', text: 'fastLane.can.text' },
  { name: 'fastLane.puk.name', text: 'fastLane.puk.text' },
];

/**
 * The Fast Lane's first page: what PIN, transport PIN, CAN and PUK are, before anything is
 * asked for; then the citizen says which case is theirs and the PIN change starts.
 */
export function FastLaneScreen({ t }: { t: Translate }) {
  const start = () => void act({ type: 'change-pin' });
  return (
    <section class="fast-lane-screen" aria-labelledby="fast-lane-title">
      <h1 id="fast-lane-title">{t('fastLane.title')}</h1>
      <p class="lead">{t('fastLane.intro')}</p>
      <dl class="terms">
        {terms.map(({ name, text }) => (
          <div key={name} class="term">
            <dt>{t(name)}</dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
      <div class="pictures">
        <figure>
          <PinLetterPicture label={t('picture.pinLetter')} highlight="pin" />
          <figcaption>{t('fastLane.letterCaption')}</figcaption>
        </figure>
        <figure>
          <CanPicture label={t('picture.can')} />
          <figcaption>{t('fastLane.canCaption')}</figcaption>
        </figure>
      </div>
      <h2>{t('fastLane.choose')}</h2>
      <div class="choices">
        <button type="button" class="tile choice-letter" onClick={start}>
          <strong>{t('fastLane.haveLetter')}</strong>
          <span>{t('fastLane.haveLetterText')}</span>
        </button>
        <button type="button" class="tile choice-known" onClick={start}>
          <strong>{t('fastLane.knowPin')}</strong>
          <span>{t('fastLane.knowPinText')}</span>
        </button>
      </div>
      <p class="note">{t('fastLane.neither')}</p>
    </section>
  );
}
