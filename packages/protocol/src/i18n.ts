import type { OutcomeCode } from './outcomes.js';

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

type OutcomeMessages = Record<`eid.outcome.${OutcomeCode}`, string>;

/** The citizen-facing texts of eID outcomes; German is primary, English always. */
const outcomeMessages: Record<Language, OutcomeMessages> = {
  de: {
    'eid.outcome.auth-success': 'Sie haben sich erfolgreich ausgewiesen.',
    'eid.outcome.pin-changed': 'Ihre neue PIN ist gesetzt. Die Online-Ausweisfunktion ist bereit.',
    'eid.outcome.cancelled': 'Der Vorgang wurde abgebrochen. Es wurden keine Daten übermittelt.',
    'eid.outcome.timeout':
      'Der Vorgang wurde wegen Zeitüberschreitung beendet. Bitte starten Sie neu.',
    'eid.outcome.wrong-pin': 'Die PIN war falsch. Bitte versuchen Sie es noch einmal.',
    'eid.outcome.wrong-can':
      'Die Zugangsnummer (CAN) war falsch. Sie steht vorne rechts unten auf dem Ausweis.',
    'eid.outcome.wrong-puk': 'Die PUK war falsch. Sie steht im PIN-Brief.',
    'eid.outcome.pin-suspended':
      'Die PIN wurde zweimal falsch eingegeben. Für den letzten Versuch brauchen Sie die Zugangsnummer (CAN) von der Vorderseite des Ausweises.',
    'eid.outcome.pin-blocked':
      'Die PIN ist gesperrt. Sie können sie mit der PUK aus Ihrem PIN-Brief entsperren.',
    'eid.outcome.transport-pin-required':
      'Ihr Ausweis hat noch die fünfstellige Transport-PIN. Setzen Sie zuerst Ihre eigene sechsstellige PIN.',
    'eid.outcome.eid-deactivated':
      'Die Online-Ausweisfunktion ist ausgeschaltet. Das Bürgeramt kann sie für Sie einschalten.',
    'eid.outcome.card-inoperative':
      'Die PUK ist verbraucht. Bitte wenden Sie sich an das Bürgeramt, um eine neue PIN zu bekommen.',
    'eid.outcome.card-expired':
      'Dieser Ausweis ist abgelaufen und kann nicht mehr verwendet werden.',
    'eid.outcome.card-removed':
      'Der Ausweis wurde vom Kartenleser genommen. Bitte legen Sie ihn wieder auf und starten Sie neu.',
    'eid.outcome.no-reader':
      'Es ist kein Kartenleser verbunden. Bitte wenden Sie sich an das Personal.',
    'eid.outcome.provider-unreachable':
      'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
    'eid.outcome.provider-error':
      'Der Dienst hat die Anfrage abgelehnt. Bitte versuchen Sie es später noch einmal.',
    'eid.outcome.invalid-request': 'Der Dienst hat eine ungültige Anfrage gestellt.',
    'eid.outcome.eid-client-crashed':
      'Die Ausweis-Software wurde unerwartet beendet und startet neu. Bitte versuchen Sie es noch einmal.',
    'eid.outcome.eid-error': 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',
  },
  en: {
    'eid.outcome.auth-success': 'You have identified yourself successfully.',
    'eid.outcome.pin-changed': 'Your new PIN is set. The online ID function is ready to use.',
    'eid.outcome.cancelled': 'The process was cancelled. No data was transmitted.',
    'eid.outcome.timeout': 'The process timed out. Please start again.',
    'eid.outcome.wrong-pin': 'The PIN was wrong. Please try again.',
    'eid.outcome.wrong-can':
      'The card access number (CAN) was wrong. It is at the bottom right of the front of your ID card.',
    'eid.outcome.wrong-puk': 'The PUK was wrong. You find it in your PIN letter.',
    'eid.outcome.pin-suspended':
      'The PIN was entered wrongly twice. For the last try you need the card access number (CAN) from the front of your ID card.',
    'eid.outcome.pin-blocked':
      'The PIN is blocked. You can unblock it with the PUK from your PIN letter.',
    'eid.outcome.transport-pin-required':
      'Your ID card still has the five-digit transport PIN. Please set your own six-digit PIN first.',
    'eid.outcome.eid-deactivated':
      'The online ID function is switched off. The citizen office can switch it on for you.',
    'eid.outcome.card-inoperative':
      'The PUK has been used up. Please contact the citizen office to get a new PIN.',
    'eid.outcome.card-expired': 'This ID card has expired and can no longer be used.',
    'eid.outcome.card-removed':
      'The ID card was taken off the reader. Please put it back and start again.',
    'eid.outcome.no-reader': 'No card reader is connected. Please ask the staff for help.',
    'eid.outcome.provider-unreachable':
      'The service cannot be reached right now. Please try again later.',
    'eid.outcome.provider-error': 'The service refused the request. Please try again later.',
    'eid.outcome.invalid-request': 'The service sent an invalid request.',
    'eid.outcome.eid-client-crashed':
      'The ID software stopped unexpectedly and is restarting. Please try again.',
    'eid.outcome.eid-error': 'Something went wrong. Please try again.',
  },
};

const trainingNote: Record<Language, string> = {
  de: 'SCHULUNG – simulierte Karte, keine echten Daten.',
  en: 'TRAINING – simulated card, no real data.',
};

export type MessageKey = keyof OutcomeMessages;

export function translate(language: Language, key: MessageKey): string {
  return outcomeMessages[language][key];
}

export function trainingLabel(language: Language): string {
  return trainingNote[language];
}

export function catalogueKeys(language: Language): string[] {
  return Object.keys(outcomeMessages[language]);
}
