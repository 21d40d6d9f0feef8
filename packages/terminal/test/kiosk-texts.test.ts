import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@sidbox/runtime';
import { daemonTextKeys, KioskTexts } from '../src/daemon/kiosk-texts.js';
import { scanTextKeys } from '../src/features/scanning/scan-panel-view.js';
import { defaultKioskUiDir } from '../src/kiosk-ui-server/server.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sidbox-kiosk-texts-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('kiosk texts for notices and the kiosk bar', () => {
  it('come from the kiosk UI build, German where a language lacks a key', async () => {
    await writeFile(
      join(dir, 'kiosk-texts.json'),
      JSON.stringify({
        de: { 'notice.printing': 'Druck läuft', 'bar.home': 'Start', 'language.name': 'Deutsch' },
        tr: { 'notice.printing': 'Yazdırılıyor …', 'language.name': 'Türkçe' },
      }),
    );
    const texts = KioskTexts.load(dir, silentLogger());
    expect(texts.text('tr', 'notice.printing')).toBe('Yazdırılıyor …');
    expect(texts.text('tr', 'bar.home')).toBe('Start');
    expect(texts.text('xx', 'notice.printing')).toBe('Druck läuft');
    const bar = texts.barTexts();
    expect(Object.keys(bar).sort()).toEqual(['de', 'tr']);
    expect(bar.tr).toMatchObject({ languageName: 'Türkçe', home: 'Start', end: 'bar.end' });
  });

  it('show their keys without the file or with a malformed one (no second copy of the texts)', async () => {
    const missing = KioskTexts.load(dir, silentLogger());
    expect(missing.languages).toEqual([]);
    expect(missing.text('de', 'notice.printerMissing')).toBe('notice.printerMissing');
    await writeFile(join(dir, 'kiosk-texts.json'), JSON.stringify({ de: { 'bar.home': 7 } }));
    expect(KioskTexts.load(dir, silentLogger()).text('de', 'bar.home')).toBe('bar.home');
    await writeFile(join(dir, 'kiosk-texts.json'), '{not json');
    expect(KioskTexts.load(dir, silentLogger()).languages).toEqual([]);
  });

  it('the kiosk UI build carries every text the daemon shows, in all six languages', () => {
    const built = JSON.parse(
      readFileSync(join(defaultKioskUiDir, 'kiosk-texts.json'), 'utf8'),
    ) as Record<string, Record<string, string>>;
    expect(Object.keys(built).sort()).toEqual(['ar', 'de', 'en', 'ru', 'tr', 'uk']);
    for (const [language, texts] of Object.entries(built))
      for (const key of [...daemonTextKeys, ...scanTextKeys])
        expect(texts[key], `${language} ${key}`).toBeTruthy();
  });
});
