import { useEffect, useState } from 'preact/hooks';
import { act } from '../api.js';
import type { MessageKey, Translate } from '../i18n/catalogue.js';

type Slide = { title: MessageKey; text: MessageKey };
const slides: [Slide, ...Slide[]] = [
  { title: 'attract.slide.what.title', text: 'attract.slide.what.text' },
  { title: 'attract.slide.need.title', text: 'attract.slide.need.text' },
  { title: 'attract.slide.safe.title', text: 'attract.slide.safe.text' },
  { title: 'attract.slide.pin.title', text: 'attract.slide.pin.text' },
];
const slideMs = 9000;

const prefersReducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * While nobody is there: what the terminal offers, how to start, and short explanations of
 * the online ID function that turn over by themselves, with a pause button (WCAG 2.2.2); with
 * reduced motion they stand still until "next" is pressed. A tap anywhere starts.
 */
export function AttractScreen({ t }: { t: Translate }) {
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(prefersReducedMotion);
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(() => setIndex((current) => (current + 1) % slides.length), slideMs);
    return () => clearInterval(timer);
  }, [paused]);
  const slide = slides[index] ?? slides[0];
  const own = (handler: () => void) => (event: Event) => {
    event.stopPropagation();
    handler();
  };
  return (
    <section class="attract-screen" onClick={() => void act({ type: 'start' })}>
      <h1>{t('attract.title')}</h1>
      <p class="offer">{t('attract.offer')}</p>
      <button type="button" class="attract">
        {t('attract.start')}
      </button>
      <p class="hint">{t('attract.hint')}</p>
      <div class="slides" aria-roledescription={t('attract.slides')} aria-labelledby="slide-title">
        <div key={index} class="slide" aria-live={paused ? 'polite' : 'off'}>
          <h2 id="slide-title">{t(slide.title)}</h2>
          <p>{t(slide.text)}</p>
        </div>
        <div class="slide-controls">
          <span class="slide-count">
            {t('attract.slideOf', { n: index + 1, total: slides.length })}
          </span>
          <button
            type="button"
            class="secondary"
            aria-pressed={paused}
            onClick={own(() => setPaused(!paused))}
          >
            {t(paused ? 'attract.play' : 'attract.pause')}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={own(() => setIndex((index + 1) % slides.length))}
          >
            {t('attract.next')}
          </button>
        </div>
      </div>
    </section>
  );
}
