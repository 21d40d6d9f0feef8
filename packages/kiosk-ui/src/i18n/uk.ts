import type { Messages } from './de.js';

/** Ukrainian. German office names (Bürgeramt, PIN-Brief) stay beside the Ukrainian words. */
export const uk: Messages = {
  'language.name': 'Українська',
  'language.choose': 'Оберіть мову',
  'app.title': 'Термінал для громадян',
  training: 'Режим навчання',

  'attract.title': 'Ласкаво просимо',
  'attract.hint': 'Станьте на килимок або торкніться екрана.',
  'attract.start': 'Почати',

  'home.title': 'Що ви хочете зробити?',
  'home.changePin': 'Змінити PIN-код або замінити тимчасовий PIN (Transport-PIN)',
  'home.needsEid': 'З онлайн-ідентифікацією',

  'bar.label': 'Керування терміналом',
  'bar.home': 'На початок',
  'bar.end': 'Завершити сеанс',

  'warning.title': 'Ви ще тут?',
  'warning.text':
    'Сеанс завершиться через {seconds, plural, one {# секунду} few {# секунди} many {# секунд} other {# секунди}}. Усі дані буде видалено.',
  'warning.stillHere': 'Я ще тут',

  'blocked.title': 'Сторінка недоступна',
  'blocked.text': 'Ця сторінка недоступна на цьому терміналі.',
  'error.title': 'На жаль, не вдалося.',
  'error.text': 'Спробуйте ще раз або зверніться по допомогу до персоналу.',

  'card.reminder.title': 'Не забудьте картку!',
  'card.reminder.text': 'Будь ласка, заберіть свою ID-картку зі зчитувача.',

  'eid.working': 'Будь ласка, зачекайте …',
  'eid.consent.title': 'Дані з ID-картки',
  'eid.consent.text': 'Цей постачальник послуг хоче прочитати дані з вашої ID-картки:',
  'eid.accept': 'Погоджуюся',
  'eid.cancel': 'Скасувати',
  'eid.ok': 'OK',
  'eid.insertCard.title': 'Покладіть ID-картку',
  'eid.insertCard.text': 'Будь ласка, покладіть свою ID-картку на зчитувач карток.',
  'eid.trainingCard': 'Покласти навчальну картку',
  'eid.pin.title': 'Введіть PIN-код',
  'eid.pin.text': 'Будь ласка, введіть свій 6-значний PIN-код.',
  'eid.currentPin.text':
    'Будь ласка, введіть свій поточний PIN-код (5-значний Transport-PIN або 6-значний PIN-код).',
  'eid.can.title': 'Введіть номер доступу (CAN)',
  'eid.can.text': 'Будь ласка, введіть 6-значний номер доступу (CAN).',
  'eid.puk.title': 'Введіть PUK-код',
  'eid.puk.text': 'Будь ласка, введіть 10-значний PUK-код із листа з PIN-кодом (PIN-Brief).',
  'eid.newPin.title': 'Оберіть новий PIN-код',
  'eid.newPin.text': 'Будь ласка, оберіть свій новий 6-значний PIN-код.',
  'eid.newPin.repeat': 'Будь ласка, введіть новий PIN-код ще раз.',
  'eid.newPin.mismatch': 'Обидва введення не збігаються. Спробуйте ще раз.',
  'eid.onReader': 'Будь ласка, введіть номер на клавіатурі зчитувача карток.',
  'eid.wrongNumber': 'Номер був неправильний. Спробуйте ще раз.',
  'eid.triesLeft':
    'У вас {count, plural, one {залишилася # спроба} few {залишилися # спроби} many {залишилося # спроб} other {залишилося # спроби}}.',

  'pad.delete': 'Видалити останню цифру',
  'pad.entered':
    '{count, plural, =0 {Ще не введено жодної цифри} one {Введено # цифру} few {Введено # цифри} many {Введено # цифр} other {Введено # цифри}}',

  'outcome.title': 'Результат',
  'outcome.toSurvey': 'Коротке опитування',
  'outcome.auth-success': 'Ви успішно підтвердили свою особу.',
  'outcome.pin-changed': 'Ваш новий PIN-код встановлено. Функція онлайн-ідентифікації готова.',
  'outcome.cancelled': 'Процес скасовано. Жодних даних не передано.',
  'outcome.timeout': 'Процес завершено, бо минув час. Будь ласка, почніть знову.',
  'outcome.wrong-pin': 'PIN-код неправильний. Спробуйте ще раз.',
  'outcome.wrong-can':
    'Номер доступу (CAN) неправильний. Він надрукований на лицьовому боці картки, праворуч унизу.',
  'outcome.wrong-puk': 'PUK-код неправильний. Він є в листі з PIN-кодом (PIN-Brief).',
  'outcome.pin-suspended':
    'PIN-код двічі введено неправильно. Для останньої спроби вам потрібен номер доступу (CAN) з лицьового боку ID-картки.',
  'outcome.pin-blocked':
    'PIN-код заблоковано. Ви можете розблокувати його PUK-кодом із листа з PIN-кодом (PIN-Brief).',
  'outcome.transport-pin-required':
    'На вашій ID-картці ще тимчасовий 5-значний PIN (Transport-PIN). Спершу встановіть власний 6-значний PIN-код.',
  'outcome.eid-deactivated':
    'Функцію онлайн-ідентифікації вимкнено. Її може увімкнути для вас Bürgeramt (відділ обслуговування громадян).',
  'outcome.card-inoperative':
    'PUK-код вичерпано. Щоб отримати новий PIN-код, зверніться до Bürgeramt (відділу обслуговування громадян).',
  'outcome.card-expired':
    'Термін дії цієї ID-картки закінчився, її більше не можна використовувати.',
  'outcome.card-removed':
    'ID-картку забрали зі зчитувача. Будь ласка, покладіть її знову й почніть спочатку.',
  'outcome.no-reader': 'Зчитувач карток не підключено. Зверніться по допомогу до персоналу.',
  'outcome.provider-unreachable': 'Сервіс зараз недоступний. Спробуйте пізніше.',
  'outcome.provider-error': 'Сервіс відхилив запит. Спробуйте пізніше.',
  'outcome.invalid-request': 'Сервіс надіслав недійсний запит.',
  'outcome.eid-client-crashed':
    'Програма для ID-картки несподівано закрилася і перезапускається. Спробуйте ще раз.',
  'outcome.eid-error': 'Сталася помилка. Спробуйте ще раз.',

  'survey.title': 'Як вам сподобався термінал для громадян?',
  'survey.comment': 'Коментар (за бажанням)',
  'survey.commentWarning':
    'Будь ласка, не пишіть особистих даних: жодного імені, адреси, номера документа чи телефону.',
  'survey.send': 'Надіслати',
  'survey.thanks': 'Щиро дякуємо за ваші відповіді!',
  'survey.problem': 'Не вдалося надіслати відповіді. Перевірте, будь ласка, свій вибір.',
  'survey.statement.informative': 'Презентація термінала для громадян була інформативною.',
  'survey.statement.shows-uses':
    'Демонстрація термінала для громадян показала різні можливості його використання.',
  'survey.statement.faster':
    'Завдяки терміналу для громадян мої адміністративні справи можна вирішувати швидше.',
  'survey.statement.permanent-terminal':
    'Постійний термінал для громадян загалом був би дуже корисним для мешканців.',
  'survey.statement.frees-staff':
    'Завдяки терміналу для громадян у міста залишається більше працівників для інших завдань.',
  'survey.statement.security-concerns':
    'Я маю побоювання щодо безпеки під час використання SIDbox або термінала для громадян.',
  'survey.answer.fully-agree': 'Повністю погоджуюся',
  'survey.answer.agree': 'Здебільшого погоджуюся',
  'survey.answer.partly': 'Частково погоджуюся',
  'survey.answer.disagree': 'Здебільшого не погоджуюся',
  'survey.answer.fully-disagree': 'Зовсім не погоджуюся',
  'survey.answer.no-answer': 'Без відповіді',
};
