/**
 * German, the primary language: every key of the catalogue is defined here first. Messages
 * are ICU MessageFormat; numbers use `{count, plural, …}` so every language can inflect them.
 * The outcome and survey texts repeat packages/protocol's German texts word for word (a test
 * keeps them equal).
 */
export const de = {
  'language.name': 'Deutsch',
  'language.choose': 'Sprache wählen',
  'app.title': 'Bürgerterminal',
  training: 'Trainingsmodus',

  'attract.title': 'Willkommen',
  'attract.hint': 'Treten Sie auf die Matte oder berühren Sie den Bildschirm.',
  'attract.start': 'Starten',

  'home.title': 'Was möchten Sie erledigen?',
  'home.changePin': 'PIN ändern oder Transport-PIN ersetzen',
  'home.needsEid': 'Mit Online-Ausweis',

  'bar.label': 'Terminal-Steuerung',
  'bar.home': 'Start',
  'bar.end': 'Sitzung beenden',

  'warning.title': 'Sind Sie noch da?',
  'warning.text':
    'Die Sitzung endet in {seconds, plural, one {# Sekunde} other {# Sekunden}}. Alle Daten werden gelöscht.',
  'warning.stillHere': 'Ich bin noch da',

  'blocked.title': 'Seite nicht verfügbar',
  'blocked.text': 'Diese Seite ist am Terminal nicht verfügbar.',
  'error.title': 'Das hat leider nicht geklappt.',
  'error.text': 'Bitte versuchen Sie es noch einmal oder fragen Sie das Personal.',

  'card.reminder.title': 'Karte nicht vergessen!',
  'card.reminder.text': 'Bitte nehmen Sie Ihren Ausweis vom Kartenleser.',

  'eid.working': 'Bitte warten …',
  'eid.consent.title': 'Daten aus dem Ausweis',
  'eid.consent.text': 'Dieser Anbieter möchte Daten aus Ihrem Ausweis lesen:',
  'eid.accept': 'Einverstanden',
  'eid.cancel': 'Abbrechen',
  'eid.ok': 'OK',
  'eid.insertCard.title': 'Ausweis auflegen',
  'eid.insertCard.text': 'Bitte legen Sie Ihren Ausweis auf den Kartenleser.',
  'eid.trainingCard': 'Trainingskarte auflegen',
  'eid.pin.title': 'PIN eingeben',
  'eid.pin.text': 'Bitte geben Sie Ihre 6-stellige PIN ein.',
  'eid.currentPin.text':
    'Bitte geben Sie Ihre bisherige PIN ein (5-stellige Transport-PIN oder 6-stellige PIN).',
  'eid.can.title': 'Zugangsnummer (CAN) eingeben',
  'eid.can.text': 'Bitte geben Sie die 6-stellige Zugangsnummer (CAN) ein.',
  'eid.puk.title': 'PUK eingeben',
  'eid.puk.text': 'Bitte geben Sie die 10-stellige PUK aus Ihrem PIN-Brief ein.',
  'eid.newPin.title': 'Neue PIN wählen',
  'eid.newPin.text': 'Bitte wählen Sie Ihre neue 6-stellige PIN.',
  'eid.newPin.repeat': 'Bitte geben Sie die neue PIN noch einmal ein.',
  'eid.newPin.mismatch': 'Die beiden Eingaben stimmen nicht überein. Bitte noch einmal.',
  'eid.onReader': 'Bitte geben Sie die Nummer am Kartenleser ein.',
  'eid.wrongNumber': 'Die Nummer war nicht richtig. Bitte versuchen Sie es noch einmal.',
  'eid.triesLeft': 'Sie haben noch {count, plural, one {# Versuch} other {# Versuche}}.',

  'pad.delete': 'Letzte Ziffer löschen',
  'pad.entered':
    '{count, plural, =0 {Noch keine Ziffer eingegeben} one {# Ziffer eingegeben} other {# Ziffern eingegeben}}',

  'outcome.title': 'Ergebnis',
  'outcome.toSurvey': 'Kurze Umfrage',
  'outcome.auth-success': 'Sie haben sich erfolgreich ausgewiesen.',
  'outcome.pin-changed': 'Ihre neue PIN ist gesetzt. Die Online-Ausweisfunktion ist bereit.',
  'outcome.cancelled': 'Der Vorgang wurde abgebrochen. Es wurden keine Daten übermittelt.',
  'outcome.timeout': 'Der Vorgang wurde wegen Zeitüberschreitung beendet. Bitte starten Sie neu.',
  'outcome.wrong-pin': 'Die PIN war falsch. Bitte versuchen Sie es noch einmal.',
  'outcome.wrong-can':
    'Die Zugangsnummer (CAN) war falsch. Sie steht vorne rechts unten auf dem Ausweis.',
  'outcome.wrong-puk': 'Die PUK war falsch. Sie steht im PIN-Brief.',
  'outcome.pin-suspended':
    'Die PIN wurde zweimal falsch eingegeben. Für den letzten Versuch brauchen Sie die Zugangsnummer (CAN) von der Vorderseite des Ausweises.',
  'outcome.pin-blocked':
    'Die PIN ist gesperrt. Sie können sie mit der PUK aus Ihrem PIN-Brief entsperren.',
  'outcome.transport-pin-required':
    'Ihr Ausweis hat noch die fünfstellige Transport-PIN. Setzen Sie zuerst Ihre eigene sechsstellige PIN.',
  'outcome.eid-deactivated':
    'Die Online-Ausweisfunktion ist ausgeschaltet. Das Bürgeramt kann sie für Sie einschalten.',
  'outcome.card-inoperative':
    'Die PUK ist verbraucht. Bitte wenden Sie sich an das Bürgeramt, um eine neue PIN zu bekommen.',
  'outcome.card-expired': 'Dieser Ausweis ist abgelaufen und kann nicht mehr verwendet werden.',
  'outcome.card-removed':
    'Der Ausweis wurde vom Kartenleser genommen. Bitte legen Sie ihn wieder auf und starten Sie neu.',
  'outcome.no-reader': 'Es ist kein Kartenleser verbunden. Bitte wenden Sie sich an das Personal.',
  'outcome.provider-unreachable':
    'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
  'outcome.provider-error':
    'Der Dienst hat die Anfrage abgelehnt. Bitte versuchen Sie es später noch einmal.',
  'outcome.invalid-request': 'Der Dienst hat eine ungültige Anfrage gestellt.',
  'outcome.eid-client-crashed':
    'Die Ausweis-Software wurde unerwartet beendet und startet neu. Bitte versuchen Sie es noch einmal.',
  'outcome.eid-error': 'Es ist ein Fehler aufgetreten. Bitte versuchen Sie es noch einmal.',

  'survey.title': 'Wie hat Ihnen das Bürgerterminal gefallen?',
  'survey.comment': 'Anmerkung (freiwillig)',
  'survey.commentWarning':
    'Bitte schreiben Sie keine persönlichen Daten hinein: keinen Namen, keine Adresse, keine Ausweis- oder Telefonnummer.',
  'survey.send': 'Absenden',
  'survey.thanks': 'Vielen Dank für Ihre Antworten!',
  'survey.problem': 'Die Antworten konnten nicht gesendet werden. Bitte prüfen Sie Ihre Auswahl.',
  'survey.statement.informative': 'Die Präsentation des Bürgerterminals war informationsreich.',
  'survey.statement.shows-uses':
    'Die Vorführung des Bürgerterminals hat die verschiedenen Nutzungsmöglichkeiten aufgezeigt.',
  'survey.statement.faster':
    'Durch das Bürgerterminal können meine Verwaltungsanliegen schneller bearbeitet werden.',
  'survey.statement.permanent-terminal':
    'Die Einführung eines dauerhaften Bürgerterminals wäre insgesamt sehr vorteilhaft für die Bürgerinnen und Bürger.',
  'survey.statement.frees-staff':
    'Durch das Bürgerterminal hat die Stadt mehr Personalkapazität für andere (Fach-)Aufgaben.',
  'survey.statement.security-concerns':
    'Ich habe Sicherheitsbedenken bei der Verwendung der SIDbox bzw. des Bürgerterminals.',
  'survey.answer.fully-agree': 'Trifft voll und ganz zu',
  'survey.answer.agree': 'Trifft ziemlich zu',
  'survey.answer.partly': 'Trifft etwas zu',
  'survey.answer.disagree': 'Trifft wenig zu',
  'survey.answer.fully-disagree': 'Trifft gar nicht zu',
  'survey.answer.no-answer': 'Keine Angabe',
};

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;
