import { AccessPointConfigSchema } from '../../access/src/config.js';
import { EidAppInput, type EidApp } from '@sidbox/protocol';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api.js';
import { accessPointConfig } from '../src/eid-apps/access-point-config.js';
import {
  draftOfApp,
  emptyDraft,
  emptyField,
  fieldIdOf,
  inputOfDraft,
  requestedData,
} from '../src/eid-apps/draft.js';
import { dayRuns, formatWindows, windowProblem } from '../src/eid-apps/windows.js';
import { errorText } from '../src/error-text.js';
import { catalogues } from '../src/messages.js';

// The eID-Apps page's pure parts: the form's draft to the API's input and back, the windows in
// words, the access point's starting configuration, and API errors in the admin's language.

describe('app drafts', () => {
  it('turns a form draft into an input the protocol accepts, with field ids from the labels', () => {
    const draft = {
      ...emptyDraft(),
      id: 'gaesteanmeldung',
      titleDe: ' Gästeanmeldung ',
      purposeDe: 'Meldeschein nach § 30 BMG',
      purposeEn: '',
      cardData: ['familyNames' as const, 'givenNames' as const, 'placeOfResidence' as const],
      fields: [
        { ...emptyField(), labelDe: 'Kfz-Kennzeichen', labelEn: 'Licence plate' },
        { ...emptyField(), labelDe: 'Anreise', type: 'date' as const, required: true },
        { ...emptyField(), labelDe: 'Anreise' },
      ],
      output: 'handover' as const,
    };
    const input = EidAppInput.parse(inputOfDraft(draft));
    expect(input.title).toEqual({ de: 'Gästeanmeldung' });
    expect(input.purpose).toEqual({ de: 'Meldeschein nach § 30 BMG' });
    expect(input.settings).toEqual({
      kind: 'form',
      cardData: ['familyNames', 'givenNames', 'placeOfResidence'],
      fields: [
        {
          id: 'kfz-kennzeichen',
          label: { de: 'Kfz-Kennzeichen', en: 'Licence plate' },
          type: 'text',
          required: false,
        },
        { id: 'anreise', label: { de: 'Anreise' }, type: 'date', required: true },
        { id: 'anreise-2', label: { de: 'Anreise' }, type: 'text', required: false },
      ],
      output: 'handover',
    });
  });

  it('keeps a field id once given, and round-trips an app through the editor', () => {
    const app: EidApp = {
      id: 'hotel',
      title: { de: 'Hotel', en: 'Hotel' },
      purpose: { de: 'Anmeldung' },
      settings: {
        kind: 'form',
        cardData: ['givenNames'],
        fields: [{ id: 'zimmer', label: { de: 'Zimmernummer' }, type: 'number', required: true }],
        output: 'print',
      },
      organisationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      archived: false,
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const draft = draftOfApp(app);
    const fields = draft.fields.map((f) => ({ ...f, labelDe: 'Raum' }));
    expect(inputOfDraft({ ...draft, fields }).settings).toMatchObject({
      fields: [{ id: 'zimmer', label: { de: 'Raum' } }],
    });
    expect(inputOfDraft(draft)).toEqual({
      id: app.id,
      title: app.title,
      purpose: app.purpose,
      settings: app.settings,
    });
  });

  it('asks exactly what the kind allows', () => {
    expect(requestedData({ ...emptyDraft(), kind: 'access', cardData: ['dateOfBirth'] })).toEqual([
      'restrictedId',
    ]);
    expect(requestedData({ ...emptyDraft(), kind: 'age', minimumAge: '16' })).toEqual([
      'ageVerification',
    ]);
    expect(inputOfDraft({ ...emptyDraft(), kind: 'age', minimumAge: '16' }).settings).toEqual({
      kind: 'age',
      minimumAge: 16,
    });
  });

  it('makes a slug of any label', () => {
    expect(fieldIdOf('Straße & Nr.', new Set())).toBe('strasse-nr');
    expect(fieldIdOf('!!!', new Set(['feld']))).toBe('feld-2');
  });
});

describe('time windows in words', () => {
  const day = (n: number) => catalogues.de[`dayShort.${n}` as 'dayShort.1'];
  it('joins three or more days in a row', () => {
    expect(dayRuns([5, 1, 2, 3, 4], day)).toBe('Mo–Fr');
    expect(dayRuns([1, 3, 6, 7], day)).toBe('Mo, Mi, Sa, So');
    expect(
      formatWindows(
        [
          { days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' },
          { days: [6], from: '08:00', to: '12:00' },
        ],
        day,
        'jederzeit',
      ),
    ).toBe('Mo–Fr 07:00–19:00; Sa 08:00–12:00');
    expect(formatWindows([], day, 'jederzeit')).toBe('jederzeit');
  });

  it('names the first window the hub would refuse', () => {
    expect(windowProblem([{ days: [1], from: '08:00', to: '09:00' }])).toBeUndefined();
    expect(
      windowProblem([
        { days: [1], from: '08:00', to: '09:00' },
        { days: [2], from: '10:00', to: '10:00' },
      ]),
    ).toEqual({ problem: 'from-after-to', n: 2 });
    expect(windowProblem([{ days: [], from: '08:00', to: '09:00' }])).toEqual({
      problem: 'no-days',
      n: 1,
    });
  });
});

describe('access point configuration', () => {
  it("is an access.yaml the access point accepts, from the hub's answer but for the reader", () => {
    const jwk = {
      kty: 'OKP' as const,
      crv: 'Ed25519' as const,
      x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      kid: 'k1',
    };
    const text = accessPointConfig(
      {
        accessPoint: {
          id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          name: 'Tor',
          createdAt: '2026-01-01T00:00:00.000Z',
          revokedAt: null,
          lastSeenAt: null,
        },
        hubUrl: 'https://hub.example.org',
        trustAnchor: jwk,
        eidServerOrigin: 'https://eid.example.org',
      },
      { reader: '<Kartenleser>' },
    );
    const config = AccessPointConfigSchema.parse(parse(text));
    expect(config.hub).toEqual({
      url: 'https://hub.example.org',
      tokenFile: 'hub-token.txt',
      pointId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      trustAnchor: [jwk],
      timeoutMs: 2000,
      allowlistMaxAgeMinutes: 1440,
    });
    expect(config.eidServer).toMatchObject({
      origin: 'https://eid.example.org',
      apiKeyFile: 'eid-server-key.txt',
      testPki: false,
    });
    // Only the site's reader is left to fill in; no secret is in the file.
    expect(text.match(/<[^>]*>/g)).toEqual(['<Kartenleser>']);
    expect(config.reader.name).toBe('<Kartenleser>');
  });
});

describe('API errors', () => {
  const t = (key: keyof typeof catalogues.de) => catalogues.de[key];
  it('are explained by code in German, never with the hub English message', () => {
    const taken = new ApiError(409, 'eid-app-exists', 'an app with this id exists');
    expect(errorText(taken, t)).toBe(catalogues.de['eidApps.idTaken']);
    const odd = new ApiError(418, 'teapot', 'I am a teapot');
    expect(errorText(odd, t)).toBe('Die Aktion ist fehlgeschlagen (teapot)');
    expect(errorText(new TypeError('Failed to fetch'), t)).toBe(
      catalogues.de['errors.unreachable'],
    );
  });

  it('has every text in English too', () => {
    for (const [key, text] of Object.entries(catalogues.en)) expect(text, key).not.toBe('');
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.de).sort());
  });
});
