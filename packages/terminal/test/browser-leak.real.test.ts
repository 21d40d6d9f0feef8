import { existsSync, readlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testVolume } from '../../../scripts/test-volume.js';
import { ChromiumKioskBrowser } from '../src/browser/chromium-kiosk-browser.js';
import { fileWithContent, filesContaining } from './helpers/browser/files.js';
import { observeResidue, plantResidue, type Residue } from './helpers/browser/residue.js';
import { html, serveSite, type TestSite } from './helpers/sites.js';

const SESSIONS = testVolume(20);
const RUN = Date.now().toString(36);

let service: TestSite;
let browser: ChromiumKioskBrowser;
/** Cookie headers the service received, by path. */
const cookiesSent = new Map<string, string | undefined>();
let cachedFetches = 0;

const SET_PAGE = html(`<h1>set</h1>
  <form action=/submitted target=sink autocomplete=on>
    <input name=name autocomplete=name><input name=email autocomplete=email>
    <input name=street autocomplete=street-address>
  </form>
  <iframe name=sink></iframe>`);

beforeAll(async () => {
  service = await serveSite({
    '/check': html('<h1>check</h1>'),
    '/set': (request, response, url) => {
      const m = url.searchParams.get('m') ?? '';
      response.setHeader('Set-Cookie', [
        `session=${m}; Path=/`,
        `persistent=${m}; Path=/; Max-Age=86400`,
        `httponly=${m}; Path=/; HttpOnly`,
      ]);
      SET_PAGE(request, response, url);
    },
    '/submitted': (request, response, url) => {
      cookiesSent.set('/submitted', request.headers.cookie);
      html('thanks')(request, response, url);
    },
    '/sw.js': (_q, response) => {
      response.writeHead(200, { 'Content-Type': 'text/javascript' });
      response.end("self.addEventListener('fetch', () => undefined);");
    },
    '/cached.js': (request, response) => {
      cachedFetches += 1;
      cookiesSent.set('/cached.js', request.headers.cookie);
      response.writeHead(200, {
        'Content-Type': 'text/javascript',
        'Cache-Control': 'max-age=3600',
      });
      response.end('// cached');
    },
    '/file.bin': (_q, response, url) => {
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': 'attachment; filename=leak.bin',
      });
      response.end(`download-${url.searchParams.get('m') ?? ''}`);
    },
  });
  browser = new ChromiumKioskBrowser({
    rules: {
      kioskOrigins: [],
      services: [
        {
          id: 'svc',
          startUrl: service.url('/check'),
          origins: [service.origin],
          allowDownloads: true,
          allowPrint: false,
        },
      ],
    },
  });
  await browser.start(service.url('/check'));
});

afterAll(async () => {
  await browser?.stop();
  await service?.close();
});

const page = () => browser.devtoolsPage();

/**
 * Stands in for permissions a citizen granted (the policy denies every prompt). One call sets
 * all of them: each grant replaces the origin's earlier ones. The session stays attached (it
 * dies with its browser): Chromium drops a session's permission overrides when it detaches.
 */
async function grant(permissions: string[]): Promise<void> {
  const cdp = await page().browser().target().createCDPSession();
  await cdp.send('Browser.grantPermissions', {
    origin: service.origin,
    permissions: permissions as never,
  });
}

/** One page load of the check page: what the origin sees, and one fetch of the cached resource. */
async function observeFresh(): Promise<Residue & { cacheMiss: boolean }> {
  // Reading the clipboard needs the permission; the fresh browser must not have anything else.
  await grant(['clipboardReadWrite']);
  await page().bringToFront();
  const residue = await observeResidue(page());
  const before = cachedFetches;
  await page().evaluate(async () => void (await (await fetch('/cached.js')).text()));
  return { ...residue, cacheMiss: cachedFetches === before + 1 };
}

it(`leaves nothing of a session to the next one, ${SESSIONS} times in a row`, async () => {
  let baselineHistory: number | null = null;
  let previous: { marker: string; root: string } | null = null;

  for (let n = 0; n < SESSIONS; n += 1) {
    const marker = `leak${RUN}x${n}`;
    const fresh = await observeFresh();
    baselineHistory ??= fresh.historyLength;
    expect(fresh, `session ${n} starts clean`).toEqual({
      cookies: '',
      localStorage: null,
      sessionStorage: null,
      indexedDbNames: [],
      cacheNames: [],
      serviceWorkers: 0,
      historyLength: baselineHistory,
      notifications: expect.not.stringMatching('granted'),
      geolocation: expect.not.stringMatching('granted'),
      clipboard: '',
      cacheMiss: true,
    });
    expect(cookiesSent.get('/cached.js'), 'no cookie reached the service').toBeUndefined();
    // Chromium's own temporary files (its singleton socket) go with the profile, not to /tmp.
    const instanceRoot = dirname(browser.profileDir ?? '');
    expect(readlinkSync(join(browser.profileDir ?? '', 'SingletonSocket'))).toMatch(
      new RegExp(`^${instanceRoot}/tmp/`),
    );
    if (previous) {
      expect(existsSync(previous.root), 'the old profile is gone').toBe(false);
      // Autofill entries, the download and everything else of the last session live only in
      // files of its browser: the new one must not hold a byte of it.
      const profile = browser.profileDir ?? '';
      expect(await filesContaining(dirname(profile), previous.marker)).toEqual([]);
    }

    await browser.navigate(service.url(`/set?m=${marker}`));
    await grant(['notifications', 'geolocation', 'clipboardReadWrite', 'clipboardSanitizedWrite']);
    await page().bringToFront();
    const fetchesBefore = cachedFetches;
    await plantResidue(page(), marker);
    const downloads = browser.downloadsDir ?? '';
    await fileWithContent(downloads, `download-${marker}`);
    const planted = await observeResidue(page());
    // Everything really was there: storage works, so a clean next session means a real wipe.
    expect(planted, `session ${n} planted everything`).toEqual({
      cookies: `session=${marker}; persistent=${marker}`,
      localStorage: marker,
      sessionStorage: marker,
      indexedDbNames: [`leak-${marker}`],
      cacheNames: [`leak-${marker}`],
      serviceWorkers: 1,
      historyLength: expect.any(Number) as number,
      notifications: 'granted',
      geolocation: 'granted',
      clipboard: marker,
    });
    expect(planted.historyLength).toBeGreaterThanOrEqual(baselineHistory + 3);
    expect(cachedFetches, 'the second fetch came from the HTTP cache').toBe(fetchesBefore);
    expect(cookiesSent.get('/submitted')).toContain(`httponly=${marker}`);
    expect(service.requests).toContain(
      `/submitted?name=name-${marker}&email=email-${marker}&street=street-${marker}`,
    );

    previous = { marker, root: dirname(downloads) };
    await browser.reset(service.url('/check'));
  }
}, 120_000);
