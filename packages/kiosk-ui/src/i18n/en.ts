import type { Messages } from './de.js';

/** English; outcome and survey texts equal packages/protocol's English texts. */
export const en: Messages = {
  'language.name': 'English',
  'language.choose': 'Choose language',

  'app.title': 'Citizen terminal',

  'training.banner': 'Training mode – training card, no real data',
  'training.picker.title': 'For staff: choose a training card',
  'training.picker.values': 'Printed on this card and its PIN letter:',

  'attract.title': 'Welcome to the citizen terminal',
  'attract.offer':
    'Set the PIN for your online ID and do your official business online here – safely, and without leaving a trace.',
  'attract.hint': 'Step on the mat or touch the screen.',
  'attract.start': 'Start',
  'attract.slides': 'Good to know',
  'attract.slideOf': '{n} of {total}',
  'attract.pause': 'Pause',
  'attract.play': 'Resume',
  'attract.next': 'Next tip',
  'attract.slide.what.title': 'What is the online ID?',
  'attract.slide.what.text':
    'The chip in your German ID card proves who you are on the internet – as safely as at the counter of an office.',
  'attract.slide.need.title': 'What do I need?',
  'attract.slide.need.text':
    'Your ID card and your six-digit PIN. No PIN yet? Then the PIN letter with the five-digit transport PIN.',
  'attract.slide.safe.title': 'Is it safe?',
  'attract.slide.safe.text':
    'Yes. Your data go encrypted only to approved providers, and only with your PIN. At the end of the session the terminal deletes everything.',
  'attract.slide.pin.title': 'Forgot your PIN or never set one?',
  'attract.slide.pin.text':
    'With your PIN letter you set your own PIN here in a few minutes. The staff are happy to help.',

  'home.title': 'What would you like to do?',
  'home.changePin': 'Set or change your PIN',
  'home.changePinText':
    'Set your own PIN with the PIN letter, or change your PIN – in a few minutes.',
  'home.categories': 'Areas',
  'home.search': 'Search for a service',
  'home.noMatch': 'No service found. Please choose another area or search term.',
  'home.needsEid': 'With the online ID',
  'home.noEid': 'No ID card needed',

  'category.all': 'All',
  'category.eid': 'Online ID',
  'category.vehicle': 'Vehicles',
  'category.residence': 'Housing and registration',
  'category.certificates': 'Certificates and records',
  'category.pension-tax': 'Pension and taxes',
  'category.education': 'Education',
  'category.business': 'Business',
  'category.other': 'More',

  'smartphone.title': 'Continue at home',
  'smartphone.text':
    'Scan a code with your smartphone’s camera. With the AusweisApp you can also prove your identity at home.',
  'smartphone.android': 'AusweisApp for Android (Google Play)',
  'smartphone.ios': 'AusweisApp for iPhone (App Store)',
  'smartphone.qrLabel': 'QR code: {name}',

  'readerMissing.title': 'Card reader not connected',
  'readerMissing.text':
    'The card reader is not connected right now, so services with the online ID do not work at the moment. Please tell the staff – they will plug it in again.',
  'readerMissing.others': 'You can still use the following services that need no ID card.',

  'bar.label': 'Terminal controls',
  'bar.home': 'Home',
  'bar.back': 'Back',
  'bar.language': 'Language',
  'bar.help': 'Help',
  'bar.helpText':
    'With this bar you can return to the terminal’s home page or end your session at any time. The page below belongs to the service provider.',
  'bar.textSize': 'Text size',
  'bar.print': 'Print',
  'bar.speak': 'Read aloud',
  'bar.speakStop': 'Stop reading',
  'bar.close': 'Close',
  'bar.end': 'End session',

  'textSize.now': '{percent} %',

  'notice.printing': 'Printing …',
  'notice.printerMissing': 'The printer is not available right now. Please ask the staff.',
  'notice.outOfPaper': 'The printer is out of paper. Please tell the staff.',
  'notice.paperJam': 'Paper jam in the printer. Please tell the staff.',
  'notice.printerOffline': 'The printer is switched off. Please tell the staff.',
  'notice.scanned': 'The document has been scanned.',
  'notice.scanFailed': 'Scanning did not work. Please try again.',
  'scan.title': 'Scan a document',
  'scan.instruction':
    'Place the first page face down on the scanner glass and close the lid. Then tap “Scan page”.',
  'scan.scanning': 'Scanning the page … Please keep the lid closed.',
  'scan.next':
    'Check the preview. For another page, place it on the glass and tap “Scan another page”. When all pages are there, tap “Done”.',
  'scan.limit': 'A document cannot have more pages. Tap “Done”.',
  'scan.failed':
    'Scanning did not work. Is the page in place and the lid closed? Try again, or ask the staff.',
  'scan.binding': 'Creating the document …',
  'scan.scanPage': 'Scan page',
  'scan.scanMore': 'Scan another page',
  'scan.retry': 'Scan again',
  'scan.done': 'Done – use this document',
  'scan.cancel': 'Cancel',
  'scan.pages': 'Scanned pages',
  'scan.page': 'Page',
  'scan.remove': 'Remove',
  'scan.note':
    'The scans go only to this service and are deleted from the terminal when your session ends.',
  'notice.uploadUnavailable': 'Files cannot be uploaded here. Please ask the staff.',
  'notice.uploadWrongType': 'This field does not take scanned documents. Please ask the staff.',

  'help.title': 'Help',
  'help.bar':
    'At the top you always find: Home, Back, Language, Help, Text size and End session. Ending deletes everything.',
  'help.staff': 'Stuck? The staff are happy to help.',
  'help.home':
    'Choose a service by tapping its tile. The areas above show only matching services. For the PIN, tap “Set or change your PIN”.',
  'help.fast-lane':
    'Here you learn what the PIN, transport PIN, CAN and PUK are. Then choose whether you have a PIN letter or already know your PIN.',
  'help.consent':
    'The provider shows who it is and which data it wants to read from your ID card. You can untick optional data. Nothing is read until you enter your PIN next.',
  'help.insert-card':
    'Put your ID card flat on the card reader and leave it there until the process has finished.',
  'help.pin':
    'Type your PIN on the number keys. You see dots instead of digits. “Shuffle keys” puts the digits in other places. Then tap OK.',
  'help.can':
    'The card access number (CAN) has six digits and is printed at the bottom right of the front of your ID card.',
  'help.puk': 'The PUK has ten digits and is in your PIN letter. It unblocks your PIN.',
  'help.new-pin':
    'Choose six digits you can remember and enter them twice. Do not use a date of birth or a simple sequence such as 123456.',
  'help.working': 'The terminal is talking to your ID card. Please leave it on the card reader.',
  'help.outcome': 'This says how the process ended and what you can do next.',
  'help.survey':
    'The survey is voluntary and anonymous. Choose one answer for each statement, or leave it out.',
  'help.blocked':
    'This page is blocked on the terminal. “Back” returns to the previous page, “Home” shows all services.',
  'help.error': 'Something went wrong. Try again from the home page or ask the staff.',

  'warning.title': 'Are you still there?',
  'warning.text':
    'The session ends in {seconds, plural, one {# second} other {# seconds}}. All data will be deleted.',
  'warning.stillHere': "I'm still here",

  'blocked.title': 'Page not available',
  'blocked.text': 'This page is not available on this terminal.',

  'error.title': 'Sorry, that did not work.',
  'error.text': 'Please try again or ask the staff for help.',

  'card.reminder.title': "Don't forget your card!",
  'card.reminder.text': 'Please take your ID card off the reader.',

  'picture.insertCard': 'An ID card is laid flat on the card reader.',
  'picture.can':
    'Front of the ID card: the six-digit card access number (CAN) is at the bottom right.',
  'picture.pinLetter':
    'PIN letter: on the left the field with the five-digit transport PIN, on the right the field with the PUK.',
  'picture.puk': 'PIN letter: the ten-digit PUK is in the right-hand field.',

  'fastLane.title': 'Set or change your PIN',
  'fastLane.intro':
    'For the online ID you need your own six-digit PIN. First, briefly – four numbers you should know:',
  'fastLane.pin.name': 'PIN (6 digits)',
  'fastLane.pin.text':
    'Your personal secret number. You choose it yourself and enter it every time you prove your identity. Never tell anyone.',
  'fastLane.transportPin.name': 'Transport PIN (5 digits)',
  'fastLane.transportPin.text':
    'In the PIN letter that came by post after you applied for your ID card. It works only once: to set your own PIN.',
  'fastLane.can.name': 'Card access number CAN (6 digits)',
  'fastLane.can.text':
    'At the bottom right of the front of your ID card. It is asked for when the PIN has been entered wrongly twice.',
  'fastLane.puk.name': 'PUK (10 digits)',
  'fastLane.puk.text':
    'Also in the PIN letter. It unblocks your PIN after it has been entered wrongly three times.',
  'fastLane.letterCaption': 'The PIN letter: transport PIN and PUK',
  'fastLane.canCaption': 'The ID card: the CAN at the bottom right',
  'fastLane.choose': 'Which is true for you?',
  'fastLane.haveLetter': 'I have my PIN letter (5-digit transport PIN)',
  'fastLane.haveLetterText': 'You replace the transport PIN with your own six-digit PIN.',
  'fastLane.knowPin': 'I know my PIN and want to change it',
  'fastLane.knowPinText': 'You enter your current PIN and choose a new one.',
  'fastLane.neither':
    'No PIN letter and forgot your PIN? The citizen office gives you a new PIN letter.',

  'eid.working': 'Please wait …',
  'eid.working.keepCard': 'Please leave your ID card on the card reader.',
  'eid.progress': 'Progress',
  'eid.consent.title': 'A provider wants to read data from your ID card',
  'eid.consent.provider': 'Provider',
  'eid.consent.purpose': 'Purpose',
  'eid.consent.issuer': 'Authorisation issued by',
  'eid.consent.validity': 'Authorisation valid',
  'eid.consent.validityRange': 'from {from} to {until}',
  'eid.consent.required': 'These data are transmitted:',
  'eid.consent.optional': 'Optional data (tap to untick):',
  'eid.consent.age': 'Only whether you are at least {age} years old is checked.',
  'eid.consent.pinNext':
    'Nothing is read until you enter your PIN next. You can cancel at any time.',
  'eid.accept': 'Agree and continue',
  'eid.cancel': 'Cancel',
  'eid.ok': 'OK',
  'eid.insertCard.title': 'Place your ID card',
  'eid.insertCard.text': 'Please put your ID card flat on the card reader.',
  'eid.insertCard.keep': 'Leave it there until the process has finished.',
  'eid.insertCard.problem.eid-deactivated':
    'The online ID function of this card is switched off. The citizen office can switch it on.',
  'eid.insertCard.problem.unknown-card':
    'This card is not recognised. Please put your German ID card or electronic residence permit on the reader.',
  'eid.trainingCard': 'Place training card',
  'eid.pin.title': 'Enter PIN',
  'eid.pin.text': 'Please enter your 6-digit PIN.',
  'eid.currentPin.text': 'Please enter your current PIN (5-digit transport PIN or 6-digit PIN).',
  'eid.can.title': 'Enter card access number (CAN)',
  'eid.can.text': 'Please enter the 6-digit card access number (CAN).',
  'eid.can.where':
    'The CAN is at the bottom right of the front of your ID card. It protects the last PIN attempt.',
  'eid.puk.title': 'Enter PUK',
  'eid.puk.text': 'Please enter the 10-digit PUK from your PIN letter.',
  'eid.puk.where': 'The PUK is in your PIN letter. It unblocks your PIN after three wrong tries.',
  'eid.newPin.title': 'Choose a new PIN',
  'eid.newPin.entry': 'Entry {entry} of 2',
  'eid.newPin.text': 'Please choose your new 6-digit PIN.',
  'eid.newPin.tip':
    'Do not use a date of birth or a simple sequence such as 123456, and never write the PIN on the card.',
  'eid.newPin.repeat': 'Please enter the new PIN once more.',
  'eid.newPin.mismatch': 'The two entries do not match. Please try again.',
  'eid.onReader': 'Please enter the number on the card reader – on its own keys.',
  'eid.wrongNumber': 'That number was not correct. Please try again.',
  'eid.triesLeft': 'You have {count, plural, one {# try} other {# tries}} left.',

  'right.Address': 'Address',
  'right.BirthName': 'Name at birth',
  'right.FamilyName': 'Surname',
  'right.GivenNames': 'Given names',
  'right.PlaceOfBirth': 'Place of birth',
  'right.DateOfBirth': 'Date of birth',
  'right.DoctoralDegree': 'Doctoral degree',
  'right.ArtisticName': 'Religious or artistic name',
  'right.Pseudonym': 'Pseudonym (an identifier for this provider only)',
  'right.ValidUntil': 'Valid until',
  'right.Nationality': 'Nationality',
  'right.IssuingCountry': 'Issuing country',
  'right.DocumentType': 'Type of document',
  'right.ResidencePermitI': 'Conditions of the residence permit (part 1)',
  'right.ResidencePermitII': 'Conditions of the residence permit (part 2)',
  'right.CommunityID': 'Municipality code (where you live, as a number)',
  'right.AddressVerification': 'Confirmation whether you live in a certain place',
  'right.AgeVerification': 'Confirmation whether you have reached a certain age',
  'right.WriteAddress': 'Change the address on the card',
  'right.WriteCommunityID': 'Change the municipality code on the card',
  'right.WriteResidencePermitI': 'Change the conditions (part 1) on the card',
  'right.WriteResidencePermitII': 'Change the conditions (part 2) on the card',
  'right.CanAllowed': 'Identify with the card access number (CAN) instead of the PIN',
  'right.PinManagement': 'Manage the PIN',
  'right.unknown': 'Other data ({id})',

  'pad.delete': 'Delete last digit',
  'pad.shuffle': 'Shuffle keys',
  'pad.entered':
    '{count, plural, =0 {No digits entered yet} one {# digit entered} other {# digits entered}}',
  'pad.enteredOf': '{count} of {total} digits entered',

  'outcome.title.success': 'Done',
  'outcome.title.failure': 'That did not work',
  'outcome.nextTitle': 'What next?',
  'outcome.toSurvey': 'Short survey',
  'outcome.home': 'To the home page',
  'outcome.changePin': 'Set or change your PIN',
  'outcome.selfCheck': 'Test your online ID now',
  'outcome.selfCheckHint':
    'Check right away that your new PIN works: your ID card is read and you see what it stores about you. Nothing is kept.',
  'outcome.auth-success': 'You have identified yourself successfully.',
  'outcome.pin-changed': 'Your new PIN is set. The online ID function is ready to use.',
  'outcome.cancelled': 'The process was cancelled. No data was transmitted.',
  'outcome.timeout': 'The process timed out. Please start again.',
  'outcome.wrong-pin': 'The PIN was wrong. Please try again.',
  'outcome.wrong-can':
    'The card access number (CAN) was wrong. It is at the bottom right of the front of your ID card.',
  'outcome.wrong-puk': 'The PUK was wrong. You find it in your PIN letter.',
  'outcome.pin-suspended':
    'The PIN was entered wrongly twice. For the last try you need the card access number (CAN) from the front of your ID card.',
  'outcome.pin-blocked':
    'The PIN is blocked. You can unblock it with the PUK from your PIN letter.',
  'outcome.transport-pin-required':
    'Your ID card still has the five-digit transport PIN. Please set your own six-digit PIN first.',
  'outcome.eid-deactivated':
    'The online ID function is switched off. The citizen office can switch it on for you.',
  'outcome.card-inoperative':
    'The PUK has been used up. Please contact the citizen office to get a new PIN.',
  'outcome.card-expired': 'This ID card has expired and can no longer be used.',
  'outcome.card-removed':
    'The ID card was taken off the reader. Please put it back and start again.',
  'outcome.no-reader': 'No card reader is connected. Please ask the staff for help.',
  'outcome.provider-unreachable':
    'The service cannot be reached right now. Please try again later.',
  'outcome.provider-error': 'The service refused the request. Please try again later.',
  'outcome.invalid-request': 'The service sent an invalid request.',
  'outcome.eid-client-crashed':
    'The ID software stopped unexpectedly and is restarting. Please try again.',
  'outcome.eid-error': 'Something went wrong. Please try again.',
  'outcome.next.auth-success': 'The service will show you the next steps in a moment.',
  'outcome.next.pin-changed':
    'Remember your new PIN well. From now on you can prove your identity online – here at the terminal or at home with the AusweisApp.',
  'outcome.next.cancelled': 'You can start again at any time.',
  'outcome.next.timeout': 'Start again and have your ID card and PIN letter ready.',
  'outcome.next.wrong-pin':
    'Try again. After the second wrong try, the card access number (CAN) is asked for as well.',
  'outcome.next.wrong-can':
    'Check the six digits at the bottom right of the front of your ID card and try again.',
  'outcome.next.wrong-puk':
    'The PUK has ten digits and is in your PIN letter. If you no longer have it, the citizen office can help.',
  'outcome.next.pin-suspended':
    'Start again and have your ID card ready: first the CAN, then the PIN.',
  'outcome.next.pin-blocked':
    'Start “Set or change your PIN” and enter the PUK from the PIN letter. Without the PIN letter, the citizen office can help.',
  'outcome.next.transport-pin-required':
    'Tap “Set or change your PIN” and have your PIN letter ready.',
  'outcome.next.eid-deactivated':
    'Take your ID card to the citizen office. They will switch the online ID function on.',
  'outcome.next.card-inoperative':
    'The citizen office gives you a new PIN letter so that you can set a PIN again.',
  'outcome.next.card-expired': 'Apply for a new ID card at the citizen office.',
  'outcome.next.card-removed':
    'Start again and leave the ID card on the card reader until the end.',
  'outcome.next.no-reader':
    'The staff will connect the card reader. You can still use services that need no ID card.',
  'outcome.next.provider-unreachable':
    'Choose another service or try again later – also at home with the AusweisApp.',
  'outcome.next.provider-error':
    'Try again later. If it happens again, contact the provider of the service.',
  'outcome.next.invalid-request': 'Please choose the service again on the home page.',
  'outcome.next.eid-client-crashed': 'Wait a moment and start again.',
  'outcome.next.eid-error': 'Try again. If the error stays, please ask the staff.',

  'survey.title': 'How did you like the citizen terminal?',
  'survey.intro':
    'The survey is voluntary and anonymous. It helps to improve the citizen terminal. You can leave out any answer.',
  'survey.comment': 'Comment (optional)',
  'survey.commentWarning':
    'Please do not write any personal data: no name, no address, no ID card or phone number.',
  'survey.send': 'Send',
  'survey.skip': 'Skip',
  'survey.skipAndEnd': 'Skip and end',
  'survey.thanks': 'Thank you for your answers!',
  'survey.thanksText': 'Do not forget your ID card. Ending the session deletes everything.',
  'survey.problem': 'Your answers could not be sent. Please check your choices.',
  'survey.statement.informative': 'The presentation of the citizen terminal was informative.',
  'survey.statement.shows-uses':
    'The demonstration of the citizen terminal showed its different uses.',
  'survey.statement.faster':
    'With the citizen terminal my administrative matters can be handled faster.',
  'survey.statement.permanent-terminal':
    'A permanent citizen terminal would be very beneficial for citizens overall.',
  'survey.statement.frees-staff':
    'The citizen terminal frees staff capacity of the city for other tasks.',
  'survey.statement.security-concerns':
    'I have security concerns about using the SIDbox or the citizen terminal.',
  'survey.answer.fully-agree': 'Fully agree',
  'survey.answer.agree': 'Agree',
  'survey.answer.partly': 'Partly agree',
  'survey.answer.disagree': 'Disagree',
  'survey.answer.fully-disagree': 'Fully disagree',
  'survey.answer.no-answer': 'No answer',

  'staff.title': 'Staff menu',
  'staff.pin.prompt': 'Please enter the staff PIN.',
  'staff.pin.wrong': 'The staff PIN was wrong.',
  'staff.training.isOn': 'Training mode is on.',
  'staff.training.isOff': 'Training mode is off.',
  'staff.training.turnOn': 'Turn training mode on',
  'staff.training.turnOff': 'Turn training mode off',
  'staff.devices.title': 'Devices',
  'staff.devices.healthy': 'All devices are ready.',
  'staff.devices.problem': 'Not all devices are ready.',
  'staff.devices.matFallback': 'The contact mat is missing: sessions end by the idle timeout only.',
  'staff.devices.none': 'No devices are configured.',
  'staff.devices.unknown': 'No information about the devices.',
  'staff.devices.name': 'Device',
  'staff.devices.kind': 'Kind',
  'staff.devices.status': 'State',
  'staff.devices.detail': 'Details',

  'device.kind.input': 'Mat or button',
  'device.kind.card-reader': 'Card reader',
  'device.kind.printer': 'Printer',
  'device.kind.scanner': 'Scanner',
  'device.status.starting': 'starting',
  'device.status.ok': 'ready',
  'device.status.unplugged': 'unplugged',
  'device.status.missing': 'not found',
  'device.status.stopped': 'stopped',
  'device.status.unavailable': 'unavailable',
  'phone.open': 'Set up your smartphone',
  'phone.openText':
    'With the AusweisApp on your smartphone you can prove your identity from home too. Let us set it up together.',
  'phone.title': 'Set up your smartphone',
  'phone.intro':
    'In two steps: first install the AusweisApp, then test whether your smartphone can read your ID card.',
  'phone.step1.title': 'Step 1: Install the AusweisApp',
  'phone.step1.text':
    'Scan the matching code with your smartphone camera and install the free AusweisApp. If you already have the app, go straight to step 2.',
  'phone.step2.title': 'Step 2: Test your ID card with your smartphone',
  'phone.step2.text':
    'You get a code for your smartphone. It works only once and only for a few minutes. Have your ID card and your 6-digit PIN ready.',
  'phone.create': 'Show the code for my smartphone',
  'phone.creating': 'Creating the code …',
  'phone.scan': 'Scan this code with your smartphone camera and follow the steps there.',
  'phone.validUntil': 'Valid until {expires, time, short}',
  'phone.qrLabel':
    'QR code to test your ID card with your smartphone, valid until {expires, time, short}',
  'phone.opened': 'The test is running on your smartphone. Follow the steps in the AusweisApp.',
  'phone.ready.title': 'Your smartphone is ready',
  'phone.ready.text':
    'Your smartphone read your ID card. From now on you can prove your identity online with it, from home too. Only your smartphone showed your details; this terminal did not receive them.',
  'phone.failed': 'The test on your smartphone did not work. You can try again with a new code.',
  'phone.expired': 'The code has expired. If you want to try again, create a new code.',
  'phone.unavailable':
    'The test cannot be reached right now. Please try again in a moment. If it still does not work, please ask the staff.',
  'phone.newCode': 'Create a new code',
  'phone.retry': 'Try again',
  'phone.done': 'To the start page',
  'help.phone':
    'Here you set up your own smartphone for the online ID. First install the AusweisApp. Then show a code and scan it with the smartphone. Your smartphone needs NFC.',
};
