import type { Page } from 'puppeteer-core';

/**
 * What a page can observe of a citizen's traces from its own origin. Collected in one page load
 * (`observeResidue`), after `plantResidue` left all of them in an earlier one.
 */
export interface Residue {
  cookies: string;
  localStorage: string | null;
  sessionStorage: string | null;
  indexedDbNames: string[];
  cacheNames: string[];
  serviceWorkers: number;
  historyLength: number;
  notifications: PermissionState;
  geolocation: PermissionState;
  clipboard: string;
}

/**
 * Runs in the service page: storage, IndexedDB, Cache Storage, a service worker, history
 * entries, a cached resource, a submitted autocomplete form and a download, all carrying
 * `marker`. Resolves when each is in place.
 */
export function plantResidue(page: Page, marker: string): Promise<void> {
  return page.evaluate(async (marker) => {
    localStorage.setItem('leak', marker);
    sessionStorage.setItem('leak', marker);
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(`leak-${marker}`, 1);
      open.onupgradeneeded = () => open.result.createObjectStore('s').put(marker, 'k');
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error ?? new Error('indexedDB'));
    });
    await (await caches.open(`leak-${marker}`)).put('/leak', new Response(marker));
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    history.pushState({}, '', `?step=1&m=${marker}`);
    history.pushState({}, '', `?step=2&m=${marker}`);
    // Twice: the second one must come from the HTTP cache (the server counts).
    await (await fetch('/cached.js')).text();
    await (await fetch('/cached.js')).text();
    await navigator.clipboard.writeText(marker);
    const form = document.querySelector('form');
    const sink = document.querySelector('iframe');
    if (!form || !sink) throw new Error('set page incomplete');
    for (const input of form.querySelectorAll('input')) input.value = `${input.name}-${marker}`;
    const submitted = new Promise((resolve) =>
      sink.addEventListener('load', resolve, { once: true }),
    );
    form.requestSubmit();
    await submitted;
    const download = document.createElement('a');
    download.href = `/file.bin?m=${marker}`;
    download.click();
  }, marker);
}

export function observeResidue(page: Page): Promise<Residue> {
  return page.evaluate(async () => {
    const state = async (name: string) =>
      (await navigator.permissions.query({ name } as PermissionDescriptor)).state;
    const clipboard = await navigator.clipboard.readText().catch(() => '');
    return {
      cookies: document.cookie,
      localStorage: localStorage.getItem('leak'),
      sessionStorage: sessionStorage.getItem('leak'),
      indexedDbNames: (await indexedDB.databases()).map((db) => db.name ?? ''),
      cacheNames: await caches.keys(),
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
      historyLength: history.length,
      notifications: await state('notifications'),
      geolocation: await state('geolocation'),
      clipboard,
    };
  });
}
