import { SelfCheckError } from './self-check-error.js';

/**
 * Every text of the "Online-Ausweis testen" pages, German first. Short sentences for citizens at
 * a kiosk; the terms follow the kiosk UI's catalogues ("online ID", "PIN", "training card").
 * `{name}` placeholders are filled by `text()` and must be the same in every language.
 */
export const languages = ['de', 'en', 'tr', 'ar', 'uk', 'ru'] as const;
export type Language = (typeof languages)[number];

export type Translations = Record<Language, string>;

export const texts = {
  documentTitle: {
    de: '{page} – Online-Ausweis testen',
    en: '{page} – Test your online ID',
    tr: '{page} – Çevrimiçi kimliği test edin',
    ar: '{page} – اختبار الهوية الإلكترونية',
    uk: '{page} – Перевірка онлайн-ідентифікації',
    ru: '{page} – Проверка онлайн-идентификации',
  },
  languageName: {
    de: 'Deutsch',
    en: 'English',
    tr: 'Türkçe',
    ar: 'العربية',
    uk: 'Українська',
    ru: 'Русский',
  },
  languageNavigation: {
    de: 'Sprache',
    en: 'Language',
    tr: 'Dil',
    ar: 'اللغة',
    uk: 'Мова',
    ru: 'Язык',
  },
  startTitle: {
    de: 'Online-Ausweis testen',
    en: 'Test your online ID',
    tr: 'Çevrimiçi kimliği test edin',
    ar: 'اختبار الهوية الإلكترونية',
    uk: 'Перевірка онлайн-ідентифікації',
    ru: 'Проверка онлайн-идентификации',
  },
  startWhat: {
    de: 'Hier sehen Sie, ob Ihr Online-Ausweis funktioniert.',
    en: 'Here you can see if your online ID works.',
    tr: 'Burada çevrimiçi kimliğinizin çalışıp çalışmadığını görebilirsiniz.',
    ar: 'هنا ترى ما إذا كانت هويتك الإلكترونية تعمل.',
    uk: 'Тут ви побачите, чи працює ваша онлайн-ідентифікація.',
    ru: 'Здесь вы увидите, работает ли ваша онлайн-идентификация.',
  },
  startHow: {
    de: 'Unser eigener eID-Server liest Ihren Ausweis. Danach sehen Sie Ihre Angaben. Es wird nichts gespeichert.',
    en: 'Our own eID server reads your ID card. Then you see your details. Nothing is stored.',
    tr: 'Kendi eID sunucumuz kimlik kartınızı okur. Ardından bilgilerinizi görürsünüz. Hiçbir şey kaydedilmez.',
    ar: 'يقرأ خادم eID الخاص بنا بطاقة هويتك. بعد ذلك ترى بياناتك. لا يتم حفظ أي شيء.',
    uk: 'Наш власний eID-сервер зчитує вашу ID-картку. Потім ви побачите свої дані. Нічого не зберігається.',
    ru: 'Наш собственный eID-сервер считывает вашу ID-карту. Затем вы увидите свои данные. Ничего не сохраняется.',
  },
  startPrepare: {
    de: 'Halten Sie Ihren Ausweis und Ihre 6-stellige PIN bereit.',
    en: 'Have your ID card and your 6-digit PIN ready.',
    tr: 'Kimlik kartınızı ve 6 haneli PIN numaranızı hazır bulundurun.',
    ar: 'جهّز بطاقة هويتك ورقمك السري المكوّن من 6 أرقام.',
    uk: 'Підготуйте свою ID-картку та 6-значний PIN-код.',
    ru: 'Подготовьте свою ID-карту и 6-значный PIN-код.',
  },
  startButton: {
    de: 'Jetzt testen',
    en: 'Test now',
    tr: 'Şimdi test edin',
    ar: 'اختبر الآن',
    uk: 'Перевірити зараз',
    ru: 'Проверить сейчас',
  },
  busyTitle: {
    de: 'Gerade laufen zu viele Tests.',
    en: 'Too many tests are running right now.',
    tr: 'Şu anda çok fazla test yapılıyor.',
    ar: 'تجري الآن اختبارات كثيرة جدًا.',
    uk: 'Зараз триває забагато перевірок.',
    ru: 'Сейчас идёт слишком много проверок.',
  },
  busyText: {
    de: 'Bitte versuchen Sie es in ein paar Minuten noch einmal.',
    en: 'Please try again in a few minutes.',
    tr: 'Lütfen birkaç dakika sonra tekrar deneyin.',
    ar: 'يرجى المحاولة مرة أخرى بعد بضع دقائق.',
    uk: 'Будь ласка, спробуйте ще раз за кілька хвилин.',
    ru: 'Пожалуйста, попробуйте ещё раз через несколько минут.',
  },
  successTitle: {
    de: 'Ihr Online-Ausweis funktioniert',
    en: 'Your online ID works',
    tr: 'Çevrimiçi kimliğiniz çalışıyor',
    ar: 'هويتك الإلكترونية تعمل',
    uk: 'Ваша онлайн-ідентифікація працює',
    ru: 'Ваша онлайн-идентификация работает',
  },
  successIntro: {
    de: 'Das hat unser eID-Server von Ihrem Ausweis gelesen:',
    en: 'This is what our eID server read from your ID card:',
    tr: 'eID sunucumuz kimlik kartınızdan bunları okudu:',
    ar: 'هذا ما قرأه خادم eID الخاص بنا من بطاقة هويتك:',
    uk: 'Ось що наш eID-сервер зчитав з вашої ID-картки:',
    ru: 'Вот что наш eID-сервер считал с вашей ID-карты:',
  },
  labelGivenNames: {
    de: 'Vorname(n)',
    en: 'Given name(s)',
    tr: 'Ad(lar)',
    ar: 'الاسم الأول',
    uk: 'Ім’я (імена)',
    ru: 'Имя (имена)',
  },
  labelFamilyNames: {
    de: 'Familienname',
    en: 'Surname',
    tr: 'Soyadı',
    ar: 'اسم العائلة',
    uk: 'Прізвище',
    ru: 'Фамилия',
  },
  labelDateOfBirth: {
    de: 'Geburtsdatum',
    en: 'Date of birth',
    tr: 'Doğum tarihi',
    ar: 'تاريخ الميلاد',
    uk: 'Дата народження',
    ru: 'Дата рождения',
  },
  labelAddress: {
    de: 'Anschrift',
    en: 'Address',
    tr: 'Adres',
    ar: 'العنوان',
    uk: 'Адреса',
    ru: 'Адрес',
  },
  notTransmitted: {
    de: 'nicht übermittelt',
    en: 'not transmitted',
    tr: 'iletilmedi',
    ar: 'لم يتم نقله',
    uk: 'не передано',
    ru: 'не передано',
  },
  notOnCard: {
    de: 'nicht auf dem Ausweis gespeichert',
    en: 'not stored on the ID card',
    tr: 'kimlik kartında kayıtlı değil',
    ar: 'غير محفوظ على بطاقة الهوية',
    uk: 'не збережено на ID-картці',
    ru: 'не сохранено на ID-карте',
  },
  addressNone: {
    de: 'Auf dem Ausweis steht keine Anschrift in Deutschland:',
    en: 'The ID card holds no address in Germany:',
    tr: 'Kimlik kartında Almanya’da bir adres yok:',
    ar: 'لا تحتوي بطاقة الهوية على عنوان في ألمانيا:',
    uk: 'На ID-картці немає адреси в Німеччині:',
    ru: 'На ID-карте нет адреса в Германии:',
  },
  addressCountry: {
    de: 'Staat: {country}',
    en: 'Country: {country}',
    tr: 'Ülke: {country}',
    ar: 'الدولة: {country}',
    uk: 'Держава: {country}',
    ru: 'Государство: {country}',
  },
  notStored: {
    de: 'Diese Angaben wurden nicht gespeichert. Wenn Sie die Seite verlassen, sind sie weg.',
    en: 'These details were not stored. When you leave this page, they are gone.',
    tr: 'Bu bilgiler kaydedilmedi. Bu sayfadan çıktığınızda silinmiş olurlar.',
    ar: 'لم يتم حفظ هذه البيانات. عندما تغادر هذه الصفحة، تختفي.',
    uk: 'Ці дані не збережено. Коли ви залишите сторінку, вони зникнуть.',
    ru: 'Эти данные не сохранены. Когда вы покинете страницу, они исчезнут.',
  },
  backToStart: {
    de: 'Zurück zum Anfang',
    en: 'Back to the start',
    tr: 'Başa dön',
    ar: 'العودة إلى البداية',
    uk: 'Повернутися на початок',
    ru: 'Вернуться к началу',
  },
  tryAgain: {
    de: 'Noch einmal versuchen',
    en: 'Try again',
    tr: 'Tekrar deneyin',
    ar: 'حاول مرة أخرى',
    uk: 'Спробувати ще раз',
    ru: 'Попробовать ещё раз',
  },
  cancelledTitle: {
    de: 'Sie haben den Vorgang abgebrochen.',
    en: 'You cancelled the process.',
    tr: 'İşlemi iptal ettiniz.',
    ar: 'لقد ألغيت العملية.',
    uk: 'Ви скасували процес.',
    ru: 'Вы отменили процесс.',
  },
  cancelledText: {
    de: 'Es wurden keine Daten gelesen. Sie können es jederzeit noch einmal versuchen.',
    en: 'No data was read. You can try again at any time.',
    tr: 'Hiçbir veri okunmadı. İstediğiniz zaman tekrar deneyebilirsiniz.',
    ar: 'لم تتم قراءة أي بيانات. يمكنك المحاولة مرة أخرى في أي وقت.',
    uk: 'Жодних даних не зчитано. Ви можете спробувати ще раз будь-коли.',
    ru: 'Никакие данные не считаны. Вы можете попробовать ещё раз в любое время.',
  },
  failedTitle: {
    de: 'Das hat nicht geklappt.',
    en: 'That did not work.',
    tr: 'Bu işe yaramadı.',
    ar: 'لم ينجح ذلك.',
    uk: 'Не вдалося.',
    ru: 'Не получилось.',
  },
  failedHintCard: {
    de: 'Der Ausweis konnte nicht gelesen werden. Lassen Sie ihn ruhig auf dem Kartenleser liegen, bis alles fertig ist. Prüfen Sie auch Ihre PIN.',
    en: 'The ID card could not be read. Leave it still on the card reader until everything is done. Please also check your PIN.',
    tr: 'Kimlik kartı okunamadı. Her şey bitene kadar kartı kart okuyucunun üzerinde hareket ettirmeden bırakın. PIN numaranızı da kontrol edin.',
    ar: 'تعذّرت قراءة بطاقة الهوية. اتركها ثابتة على قارئ البطاقات حتى ينتهي كل شيء. تحقّق أيضًا من رقمك السري.',
    uk: 'Не вдалося зчитати ID-картку. Тримайте її нерухомо на зчитувачі, доки все не завершиться. Перевірте також свій PIN-код.',
    ru: 'Не удалось считать ID-карту. Держите её неподвижно на считывателе, пока всё не завершится. Проверьте также свой PIN-код.',
  },
  failedHintRights: {
    de: 'Für den Test brauchen wir mindestens Ihren Vornamen und Familiennamen. Bitte lassen Sie diese Angaben ausgewählt.',
    en: 'For the test we need at least your given name and surname. Please leave these details selected.',
    tr: 'Test için en azından adınıza ve soyadınıza ihtiyacımız var. Lütfen bu bilgileri seçili bırakın.',
    ar: 'نحتاج للاختبار على الأقل إلى اسمك الأول واسم عائلتك. يرجى إبقاء هذه البيانات محددة.',
    uk: 'Для перевірки нам потрібні щонайменше ваше ім’я та прізвище. Будь ласка, залиште ці дані вибраними.',
    ru: 'Для проверки нам нужны как минимум ваше имя и фамилия. Пожалуйста, оставьте эти данные выбранными.',
  },
  failedHintExpired: {
    de: 'Der Vorgang hat zu lange gedauert. Bitte fangen Sie noch einmal an.',
    en: 'The process took too long. Please start again.',
    tr: 'İşlem çok uzun sürdü. Lütfen yeniden başlayın.',
    ar: 'استغرقت العملية وقتًا طويلًا جدًا. يرجى البدء من جديد.',
    uk: 'Процес тривав надто довго. Будь ласка, почніть знову.',
    ru: 'Процесс занял слишком много времени. Пожалуйста, начните заново.',
  },
  failedHintOther: {
    de: 'Der Ausweis konnte nicht sicher geprüft werden. Bitte versuchen Sie es noch einmal. Wenn es wieder nicht klappt, fragen Sie bitte nach Hilfe.',
    en: 'The ID card could not be checked securely. Please try again. If it still does not work, please ask for help.',
    tr: 'Kimlik kartı güvenli bir şekilde kontrol edilemedi. Lütfen tekrar deneyin. Yine olmazsa lütfen yardım isteyin.',
    ar: 'تعذّر التحقق من بطاقة الهوية بشكل آمن. يرجى المحاولة مرة أخرى. إذا لم ينجح ذلك، يرجى طلب المساعدة.',
    uk: 'Не вдалося надійно перевірити ID-картку. Будь ласка, спробуйте ще раз. Якщо знову не вийде, попросіть про допомогу.',
    ru: 'Не удалось надёжно проверить ID-карту. Пожалуйста, попробуйте ещё раз. Если снова не получится, попросите помощи.',
  },
  pendingTitle: {
    de: 'Es wurde kein Ausweis gelesen.',
    en: 'No ID card was read.',
    tr: 'Hiçbir kimlik kartı okunmadı.',
    ar: 'لم تتم قراءة أي بطاقة هوية.',
    uk: 'Жодну ID-картку не зчитано.',
    ru: 'Ни одна ID-карта не считана.',
  },
  pendingText: {
    de: 'Eine Trainingskarte überträgt keine Daten. Mit Ihrem eigenen Ausweis sehen Sie hier Ihre Angaben.',
    en: 'A training card does not transfer any data. With your own ID card you will see your details here.',
    tr: 'Eğitim kartı hiçbir veri aktarmaz. Kendi kimlik kartınızla bilgilerinizi burada görürsünüz.',
    ar: 'بطاقة التدريب لا تنقل أي بيانات. باستخدام بطاقة هويتك الخاصة سترى بياناتك هنا.',
    uk: 'Навчальна картка не передає жодних даних. З власною ID-карткою ви побачите тут свої дані.',
    ru: 'Учебная карта не передаёт никаких данных. Со своей ID-картой вы увидите здесь свои данные.',
  },
  goneTitle: {
    de: 'Dieses Ergebnis wird aus Datenschutzgründen nur einmal angezeigt.',
    en: 'To protect your privacy, this result is shown only once.',
    tr: 'Gizliliğinizi korumak için bu sonuç yalnızca bir kez gösterilir.',
    ar: 'حفاظًا على خصوصيتك، تُعرض هذه النتيجة مرة واحدة فقط.',
    uk: 'Щоб захистити ваші дані, цей результат показується лише один раз.',
    ru: 'Чтобы защитить ваши данные, этот результат показывается только один раз.',
  },
  goneText: {
    de: 'Sie können den Test jederzeit neu starten.',
    en: 'You can start the test again at any time.',
    tr: 'Testi istediğiniz zaman yeniden başlatabilirsiniz.',
    ar: 'يمكنك بدء الاختبار من جديد في أي وقت.',
    uk: 'Ви можете будь-коли почати перевірку знову.',
    ru: 'Вы можете в любое время начать проверку заново.',
  },
  startAgain: {
    de: 'Neu starten',
    en: 'Start again',
    tr: 'Yeniden başlat',
    ar: 'ابدأ من جديد',
    uk: 'Почати знову',
    ru: 'Начать заново',
  },
} satisfies Record<string, Translations>;

export type TextKey = keyof typeof texts;

/** A text in a language, its `{name}` placeholders filled. */
export function text(
  language: Language,
  key: TextKey,
  values: Record<string, string> = {},
): string {
  return texts[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new SelfCheckError('missing-value', `no value for ${placeholder} in "${key}"`);
    return value;
  });
}
