import { OidcClientInput, UpdateOidcClientBody, type OidcClient } from '@sidbox/protocol';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../src/api.js';
import { errorText } from '../src/error-text.js';
import { catalogues } from '../src/messages.js';
import {
  badRedirectUris,
  discoveryUrlOf,
  draftOfClient,
  emptyDraft,
  inputOfDraft,
  updateOfDraft,
  withClaim,
} from '../src/oidc-clients/draft.js';

// The "Anmeldung mit Ausweis" page's pure parts: the form's draft to the API's input and back,
// the redirect URIs the hub would refuse named before sending, and errors in both languages.

describe('platform drafts', () => {
  it('turns the typed lines and ticks into an input the protocol accepts', () => {
    const draft = {
      ...emptyDraft(),
      clientId: ' vereinsportal ',
      name: ' Vereinsportal ',
      redirectUris: '  https://portal.example/cb \n\n http://127.0.0.1:8080/cb\n',
      claims: withClaim(['given_name'], 'age_over', true),
      minimumAge: '16',
    };
    expect(OidcClientInput.parse(inputOfDraft(draft))).toEqual({
      clientId: 'vereinsportal',
      name: 'Vereinsportal',
      redirectUris: ['https://portal.example/cb', 'http://127.0.0.1:8080/cb'],
      claims: ['given_name', 'age_over'],
      minimumAge: 16,
    });
  });

  it('sends a minimum age only with the age claim, and keeps the claims in order', () => {
    const draft = { ...emptyDraft(), name: 'P', redirectUris: 'https://p.example/' };
    expect(draft.claims).toEqual(['given_name', 'family_name']);
    const update = updateOfDraft({ ...draft, minimumAge: '21' });
    expect(update).not.toHaveProperty('minimumAge');
    expect(UpdateOidcClientBody.safeParse(update).success).toBe(true);
    expect(withClaim(['family_name', 'address'], 'given_name', true)).toEqual([
      'given_name',
      'family_name',
      'address',
    ]);
    expect(withClaim(['given_name', 'family_name'], 'given_name', false)).toEqual(['family_name']);
  });

  it('gives back the draft of a registered platform', () => {
    const client: OidcClient = {
      clientId: 'portal',
      name: 'Portal',
      redirectUris: ['https://a.example/cb', 'https://b.example/cb'],
      claims: ['age_over'],
      minimumAge: 18,
      organisationId: '00000000-0000-4000-8000-000000000000',
      archived: false,
      updatedAt: '2026-12-07T10:00:00.000Z',
    };
    const draft = draftOfClient(client);
    expect(draft.redirectUris).toBe('https://a.example/cb\nhttps://b.example/cb');
    expect(inputOfDraft(draft)).toEqual({
      clientId: 'portal',
      name: 'Portal',
      redirectUris: client.redirectUris,
      claims: ['age_over'],
      minimumAge: 18,
    });
  });

  it('names the redirect URIs the hub would refuse', () => {
    const draft = {
      ...emptyDraft(),
      redirectUris: [
        'https://ok.example/cb',
        'http://portal.example/cb',
        'https://portal.example/cb#top',
        'portal.example/cb',
        'http://localhost:3000/cb',
      ].join('\n'),
    };
    expect(badRedirectUris(draft)).toEqual([
      'http://portal.example/cb',
      'https://portal.example/cb#top',
      'portal.example/cb',
    ]);
  });

  it('names the discovery document under the issuer', () => {
    expect(discoveryUrlOf('https://eid.example/oidc')).toBe(
      'https://eid.example/oidc/.well-known/openid-configuration',
    );
  });
});

describe('texts', () => {
  it('has every text of the page in German and English', () => {
    const keys = Object.keys(catalogues.de).filter(
      (key) => key.startsWith('oidcClients.') || key === 'nav.oidc-clients',
    );
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) {
      const k = key as keyof typeof catalogues.de;
      expect([key, catalogues.en[k].length > 0]).toEqual([key, true]);
      expect([key, catalogues.de[k].length > 0]).toEqual([key, true]);
    }
  });

  it("explains the hub's platform errors in the admin's language", () => {
    const taken = new ApiError(409, 'oidc-client-exists', 'a platform with client id …');
    const archived = new ApiError(409, 'oidc-client-archived', 'restore it first');
    const de = (key: keyof typeof catalogues.de) => catalogues.de[key];
    const en = (key: keyof typeof catalogues.de) => catalogues.en[key];
    expect(errorText(taken, de)).toBe(
      'Diese Client-ID ist schon vergeben. Bitte wählen Sie eine andere.',
    );
    expect(errorText(taken, en)).toBe(
      'This client ID is taken already. Please choose another one.',
    );
    expect(errorText(archived, de)).toContain('archiviert');
  });
});
