/**
 * German, the primary language: every key of the catalogue is defined here first. Messages
 * are ICU MessageFormat; numbers use `{count, plural, …}` so every language can inflect them.
 * The outcome and survey texts repeat packages/protocol's German texts word for word (a test
 * keeps them equal). Keys starting with `bar.`, `notice.` or `scan.` are plain text (no arguments):
 * the daemon shows them on service pages (dist/kiosk-texts.json).
 */
export const de = {
  'language.name': 'Deutsch',
  'language.choose': 'Sprache wählen',
  'app.title': 'Bürgerterminal',

  'training.banner': 'Übungsmodus – Trainingskarte, keine echten Daten',
  'training.picker.title': 'Für das Personal: Trainingskarte auswählen',
  'training.picker.values': 'Auf dieser Karte und ihrem PIN-Brief steht:',

  'attract.title': 'Willkommen am Bürgerterminal',
  'attract.offer':
    'Hier setzen Sie die PIN für Ihren Online-Ausweis und erledigen Behördengänge online – sicher, und ohne Spuren zu hinterlassen.',
  'attract.hint': 'Treten Sie auf die Matte oder berühren Sie den Bildschirm.',
  'attract.start': 'Starten',
  'attract.slides': 'Wissenswertes',
  'attract.slideOf': '{n} von {total}',
  'attract.pause': 'Anhalten',
  'attract.play': 'Weiterlaufen lassen',
  'attract.next': 'Nächster Hinweis',
  'attract.slide.what.title': 'Was ist der Online-Ausweis?',
  'attract.slide.what.text':
    'Mit dem Chip in Ihrem Personalausweis weisen Sie sich im Internet aus – so sicher wie am Schalter im Amt.',
  'attract.slide.need.title': 'Was brauche ich?',
  'attract.slide.need.text':
    'Ihren Ausweis und Ihre sechsstellige PIN. Noch keine PIN? Dann den PIN-Brief mit der fünfstelligen Transport-PIN.',
  'attract.slide.safe.title': 'Ist das sicher?',
  'attract.slide.safe.text':
    'Ja. Die Daten gehen verschlüsselt nur an geprüfte Anbieter, und nur mit Ihrer PIN. Am Ende der Sitzung löscht das Terminal alles.',
  'attract.slide.pin.title': 'PIN vergessen oder nie gesetzt?',
  'attract.slide.pin.text':
    'Mit dem PIN-Brief setzen Sie hier in wenigen Minuten Ihre eigene PIN. Das Personal hilft Ihnen gern.',

  'home.title': 'Was möchten Sie erledigen?',
  'home.changePin': 'PIN setzen oder ändern',
  'home.changePinText':
    'Mit dem PIN-Brief Ihre eigene PIN festlegen oder Ihre PIN ändern – in wenigen Minuten.',
  'home.categories': 'Bereiche',
  'home.search': 'Dienst suchen',
  'home.noMatch': 'Kein Dienst gefunden. Bitte wählen Sie einen anderen Bereich oder Suchbegriff.',
  'home.needsEid': 'Mit Online-Ausweis',
  'home.noEid': 'Ohne Ausweis',

  'category.all': 'Alle',
  'category.eid': 'Online-Ausweis',
  'category.vehicle': 'Fahrzeug',
  'category.residence': 'Wohnen und Melden',
  'category.certificates': 'Urkunden und Nachweise',
  'category.pension-tax': 'Rente und Steuern',
  'category.education': 'Bildung',
  'category.business': 'Gewerbe',
  'category.other': 'Weitere',

  'smartphone.title': 'Zu Hause weitermachen',
  'smartphone.text':
    'Scannen Sie einen Code mit der Kamera Ihres Smartphones. Mit der AusweisApp können Sie sich auch zu Hause ausweisen.',
  'smartphone.android': 'AusweisApp für Android (Google Play)',
  'smartphone.ios': 'AusweisApp für iPhone (App Store)',
  'smartphone.qrLabel': 'QR-Code: {name}',

  'readerMissing.title': 'Kartenleser nicht verbunden',
  'readerMissing.text':
    'Der Kartenleser ist gerade nicht angeschlossen, deshalb gehen Dienste mit Online-Ausweis im Moment nicht. Bitte sagen Sie dem Personal Bescheid – es schließt ihn wieder an.',
  'readerMissing.others': 'Die folgenden Dienste ohne Ausweis können Sie weiter nutzen.',

  'bar.label': 'Terminal-Steuerung',
  'bar.home': 'Startseite',
  'bar.back': 'Zurück',
  'bar.language': 'Sprache',
  'bar.help': 'Hilfe',
  'bar.helpText':
    'Mit dieser Leiste kommen Sie jederzeit zur Startseite des Terminals zurück oder beenden Ihre Sitzung. Die Seite darunter gehört dem Anbieter des Dienstes.',
  'bar.textSize': 'Textgröße',
  'bar.print': 'Drucken',
  'bar.speak': 'Vorlesen',
  'bar.speakStop': 'Vorlesen beenden',
  'bar.close': 'Schließen',
  'bar.end': 'Sitzung beenden',
  'textSize.now': '{percent} %',

  'notice.printing': 'Wird gedruckt …',
  'notice.printerMissing': 'Der Drucker ist gerade nicht verfügbar. Bitte fragen Sie das Personal.',
  'notice.outOfPaper': 'Der Drucker hat kein Papier mehr. Bitte sagen Sie dem Personal Bescheid.',
  'notice.paperJam': 'Papierstau im Drucker. Bitte sagen Sie dem Personal Bescheid.',
  'notice.printerOffline': 'Der Drucker ist ausgeschaltet. Bitte sagen Sie dem Personal Bescheid.',
  'notice.scanned': 'Das Dokument ist eingescannt.',
  'notice.scanFailed': 'Das Scannen hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
  'scan.title': 'Dokument scannen',
  'scan.instruction':
    'Legen Sie die erste Seite mit der Schrift nach unten auf die Glasplatte des Scanners und schließen Sie den Deckel. Tippen Sie dann auf „Seite scannen“.',
  'scan.scanning': 'Die Seite wird gescannt … Bitte lassen Sie den Deckel geschlossen.',
  'scan.next':
    'Prüfen Sie die Vorschau. Für eine weitere Seite legen Sie diese auf und tippen auf „Weitere Seite scannen“. Wenn alle Seiten da sind, tippen Sie auf „Fertig“.',
  'scan.limit': 'Mehr Seiten passen nicht in ein Dokument. Tippen Sie auf „Fertig“.',
  'scan.failed':
    'Das Scannen hat nicht geklappt. Liegt die Seite richtig und ist der Deckel zu? Versuchen Sie es noch einmal, oder fragen Sie das Personal.',
  'scan.binding': 'Das Dokument wird erstellt …',
  'scan.scanPage': 'Seite scannen',
  'scan.scanMore': 'Weitere Seite scannen',
  'scan.retry': 'Noch einmal scannen',
  'scan.done': 'Fertig – Dokument übernehmen',
  'scan.cancel': 'Abbrechen',
  'scan.pages': 'Gescannte Seiten',
  'scan.page': 'Seite',
  'scan.remove': 'Entfernen',
  'scan.note':
    'Die Scans gehen nur an diesen Dienst und werden am Ende Ihrer Sitzung vom Terminal gelöscht.',
  'notice.uploadUnavailable':
    'Hier können keine Dateien hochgeladen werden. Bitte fragen Sie das Personal.',
  'notice.uploadWrongType':
    'Dieses Feld nimmt keine gescannten Dokumente an. Bitte fragen Sie das Personal.',

  'help.title': 'Hilfe',
  'help.bar':
    'Oben finden Sie immer: Startseite, Zurück, Sprache, Hilfe, Textgröße und Sitzung beenden. Beim Beenden wird alles gelöscht.',
  'help.staff': 'Kommen Sie nicht weiter? Das Personal hilft Ihnen gern.',
  'help.home':
    'Wählen Sie einen Dienst, indem Sie auf seine Kachel tippen. Mit den Bereichen oben sehen Sie nur passende Dienste. Für die PIN tippen Sie auf „PIN setzen oder ändern“.',
  'help.fast-lane':
    'Hier erfahren Sie, was PIN, Transport-PIN, CAN und PUK sind. Dann wählen Sie, ob Sie einen PIN-Brief haben oder Ihre PIN schon kennen.',
  'help.consent':
    'Der Anbieter zeigt, wer er ist und welche Daten er aus Ihrem Ausweis lesen möchte. Freiwillige Angaben können Sie abwählen. Gelesen wird erst, wenn Sie danach Ihre PIN eingeben.',
  'help.insert-card':
    'Legen Sie Ihren Ausweis flach auf den Kartenleser und lassen Sie ihn dort liegen, bis der Vorgang fertig ist.',
  'help.pin':
    'Tippen Sie Ihre PIN auf die Zifferntasten. Statt Ziffern sehen Sie Punkte. Mit „Tasten mischen“ stehen die Ziffern an anderen Stellen. Dann tippen Sie auf OK.',
  'help.can':
    'Die Zugangsnummer (CAN) hat sechs Ziffern und steht unten rechts auf der Vorderseite Ihres Ausweises.',
  'help.puk':
    'Die PUK hat zehn Ziffern und steht in Ihrem PIN-Brief. Mit ihr wird Ihre gesperrte PIN wieder freigegeben.',
  'help.new-pin':
    'Wählen Sie sechs Ziffern, die Sie sich merken können, und geben Sie sie zweimal ein. Nehmen Sie kein Geburtsdatum und keine einfache Folge wie 123456.',
  'help.working':
    'Das Terminal spricht mit Ihrem Ausweis. Bitte lassen Sie ihn auf dem Kartenleser liegen.',
  'help.outcome':
    'Hier steht, wie der Vorgang ausgegangen ist und was Sie als Nächstes tun können.',
  'help.survey':
    'Die Umfrage ist freiwillig und anonym. Wählen Sie bei jeder Aussage eine Antwort oder lassen Sie sie aus.',
  'help.blocked':
    'Diese Seite ist am Terminal gesperrt. Mit „Zurück“ kommen Sie zur vorigen Seite, mit „Startseite“ zu allen Diensten.',
  'help.error':
    'Etwas hat nicht geklappt. Versuchen Sie es noch einmal über die Startseite oder fragen Sie das Personal.',

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

  'picture.insertCard': 'Ein Ausweis wird flach auf den Kartenleser gelegt.',
  'picture.can':
    'Vorderseite des Ausweises: die sechsstellige Zugangsnummer (CAN) steht unten rechts.',
  'picture.pinLetter':
    'PIN-Brief: links das Feld mit der fünfstelligen Transport-PIN, rechts das Feld mit der PUK.',
  'picture.puk': 'PIN-Brief: die zehnstellige PUK steht im rechten Feld.',

  'fastLane.title': 'PIN setzen oder ändern',
  'fastLane.intro':
    'Für den Online-Ausweis brauchen Sie eine eigene sechsstellige PIN. Vorher kurz erklärt – vier Nummern, die Sie kennen sollten:',
  'fastLane.pin.name': 'PIN (6 Ziffern)',
  'fastLane.pin.text':
    'Ihre persönliche Geheimzahl. Sie legen sie selbst fest und geben sie bei jedem Ausweisen ein. Verraten Sie sie niemandem.',
  'fastLane.transportPin.name': 'Transport-PIN (5 Ziffern)',
  'fastLane.transportPin.text':
    'Steht im PIN-Brief, den Sie nach dem Beantragen des Ausweises per Post bekommen haben. Sie gilt nur einmal: zum Festlegen Ihrer eigenen PIN.',
  'fastLane.can.name': 'Zugangsnummer CAN (6 Ziffern)',
  'fastLane.can.text':
    'Steht unten rechts auf der Vorderseite Ihres Ausweises. Sie wird verlangt, wenn die PIN zweimal falsch eingegeben wurde.',
  'fastLane.puk.name': 'PUK (10 Ziffern)',
  'fastLane.puk.text':
    'Steht ebenfalls im PIN-Brief. Mit ihr entsperren Sie Ihre PIN, wenn sie dreimal falsch eingegeben wurde.',
  'fastLane.letterCaption': 'Der PIN-Brief: Transport-PIN und PUK',
  'fastLane.canCaption': 'Der Ausweis: die CAN unten rechts',
  'fastLane.choose': 'Was trifft auf Sie zu?',
  'fastLane.haveLetter': 'Ich habe meinen PIN-Brief (5-stellige Transport-PIN)',
  'fastLane.haveLetterText': 'Sie ersetzen die Transport-PIN durch Ihre eigene sechsstellige PIN.',
  'fastLane.knowPin': 'Ich kenne meine PIN und möchte sie ändern',
  'fastLane.knowPinText': 'Sie geben Ihre bisherige PIN ein und wählen eine neue.',
  'fastLane.neither':
    'Kein PIN-Brief und PIN vergessen? Beim Bürgeramt bekommen Sie einen neuen PIN-Brief.',

  'eid.working': 'Bitte warten …',
  'eid.working.keepCard': 'Bitte lassen Sie Ihren Ausweis auf dem Kartenleser liegen.',
  'eid.progress': 'Fortschritt',
  'eid.consent.title': 'Ein Anbieter möchte Daten aus Ihrem Ausweis lesen',
  'eid.consent.provider': 'Anbieter',
  'eid.consent.purpose': 'Zweck',
  'eid.consent.issuer': 'Berechtigung ausgestellt von',
  'eid.consent.validity': 'Berechtigung gültig',
  'eid.consent.validityRange': 'vom {from} bis zum {until}',
  'eid.consent.required': 'Diese Daten werden übermittelt:',
  'eid.consent.optional': 'Freiwillige Angaben (zum Abwählen antippen):',
  'eid.consent.age': 'Geprüft wird nur, ob Sie mindestens {age} Jahre alt sind.',
  'eid.consent.pinNext':
    'Gelesen wird erst, wenn Sie danach Ihre PIN eingeben. Sie können jederzeit abbrechen.',
  'eid.accept': 'Einverstanden, weiter',
  'eid.cancel': 'Abbrechen',
  'eid.ok': 'OK',
  'eid.insertCard.title': 'Ausweis auflegen',
  'eid.insertCard.text': 'Bitte legen Sie Ihren Ausweis flach auf den Kartenleser.',
  'eid.insertCard.keep': 'Lassen Sie ihn dort liegen, bis der Vorgang fertig ist.',
  'eid.insertCard.problem.eid-deactivated':
    'Bei diesem Ausweis ist die Online-Ausweisfunktion ausgeschaltet. Das Bürgeramt kann sie einschalten.',
  'eid.insertCard.problem.unknown-card':
    'Diese Karte wird nicht erkannt. Bitte legen Sie Ihren Personalausweis oder elektronischen Aufenthaltstitel auf.',
  'eid.trainingCard': 'Trainingskarte auflegen',
  'eid.pin.title': 'PIN eingeben',
  'eid.pin.text': 'Bitte geben Sie Ihre 6-stellige PIN ein.',
  'eid.currentPin.text':
    'Bitte geben Sie Ihre bisherige PIN ein (5-stellige Transport-PIN oder 6-stellige PIN).',
  'eid.can.title': 'Zugangsnummer (CAN) eingeben',
  'eid.can.text': 'Bitte geben Sie die 6-stellige Zugangsnummer (CAN) ein.',
  'eid.can.where':
    'Die CAN steht unten rechts auf der Vorderseite Ihres Ausweises. Sie schützt den letzten PIN-Versuch.',
  'eid.puk.title': 'PUK eingeben',
  'eid.puk.text': 'Bitte geben Sie die 10-stellige PUK aus Ihrem PIN-Brief ein.',
  'eid.puk.where':
    'Die PUK steht in Ihrem PIN-Brief. Sie entsperrt Ihre PIN nach drei falschen Versuchen.',
  'eid.newPin.title': 'Neue PIN wählen',
  'eid.newPin.entry': 'Eingabe {entry} von 2',
  'eid.newPin.text': 'Bitte wählen Sie Ihre neue 6-stellige PIN.',
  'eid.newPin.tip':
    'Nehmen Sie kein Geburtsdatum und keine einfache Folge wie 123456, und schreiben Sie die PIN nicht auf den Ausweis.',
  'eid.newPin.repeat': 'Bitte geben Sie die neue PIN noch einmal ein.',
  'eid.newPin.mismatch': 'Die beiden Eingaben stimmen nicht überein. Bitte noch einmal.',
  'eid.onReader': 'Bitte geben Sie die Nummer am Kartenleser ein – auf seinen eigenen Tasten.',
  'eid.wrongNumber': 'Die Nummer war nicht richtig. Bitte versuchen Sie es noch einmal.',
  'eid.triesLeft': 'Sie haben noch {count, plural, one {# Versuch} other {# Versuche}}.',

  'right.Address': 'Anschrift',
  'right.BirthName': 'Geburtsname',
  'right.FamilyName': 'Familienname',
  'right.GivenNames': 'Vornamen',
  'right.PlaceOfBirth': 'Geburtsort',
  'right.DateOfBirth': 'Geburtsdatum',
  'right.DoctoralDegree': 'Doktorgrad',
  'right.ArtisticName': 'Ordens- oder Künstlername',
  'right.Pseudonym': 'Pseudonym (eine Kennung nur für diesen Anbieter)',
  'right.ValidUntil': 'Gültig bis',
  'right.Nationality': 'Staatsangehörigkeit',
  'right.IssuingCountry': 'Ausstellender Staat',
  'right.DocumentType': 'Art des Ausweises',
  'right.ResidencePermitI': 'Nebenbestimmungen zum Aufenthaltstitel (Teil 1)',
  'right.ResidencePermitII': 'Nebenbestimmungen zum Aufenthaltstitel (Teil 2)',
  'right.CommunityID': 'Gemeindeschlüssel (Ihr Wohnort als Kennzahl)',
  'right.AddressVerification': 'Bestätigung, ob Sie an einem bestimmten Ort wohnen',
  'right.AgeVerification': 'Bestätigung, ob Sie ein bestimmtes Alter erreicht haben',
  'right.WriteAddress': 'Anschrift im Ausweis ändern',
  'right.WriteCommunityID': 'Gemeindeschlüssel im Ausweis ändern',
  'right.WriteResidencePermitI': 'Nebenbestimmungen (Teil 1) im Ausweis ändern',
  'right.WriteResidencePermitII': 'Nebenbestimmungen (Teil 2) im Ausweis ändern',
  'right.CanAllowed': 'Ausweisen mit der Zugangsnummer (CAN) statt der PIN',
  'right.PinManagement': 'PIN verwalten',
  'right.unknown': 'Weitere Angabe ({id})',

  'pad.delete': 'Letzte Ziffer löschen',
  'pad.shuffle': 'Tasten mischen',
  'pad.entered':
    '{count, plural, =0 {Noch keine Ziffer eingegeben} one {# Ziffer eingegeben} other {# Ziffern eingegeben}}',
  'pad.enteredOf': '{count} von {total} Ziffern eingegeben',

  'outcome.title.success': 'Geschafft',
  'outcome.title.failure': 'Das hat nicht geklappt',
  'outcome.nextTitle': 'Wie geht es weiter?',
  'outcome.toSurvey': 'Kurze Umfrage',
  'outcome.home': 'Zur Startseite',
  'outcome.changePin': 'PIN setzen oder ändern',
  'outcome.selfCheck': 'Online-Ausweis jetzt testen',
  'outcome.selfCheckHint':
    'Prüfen Sie gleich, ob Ihre neue PIN funktioniert: Ihr Ausweis wird gelesen, und Sie sehen, was er über Sie speichert. Gespeichert wird nichts.',
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
  'outcome.next.auth-success': 'Der Dienst zeigt Ihnen gleich die nächsten Schritte.',
  'outcome.next.pin-changed':
    'Merken Sie sich Ihre neue PIN gut. Ab jetzt können Sie sich online ausweisen – hier am Terminal oder zu Hause mit der AusweisApp.',
  'outcome.next.cancelled': 'Sie können jederzeit neu beginnen.',
  'outcome.next.timeout':
    'Starten Sie den Vorgang neu und halten Sie Ausweis und PIN-Brief bereit.',
  'outcome.next.wrong-pin':
    'Versuchen Sie es noch einmal. Nach dem zweiten Fehlversuch wird zusätzlich die Zugangsnummer (CAN) verlangt.',
  'outcome.next.wrong-can':
    'Prüfen Sie die sechs Ziffern unten rechts auf der Vorderseite Ihres Ausweises und versuchen Sie es noch einmal.',
  'outcome.next.wrong-puk':
    'Die PUK hat zehn Ziffern und steht in Ihrem PIN-Brief. Haben Sie ihn nicht mehr, hilft das Bürgeramt.',
  'outcome.next.pin-suspended':
    'Starten Sie erneut und halten Sie Ihren Ausweis bereit: erst die CAN, dann die PIN.',
  'outcome.next.pin-blocked':
    'Starten Sie „PIN setzen oder ändern“ und geben Sie die PUK aus dem PIN-Brief ein. Ohne PIN-Brief hilft das Bürgeramt.',
  'outcome.next.transport-pin-required':
    'Tippen Sie auf „PIN setzen oder ändern“ und halten Sie Ihren PIN-Brief bereit.',
  'outcome.next.eid-deactivated':
    'Gehen Sie mit Ihrem Ausweis zum Bürgeramt. Dort wird die Online-Ausweisfunktion eingeschaltet.',
  'outcome.next.card-inoperative':
    'Beim Bürgeramt bekommen Sie einen neuen PIN-Brief, mit dem Sie wieder eine PIN setzen können.',
  'outcome.next.card-expired': 'Beantragen Sie beim Bürgeramt einen neuen Ausweis.',
  'outcome.next.card-removed':
    'Starten Sie neu und lassen Sie den Ausweis bis zum Ende auf dem Kartenleser liegen.',
  'outcome.next.no-reader':
    'Das Personal schließt den Kartenleser an. Dienste ohne Ausweis können Sie weiter nutzen.',
  'outcome.next.provider-unreachable':
    'Wählen Sie einen anderen Dienst oder versuchen Sie es später – auch zu Hause mit der AusweisApp.',
  'outcome.next.provider-error':
    'Versuchen Sie es später noch einmal. Passiert es wieder, wenden Sie sich an den Anbieter des Dienstes.',
  'outcome.next.invalid-request': 'Bitte wählen Sie den Dienst auf der Startseite noch einmal aus.',
  'outcome.next.eid-client-crashed': 'Warten Sie einen Moment und starten Sie den Vorgang neu.',
  'outcome.next.eid-error':
    'Versuchen Sie es noch einmal. Bleibt der Fehler, fragen Sie bitte das Personal.',

  'survey.title': 'Wie hat Ihnen das Bürgerterminal gefallen?',
  'survey.intro':
    'Die Umfrage ist freiwillig und anonym. Sie hilft, das Bürgerterminal zu verbessern. Jede Antwort können Sie auslassen.',
  'survey.comment': 'Anmerkung (freiwillig)',
  'survey.commentWarning':
    'Bitte schreiben Sie keine persönlichen Daten hinein: keinen Namen, keine Adresse, keine Ausweis- oder Telefonnummer.',
  'survey.send': 'Absenden',
  'survey.skip': 'Überspringen',
  'survey.skipAndEnd': 'Überspringen und beenden',
  'survey.thanks': 'Vielen Dank für Ihre Antworten!',
  'survey.thanksText': 'Vergessen Sie Ihren Ausweis nicht. Beim Beenden wird alles gelöscht.',
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

  'staff.title': 'Personalmenü',
  'staff.pin.prompt': 'Bitte geben Sie die Personal-PIN ein.',
  'staff.pin.wrong': 'Die Personal-PIN war falsch.',
  'staff.training.isOn': 'Der Übungsmodus ist eingeschaltet.',
  'staff.training.isOff': 'Der Übungsmodus ist ausgeschaltet.',
  'staff.training.turnOn': 'Übungsmodus einschalten',
  'staff.training.turnOff': 'Übungsmodus ausschalten',
  'staff.devices.title': 'Geräte',
  'staff.devices.healthy': 'Alle Geräte sind bereit.',
  'staff.devices.problem': 'Nicht alle Geräte sind bereit.',
  'staff.devices.matFallback':
    'Die Kontaktmatte fehlt: Sitzungen enden nur durch die Zeitüberschreitung.',
  'staff.devices.none': 'Es sind keine Geräte eingerichtet.',
  'staff.devices.unknown': 'Zu den Geräten liegen keine Angaben vor.',
  'staff.devices.name': 'Gerät',
  'staff.devices.kind': 'Art',
  'staff.devices.status': 'Zustand',
  'staff.devices.detail': 'Einzelheiten',
  'device.kind.input': 'Matte oder Taster',
  'device.kind.card-reader': 'Kartenleser',
  'device.kind.printer': 'Drucker',
  'device.kind.scanner': 'Scanner',
  'device.status.starting': 'startet',
  'device.status.ok': 'bereit',
  'device.status.unplugged': 'nicht angeschlossen',
  'device.status.missing': 'nicht gefunden',
  'device.status.stopped': 'angehalten',
  'device.status.unavailable': 'nicht verfügbar',
  'phone.open': 'Ihr Smartphone einrichten',
  'phone.openText':
    'Mit der AusweisApp auf Ihrem Smartphone können Sie sich auch von zu Hause ausweisen. Wir richten es gemeinsam ein.',
  'phone.title': 'Ihr Smartphone einrichten',
  'phone.intro':
    'In zwei Schritten: Erst installieren Sie die AusweisApp, dann testen Sie, ob Ihr Smartphone Ihren Ausweis lesen kann.',
  'phone.step1.title': 'Schritt 1: AusweisApp installieren',
  'phone.step1.text':
    'Scannen Sie den passenden Code mit der Kamera Ihres Smartphones und installieren Sie die kostenlose AusweisApp. Haben Sie die App schon, gehen Sie gleich zu Schritt 2.',
  'phone.step2.title': 'Schritt 2: Ausweis mit dem Smartphone testen',
  'phone.step2.text':
    'Sie bekommen einen Code für Ihr Smartphone. Er funktioniert nur einmal und nur wenige Minuten. Halten Sie Ihren Ausweis und Ihre 6-stellige PIN bereit.',
  'phone.create': 'Code für mein Smartphone zeigen',
  'phone.creating': 'Der Code wird erstellt …',
  'phone.scan':
    'Scannen Sie diesen Code mit der Kamera Ihres Smartphones und folgen Sie den Schritten dort.',
  'phone.validUntil': 'Gültig bis {expires, time, short} Uhr',
  'phone.qrLabel':
    'QR-Code zum Testen Ihres Ausweises mit Ihrem Smartphone, gültig bis {expires, time, short} Uhr',
  'phone.opened':
    'Der Test läuft auf Ihrem Smartphone. Folgen Sie den Schritten in der AusweisApp.',
  'phone.ready.title': 'Ihr Smartphone ist bereit',
  'phone.ready.text':
    'Ihr Smartphone hat Ihren Ausweis gelesen. Ab jetzt können Sie sich damit auch von zu Hause online ausweisen. Ihre Angaben hat nur Ihr Smartphone gezeigt, dieses Terminal hat sie nicht bekommen.',
  'phone.failed':
    'Der Test auf Ihrem Smartphone hat nicht geklappt. Sie können es mit einem neuen Code noch einmal versuchen.',
  'phone.expired':
    'Der Code ist abgelaufen. Wenn Sie es noch einmal versuchen möchten, erzeugen Sie einen neuen Code.',
  'phone.unavailable':
    'Der Test ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal. Wenn es wieder nicht klappt, fragen Sie bitte das Personal.',
  'phone.newCode': 'Neuen Code erzeugen',
  'phone.retry': 'Noch einmal versuchen',
  'phone.done': 'Zur Startseite',
  'help.phone':
    'Hier richten Sie Ihr eigenes Smartphone für den Online-Ausweis ein. Installieren Sie zuerst die AusweisApp. Lassen Sie sich dann einen Code zeigen und scannen Sie ihn mit dem Smartphone. Ihr Smartphone braucht NFC.',
};

export type MessageKey = keyof typeof de;
export type Messages = Record<MessageKey, string>;
