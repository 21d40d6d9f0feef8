import type { Messages } from './de.js';

/** English; outcome and survey texts equal packages/protocol's English texts. */
export const en: Messages = {
  'language.name': 'English',
  'language.choose': 'Choose language',
  'app.title': 'Citizen terminal',
  training: 'Training mode',

  'attract.title': 'Welcome',
  'attract.hint': 'Step on the mat or touch the screen.',
  'attract.start': 'Start',

  'home.title': 'What would you like to do?',
  'home.changePin': 'Change PIN or replace the transport PIN',
  'home.needsEid': 'With the online ID',

  'bar.label': 'Terminal controls',
  'bar.home': 'Home',
  'bar.end': 'End session',

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

  'eid.working': 'Please wait …',
  'eid.consent.title': 'Data from your ID card',
  'eid.consent.text': 'This provider wants to read data from your ID card:',
  'eid.accept': 'I agree',
  'eid.cancel': 'Cancel',
  'eid.ok': 'OK',
  'eid.insertCard.title': 'Place your ID card',
  'eid.insertCard.text': 'Please place your ID card on the reader.',
  'eid.trainingCard': 'Place training card',
  'eid.pin.title': 'Enter PIN',
  'eid.pin.text': 'Please enter your 6-digit PIN.',
  'eid.currentPin.text': 'Please enter your current PIN (5-digit transport PIN or 6-digit PIN).',
  'eid.can.title': 'Enter card access number (CAN)',
  'eid.can.text': 'Please enter the 6-digit card access number (CAN).',
  'eid.puk.title': 'Enter PUK',
  'eid.puk.text': 'Please enter the 10-digit PUK from your PIN letter.',
  'eid.newPin.title': 'Choose a new PIN',
  'eid.newPin.text': 'Please choose your new 6-digit PIN.',
  'eid.newPin.repeat': 'Please enter the new PIN once more.',
  'eid.newPin.mismatch': 'The two entries do not match. Please try again.',
  'eid.onReader': 'Please enter the number on the card reader.',
  'eid.wrongNumber': 'That number was not correct. Please try again.',
  'eid.triesLeft': 'You have {count, plural, one {# try} other {# tries}} left.',

  'pad.delete': 'Delete last digit',
  'pad.entered':
    '{count, plural, =0 {No digits entered yet} one {# digit entered} other {# digits entered}}',

  'outcome.title': 'Result',
  'outcome.toSurvey': 'Short survey',
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

  'survey.title': 'How did you like the citizen terminal?',
  'survey.comment': 'Comment (optional)',
  'survey.commentWarning':
    'Please do not write any personal data: no name, no address, no ID card or phone number.',
  'survey.send': 'Send',
  'survey.thanks': 'Thank you for your answers!',
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
};
