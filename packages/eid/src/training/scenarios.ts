/** The numbers printed on a training card and its training PIN letter. */
export interface CardValues {
  /** The 5-digit transport PIN from the PIN letter (only for a card not yet activated). */
  transportPin: string;
  pin: string;
  /** Card access number, printed on the front of the card. */
  can: string;
  puk: string;
}

/** The state a training card starts in. */
export interface CardSetup {
  /** The card still has its transport PIN: authentication refuses it, PIN change accepts it. */
  transportPinActive: boolean;
  retryCounter: number;
  /** How many more times the PUK can unblock the PIN (a real card allows 10). */
  pukUnblocksLeft: number;
  deactivated: boolean;
  /** The card is taken off the reader right after the next PIN entry (once). */
  removedAfterPin: boolean;
  /** Expired test data: the authentication fails after the PIN. */
  expired: boolean;
}

export interface TrainingScenario {
  readonly id: string;
  readonly title: { de: string; en: string };
  readonly description: { de: string; en: string };
  readonly values: CardValues;
  /** What staff read off the training card and PIN letter, one line. */
  readonly cardValues: string;
  readonly setup: CardSetup;
}

/**
 * The same memorable numbers on every training card, chosen so none is a prefix of another:
 * transport PIN 12345, PIN 123456, CAN 654321, PUK 1234567890.
 */
export const trainingCardValues: CardValues = {
  transportPin: '12345',
  pin: '123456',
  can: '654321',
  puk: '1234567890',
};

const healthy: CardSetup = {
  transportPinActive: false,
  retryCounter: 3,
  pukUnblocksLeft: 10,
  deactivated: false,
  removedAfterPin: false,
  expired: false,
};

function scenario(
  id: string,
  title: TrainingScenario['title'],
  description: TrainingScenario['description'],
  setup: Partial<CardSetup>,
): TrainingScenario {
  const v = trainingCardValues;
  const pin = setup.transportPinActive ? `transport PIN ${v.transportPin}` : `PIN ${v.pin}`;
  return {
    id,
    title,
    description,
    values: v,
    cardValues: `${pin}, CAN ${v.can}, PUK ${v.puk}`,
    setup: { ...healthy, ...setup },
  };
}

export const trainingScenarios: readonly TrainingScenario[] = [
  scenario(
    'transport-pin',
    { de: 'PIN-Brief, noch nicht aktiviert', en: 'PIN letter, not yet activated' },
    {
      de: 'Neue Karte mit fünfstelliger Transport-PIN: erst die eigene PIN setzen.',
      en: 'New card with the five-digit transport PIN: set an own PIN first.',
    },
    { transportPinActive: true },
  ),
  scenario(
    'normal',
    { de: 'Alles in Ordnung', en: 'Everything fine' },
    { de: 'Aktivierte Karte mit drei PIN-Versuchen.', en: 'Activated card with three PIN tries.' },
    {},
  ),
  scenario(
    'two-tries-left',
    { de: 'Noch zwei Versuche', en: 'Two tries left' },
    {
      de: 'Die PIN wurde schon einmal falsch eingegeben.',
      en: 'The PIN has been entered wrongly once already.',
    },
    { retryCounter: 2 },
  ),
  scenario(
    'can-needed',
    { de: 'CAN nötig', en: 'CAN needed' },
    {
      de: 'Zweimal falsche PIN: vor dem letzten Versuch wird die Zugangsnummer (CAN) verlangt.',
      en: 'PIN wrong twice: the card access number (CAN) is needed before the last try.',
    },
    { retryCounter: 1 },
  ),
  scenario(
    'puk-needed',
    { de: 'PIN gesperrt, PUK nötig', en: 'PIN blocked, PUK needed' },
    {
      de: 'Dreimal falsche PIN: die PUK aus dem PIN-Brief entsperrt sie.',
      en: 'PIN wrong three times: the PUK from the PIN letter unblocks it.',
    },
    { retryCounter: 0 },
  ),
  scenario(
    'deactivated',
    { de: 'Online-Ausweisfunktion aus', en: 'Online ID function off' },
    {
      de: 'Die Online-Ausweisfunktion ist ausgeschaltet; nur das Bürgeramt kann helfen.',
      en: 'The online ID function is switched off; only the citizen office can help.',
    },
    { deactivated: true },
  ),
  scenario(
    'puk-used-up',
    { de: 'PUK verbraucht', en: 'PUK used up' },
    {
      de: 'PIN gesperrt und die PUK schon zehnmal benutzt: nach der nächsten PUK ist die Karte unbrauchbar.',
      en: 'PIN blocked and the PUK used ten times: after the next PUK the card is inoperative.',
    },
    { retryCounter: 0, pukUnblocksLeft: 0 },
  ),
  scenario(
    'card-removed',
    { de: 'Karte weggenommen', en: 'Card removed' },
    {
      de: 'Die Karte wird direkt nach der PIN-Eingabe vom Leser genommen.',
      en: 'The card is taken off the reader right after the PIN entry.',
    },
    { removedAfterPin: true },
  ),
  scenario(
    'expired',
    { de: 'Ausweis abgelaufen', en: 'Card expired' },
    {
      de: 'Abgelaufene Testdaten: die Anmeldung scheitert nach der PIN.',
      en: 'Expired test data: the authentication fails after the PIN.',
    },
    { expired: true },
  ),
];

export function findScenario(id: string): TrainingScenario | undefined {
  return trainingScenarios.find((candidate) => candidate.id === id);
}
