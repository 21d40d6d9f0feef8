import { sharedTexts, textIn } from '../pages/texts.js';
import type { Translations } from '../pages/language.js';

export { languages, type Language } from '../pages/language.js';

/**
 * Every text of the "Online-Ausweis testen" pages: the shared ones and the self-check's own.
 * `{name}` placeholders are filled by `text()` and must be the same in every language.
 */
export const texts = {
  ...sharedTexts,

  documentTitle: {
    de: '{page} – Online-Ausweis testen',
    en: '{page} – Test your online ID',
    tr: '{page} – Çevrimiçi kimliği test edin',
    ar: '{page} – اختبار الهوية الإلكترونية',
    uk: '{page} – Перевірка онлайн-ідентифікації',
    ru: '{page} – Проверка онлайн-идентификации',
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
  notStored: {
    de: 'Diese Angaben wurden nicht gespeichert. Wenn Sie die Seite verlassen, sind sie weg.',
    en: 'These details were not stored. When you leave this page, they are gone.',
    tr: 'Bu bilgiler kaydedilmedi. Bu sayfadan çıktığınızda silinmiş olurlar.',
    ar: 'لم يتم حفظ هذه البيانات. عندما تغادر هذه الصفحة، تختفي.',
    uk: 'Ці дані не збережено. Коли ви залишите сторінку, вони зникнуть.',
    ru: 'Эти данные не сохранены. Когда вы покинете страницу, они исчезнут.',
  },
  failedHintRights: {
    de: 'Für den Test brauchen wir mindestens Ihren Vornamen und Familiennamen. Bitte lassen Sie diese Angaben ausgewählt.',
    en: 'For the test we need at least your given name and surname. Please leave these details selected.',
    tr: 'Test için en azından adınıza ve soyadınıza ihtiyacımız var. Lütfen bu bilgileri seçili bırakın.',
    ar: 'نحتاج للاختبار على الأقل إلى اسمك الأول واسم عائلتك. يرجى إبقاء هذه البيانات محددة.',
    uk: 'Для перевірки нам потрібні щонайменше ваше ім’я та прізвище. Будь ласка, залиште ці дані вибраними.',
    ru: 'Для проверки нам нужны как минимум ваше имя и фамилия. Пожалуйста, оставьте эти данные выбранными.',
  },
  pendingText: {
    de: 'Eine Trainingskarte überträgt keine Daten. Mit Ihrem eigenen Ausweis sehen Sie hier Ihre Angaben.',
    en: 'A training card does not transfer any data. With your own ID card you will see your details here.',
    tr: 'Eğitim kartı hiçbir veri aktarmaz. Kendi kimlik kartınızla bilgilerinizi burada görürsünüz.',
    ar: 'بطاقة التدريب لا تنقل أي بيانات. باستخدام بطاقة هويتك الخاصة سترى بياناتك هنا.',
    uk: 'Навчальна картка не передає жодних даних. З власною ID-карткою ви побачите тут свої дані.',
    ru: 'Учебная карта не передаёт никаких данных. Со своей ID-картой вы увидите здесь свои данные.',
  },
  goneText: {
    de: 'Sie können den Test jederzeit neu starten.',
    en: 'You can start the test again at any time.',
    tr: 'Testi istediğiniz zaman yeniden başlatabilirsiniz.',
    ar: 'يمكنك بدء الاختبار من جديد في أي وقت.',
    uk: 'Ви можете будь-коли почати перевірку знову.',
    ru: 'Вы можете в любое время начать проверку заново.',
  },
} satisfies Record<string, Translations>;

export type TextKey = keyof typeof texts;

/** A text in a language, its `{name}` placeholders filled. */
export const text = textIn(texts);
