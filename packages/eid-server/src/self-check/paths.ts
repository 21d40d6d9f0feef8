import type { Language } from './texts.js';

/** Where the self-check pages live on the eID-Server's port. */
export const paths = {
  start: '/self-check',
  startSession: '/self-check/start',
  result: '/self-check/result',
  stylesheet: '/self-check/style.css',
  icon: '/self-check/icon.svg',
} as const;

export function withLanguage(path: string, language: Language): string {
  return `${path}?lang=${language}`;
}
