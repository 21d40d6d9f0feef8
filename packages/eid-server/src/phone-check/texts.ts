import { sharedTexts, textIn } from '../pages/texts.js';
import type { Translations } from '../pages/language.js';

export { languages, type Language } from '../pages/language.js';

/**
 * Every text of the phone check's pages, which a citizen reads on their own phone after scanning
 * the QR code at the terminal: the shared ones and the phone check's own. `{name}` placeholders
 * are filled by `text()` and must be the same in every language.
 */
export const texts = {
  ...sharedTexts,

  documentTitle: {
    de: '{page} – Smartphone einrichten',
    en: '{page} – Set up your smartphone',
    tr: '{page} – Akıllı telefonunuzu kurun',
    ar: '{page} – إعداد هاتفك الذكي',
    uk: '{page} – Налаштування смартфона',
    ru: '{page} – Настройка смартфона',
  },
  introTitle: {
    de: 'Online-Ausweis mit dem Smartphone testen',
    en: 'Test your online ID with your smartphone',
    tr: 'Çevrimiçi kimliğinizi akıllı telefonunuzla test edin',
    ar: 'اختبر هويتك الإلكترونية بهاتفك الذكي',
    uk: 'Перевірте онлайн-ідентифікацію за допомогою смартфона',
    ru: 'Проверьте онлайн-идентификацию с помощью смартфона',
  },
  introWhat: {
    de: 'Hier sehen Sie, ob Ihr Smartphone Ihren Ausweis lesen kann. Dann können Sie den Online-Ausweis auch zu Hause nutzen.',
    en: 'Here you can see if your smartphone can read your ID card. Then you can use your online ID at home too.',
    tr: 'Burada akıllı telefonunuzun kimlik kartınızı okuyup okuyamadığını görebilirsiniz. Böylece çevrimiçi kimliğinizi evde de kullanabilirsiniz.',
    ar: 'هنا ترى ما إذا كان هاتفك الذكي يستطيع قراءة بطاقة هويتك. بعد ذلك يمكنك استخدام هويتك الإلكترونية في المنزل أيضًا.',
    uk: 'Тут ви побачите, чи може ваш смартфон зчитати вашу ID-картку. Тоді ви зможете користуватися онлайн-ідентифікацією і вдома.',
    ru: 'Здесь вы увидите, может ли ваш смартфон считать вашу ID-карту. Тогда вы сможете пользоваться онлайн-идентификацией и дома.',
  },
  introHow: {
    de: 'Die AusweisApp auf diesem Smartphone liest Ihren Ausweis. Danach sehen Sie hier Ihren Namen. Es wird nichts gespeichert.',
    en: 'The AusweisApp on this smartphone reads your ID card. Then you see your name here. Nothing is stored.',
    tr: 'Bu akıllı telefondaki AusweisApp kimlik kartınızı okur. Ardından adınızı burada görürsünüz. Hiçbir şey kaydedilmez.',
    ar: 'يقرأ تطبيق AusweisApp على هذا الهاتف الذكي بطاقة هويتك. بعد ذلك ترى اسمك هنا. لا يتم حفظ أي شيء.',
    uk: 'AusweisApp на цьому смартфоні зчитує вашу ID-картку. Потім ви побачите тут своє ім’я. Нічого не зберігається.',
    ru: 'AusweisApp на этом смартфоне считывает вашу ID-карту. Затем вы увидите здесь своё имя. Ничего не сохраняется.',
  },
  introNeedsApp: {
    de: 'Dafür muss die AusweisApp auf diesem Smartphone installiert sein.',
    en: 'For this, the AusweisApp must be installed on this smartphone.',
    tr: 'Bunun için AusweisApp bu akıllı telefonda yüklü olmalıdır.',
    ar: 'لذلك يجب أن يكون تطبيق AusweisApp مثبتًا على هذا الهاتف الذكي.',
    uk: 'Для цього на смартфоні має бути встановлений AusweisApp.',
    ru: 'Для этого на смартфоне должно быть установлено приложение AusweisApp.',
  },
  introButton: {
    de: 'Test starten',
    en: 'Start the test',
    tr: 'Testi başlatın',
    ar: 'ابدأ الاختبار',
    uk: 'Почати перевірку',
    ru: 'Начать проверку',
  },
  openTitle: {
    de: 'AusweisApp öffnen',
    en: 'Open the AusweisApp',
    tr: 'AusweisApp’i açın',
    ar: 'افتح تطبيق AusweisApp',
    uk: 'Відкрийте AusweisApp',
    ru: 'Откройте AusweisApp',
  },
  openText: {
    de: 'Tippen Sie auf den Knopf. Die AusweisApp öffnet sich. Halten Sie Ihren Ausweis an die Rückseite des Smartphones und folgen Sie den Schritten in der AusweisApp.',
    en: 'Tap the button. The AusweisApp opens. Hold your ID card to the back of the smartphone and follow the steps in the AusweisApp.',
    tr: 'Düğmeye dokunun. AusweisApp açılır. Kimlik kartınızı akıllı telefonun arkasına tutun ve AusweisApp’teki adımları izleyin.',
    ar: 'اضغط على الزر. يفتح تطبيق AusweisApp. ضع بطاقة هويتك على ظهر الهاتف الذكي واتبع الخطوات في التطبيق.',
    uk: 'Натисніть кнопку. Відкриється AusweisApp. Прикладіть ID-картку до задньої панелі смартфона й виконуйте кроки в AusweisApp.',
    ru: 'Нажмите кнопку. Откроется AusweisApp. Приложите ID-карту к задней стороне смартфона и следуйте шагам в AusweisApp.',
  },
  openButton: {
    de: 'AusweisApp öffnen',
    en: 'Open the AusweisApp',
    tr: 'AusweisApp’i açın',
    ar: 'افتح تطبيق AusweisApp',
    uk: 'Відкрити AusweisApp',
    ru: 'Открыть AusweisApp',
  },
  openFallback: {
    de: 'Die AusweisApp öffnet sich nicht?',
    en: 'The AusweisApp does not open?',
    tr: 'AusweisApp açılmıyor mu?',
    ar: 'لا يفتح تطبيق AusweisApp؟',
    uk: 'AusweisApp не відкривається?',
    ru: 'AusweisApp не открывается?',
  },
  openFallbackLink: {
    de: 'Mit diesem Link versuchen',
    en: 'Try this link instead',
    tr: 'Bu bağlantıyı deneyin',
    ar: 'جرّب هذا الرابط',
    uk: 'Спробуйте це посилання',
    ru: 'Попробуйте эту ссылку',
  },
  successTitle: {
    de: 'Ihr Smartphone ist bereit',
    en: 'Your smartphone is ready',
    tr: 'Akıllı telefonunuz hazır',
    ar: 'هاتفك الذكي جاهز',
    uk: 'Ваш смартфон готовий',
    ru: 'Ваш смартфон готов',
  },
  successIntro: {
    de: 'Ihr Smartphone hat Ihren Ausweis gelesen. Diesen Namen hat unser eID-Server erhalten:',
    en: 'Your smartphone read your ID card. Our eID server received this name:',
    tr: 'Akıllı telefonunuz kimlik kartınızı okudu. eID sunucumuz şu adı aldı:',
    ar: 'قرأ هاتفك الذكي بطاقة هويتك. تلقّى خادم eID الخاص بنا هذا الاسم:',
    uk: 'Ваш смартфон зчитав вашу ID-картку. Наш eID-сервер отримав таке ім’я:',
    ru: 'Ваш смартфон считал вашу ID-карту. Наш eID-сервер получил такое имя:',
  },
  successNext: {
    de: 'Ab jetzt können Sie sich mit diesem Smartphone online ausweisen, auch von zu Hause.',
    en: 'From now on you can prove your identity online with this smartphone, from home too.',
    tr: 'Artık bu akıllı telefonla, evden de, çevrimiçi kimliğinizi kanıtlayabilirsiniz.',
    ar: 'من الآن يمكنك إثبات هويتك عبر الإنترنت بهذا الهاتف الذكي، من المنزل أيضًا.',
    uk: 'Відтепер ви можете підтверджувати свою особу онлайн з цим смартфоном, зокрема вдома.',
    ru: 'Теперь вы можете подтверждать свою личность онлайн с этим смартфоном, в том числе из дома.',
  },
  notStored: {
    de: 'Diese Angaben wurden nicht gespeichert, auch nicht am Terminal. Wenn Sie die Seite verlassen, sind sie weg.',
    en: 'These details were not stored, not at the terminal either. When you leave this page, they are gone.',
    tr: 'Bu bilgiler kaydedilmedi, terminalde de. Bu sayfadan çıktığınızda silinmiş olurlar.',
    ar: 'لم يتم حفظ هذه البيانات، ولا على الجهاز الطرفي أيضًا. عندما تغادر هذه الصفحة، تختفي.',
    uk: 'Ці дані не збережено, зокрема й у терміналі. Коли ви залишите сторінку, вони зникнуть.',
    ru: 'Эти данные не сохранены, в том числе и в терминале. Когда вы покинете страницу, они исчезнут.',
  },
  usedTitle: {
    de: 'Dieser Code wurde schon benutzt.',
    en: 'This code has already been used.',
    tr: 'Bu kod zaten kullanıldı.',
    ar: 'تم استخدام هذا الرمز من قبل.',
    uk: 'Цей код уже використано.',
    ru: 'Этот код уже использован.',
  },
  usedText: {
    de: 'Jeder Code funktioniert nur einmal. Lassen Sie sich am Terminal einen neuen Code zeigen.',
    en: 'Each code works only once. Ask the terminal for a new code.',
    tr: 'Her kod yalnızca bir kez çalışır. Terminalden yeni bir kod alın.',
    ar: 'كل رمز يعمل مرة واحدة فقط. اطلب رمزًا جديدًا من الجهاز الطرفي.',
    uk: 'Кожен код діє лише один раз. Отримайте новий код у терміналі.',
    ru: 'Каждый код действует только один раз. Получите новый код в терминале.',
  },
  expiredTitle: {
    de: 'Dieser Code ist abgelaufen.',
    en: 'This code has expired.',
    tr: 'Bu kodun süresi doldu.',
    ar: 'انتهت صلاحية هذا الرمز.',
    uk: 'Термін дії цього коду закінчився.',
    ru: 'Срок действия этого кода истёк.',
  },
  expiredText: {
    de: 'Ein Code gilt nur wenige Minuten. Lassen Sie sich am Terminal einen neuen Code zeigen.',
    en: 'A code is valid for a few minutes only. Ask the terminal for a new code.',
    tr: 'Bir kod yalnızca birkaç dakika geçerlidir. Terminalden yeni bir kod alın.',
    ar: 'الرمز صالح لبضع دقائق فقط. اطلب رمزًا جديدًا من الجهاز الطرفي.',
    uk: 'Код дійсний лише кілька хвилин. Отримайте новий код у терміналі.',
    ru: 'Код действует всего несколько минут. Получите новый код в терминале.',
  },
  busyTitle: {
    de: 'Gerade laufen zu viele Tests.',
    en: 'Too many tests are running right now.',
    tr: 'Şu anda çok fazla test yapılıyor.',
    ar: 'تجري الآن اختبارات كثيرة جدًا.',
    uk: 'Зараз триває забагато перевірок.',
    ru: 'Сейчас идёт слишком много проверок.',
  },
  newCodeHint: {
    de: 'Wenn Sie es noch einmal versuchen möchten, lassen Sie sich am Terminal einen neuen Code zeigen.',
    en: 'If you want to try again, ask the terminal for a new code.',
    tr: 'Tekrar denemek isterseniz terminalden yeni bir kod alın.',
    ar: 'إذا أردت المحاولة مرة أخرى، فاطلب رمزًا جديدًا من الجهاز الطرفي.',
    uk: 'Якщо хочете спробувати ще раз, отримайте новий код у терміналі.',
    ru: 'Если хотите попробовать ещё раз, получите новый код в терминале.',
  },
  failedHintRights: {
    de: 'Für den Test brauchen wir Ihren Vornamen und Familiennamen. Bitte lassen Sie diese Angaben ausgewählt.',
    en: 'For the test we need your given name and surname. Please leave these details selected.',
    tr: 'Test için adınıza ve soyadınıza ihtiyacımız var. Lütfen bu bilgileri seçili bırakın.',
    ar: 'نحتاج للاختبار إلى اسمك الأول واسم عائلتك. يرجى إبقاء هذه البيانات محددة.',
    uk: 'Для перевірки нам потрібні ваше ім’я та прізвище. Будь ласка, залиште ці дані вибраними.',
    ru: 'Для проверки нам нужны ваше имя и фамилия. Пожалуйста, оставьте эти данные выбранными.',
  },
  pendingText: {
    de: 'Folgen Sie den Schritten in der AusweisApp. Wenn sie nicht weitergeht, lassen Sie sich am Terminal einen neuen Code zeigen.',
    en: 'Follow the steps in the AusweisApp. If it does not go on, ask the terminal for a new code.',
    tr: 'AusweisApp’teki adımları izleyin. İlerlemezse terminalden yeni bir kod alın.',
    ar: 'اتبع الخطوات في تطبيق AusweisApp. إذا لم يتقدّم، فاطلب رمزًا جديدًا من الجهاز الطرفي.',
    uk: 'Виконуйте кроки в AusweisApp. Якщо процес не продовжується, отримайте новий код у терміналі.',
    ru: 'Следуйте шагам в AusweisApp. Если процесс не продолжается, получите новый код в терминале.',
  },
} satisfies Record<string, Translations>;

export type TextKey = keyof typeof texts;

/** A text in a language, its `{name}` placeholders filled. */
export const text = textIn(texts);
