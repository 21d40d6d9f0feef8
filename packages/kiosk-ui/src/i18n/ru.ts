import type { Messages } from './de.js';

/** Russian. German office names (Bürgeramt, PIN-Brief) stay beside the Russian words. */
export const ru: Messages = {
  'language.name': 'Русский',
  'language.choose': 'Выберите язык',
  'app.title': 'Терминал для граждан',
  training: 'Режим обучения',

  'attract.title': 'Добро пожаловать',
  'attract.hint': 'Встаньте на коврик или коснитесь экрана.',
  'attract.start': 'Начать',

  'home.title': 'Что вы хотите сделать?',
  'home.changePin': 'Изменить PIN-код или заменить временный PIN (Transport-PIN)',
  'home.needsEid': 'С онлайн-идентификацией',

  'bar.label': 'Управление терминалом',
  'bar.home': 'В начало',
  'bar.end': 'Завершить сеанс',

  'warning.title': 'Вы ещё здесь?',
  'warning.text':
    'Сеанс завершится через {seconds, plural, one {# секунду} few {# секунды} many {# секунд} other {# секунды}}. Все данные будут удалены.',
  'warning.stillHere': 'Я ещё здесь',

  'blocked.title': 'Страница недоступна',
  'blocked.text': 'Эта страница недоступна на этом терминале.',
  'error.title': 'К сожалению, не получилось.',
  'error.text': 'Попробуйте ещё раз или обратитесь за помощью к персоналу.',

  'card.reminder.title': 'Не забудьте карту!',
  'card.reminder.text': 'Пожалуйста, заберите свою ID-карту со считывателя.',

  'eid.working': 'Пожалуйста, подождите …',
  'eid.consent.title': 'Данные с ID-карты',
  'eid.consent.text': 'Этот поставщик услуг хочет прочитать данные с вашей ID-карты:',
  'eid.accept': 'Согласиться',
  'eid.cancel': 'Отмена',
  'eid.ok': 'OK',
  'eid.insertCard.title': 'Положите ID-карту',
  'eid.insertCard.text': 'Пожалуйста, положите свою ID-карту на считыватель карт.',
  'eid.trainingCard': 'Положить учебную карту',
  'eid.pin.title': 'Введите PIN-код',
  'eid.pin.text': 'Пожалуйста, введите свой 6-значный PIN-код.',
  'eid.currentPin.text':
    'Пожалуйста, введите свой текущий PIN-код (5-значный Transport-PIN или 6-значный PIN-код).',
  'eid.can.title': 'Введите номер доступа (CAN)',
  'eid.can.text': 'Пожалуйста, введите 6-значный номер доступа (CAN).',
  'eid.puk.title': 'Введите PUK-код',
  'eid.puk.text': 'Пожалуйста, введите 10-значный PUK-код из письма с PIN-кодом (PIN-Brief).',
  'eid.newPin.title': 'Выберите новый PIN-код',
  'eid.newPin.text': 'Пожалуйста, выберите свой новый 6-значный PIN-код.',
  'eid.newPin.repeat': 'Пожалуйста, введите новый PIN-код ещё раз.',
  'eid.newPin.mismatch': 'Два ввода не совпадают. Попробуйте ещё раз.',
  'eid.onReader': 'Пожалуйста, введите номер на клавиатуре считывателя карт.',
  'eid.wrongNumber': 'Номер был неверным. Попробуйте ещё раз.',
  'eid.triesLeft':
    'У вас {count, plural, one {осталась # попытка} few {осталось # попытки} many {осталось # попыток} other {осталось # попытки}}.',

  'pad.delete': 'Удалить последнюю цифру',
  'pad.entered':
    '{count, plural, =0 {Ещё не введено ни одной цифры} one {Введена # цифра} few {Введено # цифры} many {Введено # цифр} other {Введено # цифры}}',

  'outcome.title': 'Результат',
  'outcome.toSurvey': 'Короткий опрос',
  'outcome.auth-success': 'Вы успешно подтвердили свою личность.',
  'outcome.pin-changed': 'Ваш новый PIN-код установлен. Функция онлайн-идентификации готова.',
  'outcome.cancelled': 'Процесс отменён. Никакие данные не были переданы.',
  'outcome.timeout': 'Процесс завершён, так как истекло время. Пожалуйста, начните заново.',
  'outcome.wrong-pin': 'PIN-код неверный. Попробуйте ещё раз.',
  'outcome.wrong-can':
    'Номер доступа (CAN) неверный. Он напечатан на лицевой стороне карты, справа внизу.',
  'outcome.wrong-puk': 'PUK-код неверный. Он указан в письме с PIN-кодом (PIN-Brief).',
  'outcome.pin-suspended':
    'PIN-код дважды введён неверно. Для последней попытки вам нужен номер доступа (CAN) с лицевой стороны ID-карты.',
  'outcome.pin-blocked':
    'PIN-код заблокирован. Вы можете разблокировать его PUK-кодом из письма с PIN-кодом (PIN-Brief).',
  'outcome.transport-pin-required':
    'На вашей ID-карте ещё временный 5-значный PIN (Transport-PIN). Сначала установите свой 6-значный PIN-код.',
  'outcome.eid-deactivated':
    'Функция онлайн-идентификации выключена. Её может включить для вас Bürgeramt (служба по делам граждан).',
  'outcome.card-inoperative':
    'PUK-код исчерпан. Чтобы получить новый PIN-код, обратитесь в Bürgeramt (службу по делам граждан).',
  'outcome.card-expired': 'Срок действия этой ID-карты истёк, её больше нельзя использовать.',
  'outcome.card-removed':
    'ID-карту сняли со считывателя. Пожалуйста, положите её снова и начните заново.',
  'outcome.no-reader': 'Считыватель карт не подключён. Обратитесь за помощью к персоналу.',
  'outcome.provider-unreachable': 'Сервис сейчас недоступен. Попробуйте позже.',
  'outcome.provider-error': 'Сервис отклонил запрос. Попробуйте позже.',
  'outcome.invalid-request': 'Сервис отправил недействительный запрос.',
  'outcome.eid-client-crashed':
    'Программа для ID-карты неожиданно закрылась и перезапускается. Попробуйте ещё раз.',
  'outcome.eid-error': 'Произошла ошибка. Попробуйте ещё раз.',

  'survey.title': 'Как вам понравился терминал для граждан?',
  'survey.comment': 'Комментарий (по желанию)',
  'survey.commentWarning':
    'Пожалуйста, не пишите личных данных: ни имени, ни адреса, ни номера документа или телефона.',
  'survey.send': 'Отправить',
  'survey.thanks': 'Большое спасибо за ваши ответы!',
  'survey.problem': 'Не удалось отправить ответы. Пожалуйста, проверьте свой выбор.',
  'survey.statement.informative': 'Презентация терминала для граждан была информативной.',
  'survey.statement.shows-uses':
    'Демонстрация терминала для граждан показала разные возможности его использования.',
  'survey.statement.faster':
    'Благодаря терминалу для граждан мои административные дела можно решать быстрее.',
  'survey.statement.permanent-terminal':
    'Постоянный терминал для граждан в целом был бы очень полезен для жителей.',
  'survey.statement.frees-staff':
    'Благодаря терминалу для граждан у города остаётся больше сотрудников для других задач.',
  'survey.statement.security-concerns':
    'У меня есть опасения по поводу безопасности при использовании SIDbox или терминала для граждан.',
  'survey.answer.fully-agree': 'Полностью верно',
  'survey.answer.agree': 'Скорее верно',
  'survey.answer.partly': 'Отчасти верно',
  'survey.answer.disagree': 'Скорее неверно',
  'survey.answer.fully-disagree': 'Совсем неверно',
  'survey.answer.no-answer': 'Без ответа',
};
