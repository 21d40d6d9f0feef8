import type { EidAppInput } from '@sidbox/protocol';

/**
 * The demo city's own eID apps, one of each kind, on its training terminal: a library card
 * applied for at the terminal and handed over to the library desk, the youth centre workshop's
 * door, and an age check.
 */
export const demoEidApps: EidAppInput[] = [
  {
    id: 'bibliotheksausweis',
    title: { de: 'Bibliotheksausweis beantragen', en: 'Apply for a library card' },
    purpose: {
      de: 'Die Stadtbibliothek stellt Ihren Ausweis mit diesen Angaben aus.',
      en: 'The city library issues your card with these details.',
    },
    settings: {
      kind: 'form',
      cardData: ['givenNames', 'familyNames', 'dateOfBirth', 'placeOfResidence'],
      fields: [
        {
          id: 'e-mail',
          label: { de: 'E-Mail für Erinnerungen', en: 'E-mail for reminders' },
          type: 'email',
          required: false,
        },
      ],
      output: 'handover',
    },
  },
  {
    id: 'werkstatt-jugendzentrum',
    title: { de: 'Werkstatt im Jugendzentrum', en: 'Youth centre workshop' },
    purpose: {
      de: 'Einmal registrieren, dann öffnet die Werkstatttür mit Ihrem Ausweis.',
      en: 'Register once; then the workshop door opens with your ID card.',
    },
    settings: { kind: 'access' },
  },
  {
    id: 'altersnachweis-18',
    title: { de: 'Altersnachweis ab 18', en: 'Proof of age 18+' },
    purpose: {
      de: 'Jugendschutz: bestätigt nur, ob Sie volljährig sind.',
      en: 'Youth protection: confirms only whether you are of age.',
    },
    settings: { kind: 'age', minimumAge: 18 },
  },
];
