/** The "Anmeldung mit Ausweis" page's texts; spread into the one catalogue. */
export const oidcClientsDe = {
  'nav.oidc-clients': 'Anmeldung mit Ausweis',
  'oidcClients.heading': 'Anmeldung mit Ausweis',
  'oidcClients.intro':
    'Eigene Online-Plattformen (z. B. Moodle, Nextcloud, Vereinsportal), bei denen sich Menschen mit dem Personalausweis anmelden: Die Plattform verbindet sich per OpenID Connect mit dem eID-Server des Verbands.',
  'oidcClients.member': 'Mitglied',
  'oidcClients.list': 'Plattformen des Mitglieds',
  'oidcClients.none': 'Noch keine Plattform eingetragen.',
  'oidcClients.noEidServer':
    'Der Hub ist mit keinem eID-Server verbunden; Plattformen können erst danach eingetragen werden.',
  'oidcClients.settingsHeading': 'Für die Einstellungen jeder Plattform',
  'oidcClients.settingsText':
    'Diese Adressen gelten für alle Plattformen; Client-ID und Client-Secret sind je Plattform eigen.',
  'oidcClients.clientId': 'Client-ID',
  'oidcClients.clientIdHint':
    'Kleinbuchstaben, Ziffern und Bindestriche, 3 bis 63 Zeichen; verbandsweit eindeutig und später nicht änderbar.',
  'oidcClients.name': 'Name der Plattform',
  'oidcClients.nameHint': 'So kennen die Menschen die Plattform; er steht auf der Anmeldeseite.',
  'oidcClients.redirectUris': 'Weiterleitungsadressen (eine pro Zeile)',
  'oidcClients.redirectUrisHint':
    'Die Adressen, zu denen die Anmeldung zurückkehrt, genau wie in den Einstellungen der Plattform; https, http nur auf 127.0.0.1 oder localhost.',
  'oidcClients.badRedirectUris': 'Diese Weiterleitungsadressen sind ungültig: {uris}',
  'oidcClients.claims': 'Daten vom Ausweis',
  'oidcClients.claimsHint':
    'Die Plattform erhält immer ein Pseudonym, das nur für sie gilt; dazu genau die gewählten Daten, nachdem die Person zugestimmt hat.',
  'oidcClients.claim.given_name': 'Vorname(n)',
  'oidcClients.claim.family_name': 'Familienname',
  'oidcClients.claim.birthdate': 'Geburtsdatum',
  'oidcClients.claim.address': 'Anschrift',
  'oidcClients.claim.age_over': 'Altersbestätigung: mindestens … Jahre alt (nur ja oder nein)',
  'oidcClients.claimAgeOver': 'mindestens {age} Jahre alt (ja/nein)',
  'oidcClients.minimumAge': 'Mindestalter in Jahren',
  'oidcClients.pseudonymOnly': 'nur Pseudonym',
  'oidcClients.status': 'Status',
  'oidcClients.active': 'aktiv',
  'oidcClients.archived': 'archiviert',
  'oidcClients.edit': 'Bearbeiten',
  'oidcClients.renew': 'Neues Secret',
  'oidcClients.renewConfirm':
    'Neues Client-Secret für „{name}“ erzeugen? Das bisherige gilt dann nicht mehr; die Plattform braucht das neue.',
  'oidcClients.renewed': 'Neues Client-Secret erzeugt.',
  'oidcClients.archive': 'Archivieren',
  'oidcClients.restore': 'Wiederherstellen',
  'oidcClients.archivedDone':
    'Plattform archiviert; niemand kann sich dort mehr mit dem Ausweis anmelden.',
  'oidcClients.restoredDone': 'Plattform wiederhergestellt.',
  'oidcClients.create': 'Plattform eintragen',
  'oidcClients.editHeading': 'Plattform bearbeiten',
  'oidcClients.cancel': 'Abbrechen',
  'oidcClients.created': 'Plattform eingetragen.',
  'oidcClients.saved': 'Änderungen gespeichert.',
  'oidcClients.idTaken': 'Diese Client-ID ist schon vergeben. Bitte wählen Sie eine andere.',
  'oidcClients.archivedError': 'Die Plattform ist archiviert; stellen Sie sie zuerst wieder her.',
  'oidcClients.secretHeading': 'Zugangsdaten für „{name}“',
  'oidcClients.secretHint':
    'Das Client-Secret wird nur jetzt angezeigt. Tragen Sie es mit den übrigen Angaben in die Einstellungen der Plattform ein; geht es verloren, erzeugen Sie ein neues.',
  'oidcClients.clientSecret': 'Client-Secret',
  'oidcClients.issuer': 'Issuer (Aussteller)',
  'oidcClients.discovery': 'Discovery-Adresse',
} as const;

export const oidcClientsEn: Record<keyof typeof oidcClientsDe, string> = {
  'nav.oidc-clients': 'Sign in with ID card',
  'oidcClients.heading': 'Sign in with ID card',
  'oidcClients.intro':
    "Your own online platforms (e.g. Moodle, Nextcloud, a club portal) where people sign in with their ID card: the platform connects to the association's eID-Server over OpenID Connect.",
  'oidcClients.member': 'Member',
  'oidcClients.list': "The member's platforms",
  'oidcClients.none': 'No platform registered yet.',
  'oidcClients.noEidServer':
    'The hub is not connected to an eID-Server; platforms can be registered only then.',
  'oidcClients.settingsHeading': "For every platform's settings",
  'oidcClients.settingsText':
    'These addresses are the same for all platforms; client ID and client secret are each platform’s own.',
  'oidcClients.clientId': 'Client ID',
  'oidcClients.clientIdHint':
    'Lower-case letters, digits and dashes, 3 to 63 characters; unique across the association and cannot be changed later.',
  'oidcClients.name': 'Name of the platform',
  'oidcClients.nameHint': 'As people know the platform; it is shown on the sign-in page.',
  'oidcClients.redirectUris': 'Redirect URIs (one per line)',
  'oidcClients.redirectUrisHint':
    "Where the sign-in returns to, exactly as in the platform's settings; https, http only on 127.0.0.1 or localhost.",
  'oidcClients.badRedirectUris': 'These redirect URIs are invalid: {uris}',
  'oidcClients.claims': 'Data from the ID card',
  'oidcClients.claimsHint':
    'The platform always receives a pseudonym that holds for it alone; in addition exactly the chosen data, once the person agreed.',
  'oidcClients.claim.given_name': 'Given name(s)',
  'oidcClients.claim.family_name': 'Family name',
  'oidcClients.claim.birthdate': 'Date of birth',
  'oidcClients.claim.address': 'Address',
  'oidcClients.claim.age_over': 'Age confirmation: at least … years old (yes or no only)',
  'oidcClients.claimAgeOver': 'at least {age} years old (yes/no)',
  'oidcClients.minimumAge': 'Minimum age in years',
  'oidcClients.pseudonymOnly': 'pseudonym only',
  'oidcClients.status': 'Status',
  'oidcClients.active': 'active',
  'oidcClients.archived': 'archived',
  'oidcClients.edit': 'Edit',
  'oidcClients.renew': 'New secret',
  'oidcClients.renewConfirm':
    'Create a new client secret for “{name}”? The current one stops working; the platform needs the new one.',
  'oidcClients.renewed': 'New client secret created.',
  'oidcClients.archive': 'Archive',
  'oidcClients.restore': 'Restore',
  'oidcClients.archivedDone':
    'Platform archived; nobody can sign in there with the ID card any more.',
  'oidcClients.restoredDone': 'Platform restored.',
  'oidcClients.create': 'Register platform',
  'oidcClients.editHeading': 'Edit platform',
  'oidcClients.cancel': 'Cancel',
  'oidcClients.created': 'Platform registered.',
  'oidcClients.saved': 'Changes saved.',
  'oidcClients.idTaken': 'This client ID is taken already. Please choose another one.',
  'oidcClients.archivedError': 'The platform is archived; restore it first.',
  'oidcClients.secretHeading': 'Credentials for “{name}”',
  'oidcClients.secretHint':
    "The client secret is shown only now. Enter it with the other details in the platform's settings; if it gets lost, create a new one.",
  'oidcClients.clientSecret': 'Client secret',
  'oidcClients.issuer': 'Issuer',
  'oidcClients.discovery': 'Discovery URL',
};
