import type { Translations } from '../pages/language.js';
import { sharedTexts, textIn } from '../pages/texts.js';

/**
 * Every text of the sign-in pages ("Mit dem Personalausweis anmelden"): the shared ones and the
 * provider's own, German first. `{name}` placeholders must be the same in every language. The
 * platform's name is the member's own word, from the hub.
 */
export const texts = {
  ...sharedTexts,
  documentTitle: {
    de: '{page} – Mit dem Personalausweis anmelden',
    en: '{page} – Sign in with your ID card',
    tr: '{page} – Kimlik kartıyla giriş',
    ar: '{page} – تسجيل الدخول ببطاقة الهوية',
    uk: '{page} – Вхід за допомогою ID-картки',
    ru: '{page} – Вход с помощью ID-карты',
  },
  signinTitle: {
    de: 'Bei {platform} anmelden',
    en: 'Sign in to {platform}',
    tr: '{platform} hizmetine giriş yapın',
    ar: 'تسجيل الدخول إلى {platform}',
    uk: 'Увійти до {platform}',
    ru: 'Войти в {platform}',
  },
  signinWhat: {
    de: 'Sie melden sich mit Ihrem Personalausweis an. {platform} erhält danach:',
    en: 'You sign in with your ID card. {platform} then receives:',
    tr: 'Kimlik kartınızla giriş yaparsınız. Ardından {platform} şunları alır:',
    ar: 'تسجّل الدخول ببطاقة هويتك. بعد ذلك يتلقى {platform}:',
    uk: 'Ви входите за допомогою своєї ID-картки. Потім {platform} отримує:',
    ru: 'Вы входите с помощью своей ID-карты. Затем {platform} получает:',
  },
  receivesPseudonym: {
    de: 'Eine Kennung, an der {platform} Sie wiedererkennt (ein Pseudonym, nicht Ihre Ausweisnummer)',
    en: 'An identifier by which {platform} recognises you (a pseudonym, not your ID card number)',
    tr: '{platform} hizmetinin sizi tanıdığı bir tanımlayıcı (takma kimlik, kimlik numaranız değil)',
    ar: 'معرّف يتعرّف به {platform} عليك (اسم مستعار، وليس رقم بطاقة هويتك)',
    uk: 'Ідентифікатор, за яким {platform} вас упізнає (псевдонім, а не номер вашої ID-картки)',
    ru: 'Идентификатор, по которому {platform} вас узнаёт (псевдоним, а не номер вашей ID-карты)',
  },
  receivesAge: {
    de: 'Ob Sie älter als {age} Jahre sind (nicht Ihr Geburtsdatum)',
    en: 'Whether you are older than {age} (not your date of birth)',
    tr: '{age} yaşından büyük olup olmadığınız (doğum tarihiniz değil)',
    ar: 'ما إذا كان عمرك أكبر من {age} عامًا (وليس تاريخ ميلادك)',
    uk: 'Чи вам більше {age} років (не дата народження)',
    ru: 'Старше ли вы {age} лет (не дата рождения)',
  },
  signinNotStored: {
    de: 'Wir speichern nichts über Sie. Ihre Angaben gehen nur an {platform}.',
    en: 'We store nothing about you. Your details go to {platform} only.',
    tr: 'Hakkınızda hiçbir şey kaydetmeyiz. Bilgileriniz yalnızca {platform} hizmetine gider.',
    ar: 'لا نحفظ أي شيء عنك. تذهب بياناتك إلى {platform} فقط.',
    uk: 'Ми нічого про вас не зберігаємо. Ваші дані отримує лише {platform}.',
    ru: 'Мы ничего о вас не сохраняем. Ваши данные получает только {platform}.',
  },
  signinButton: {
    de: 'Mit dem Personalausweis anmelden',
    en: 'Sign in with your ID card',
    tr: 'Kimlik kartıyla giriş yapın',
    ar: 'تسجيل الدخول ببطاقة الهوية',
    uk: 'Увійти за допомогою ID-картки',
    ru: 'Войти с помощью ID-карты',
  },
  cancelButton: {
    de: 'Abbrechen',
    en: 'Cancel',
    tr: 'İptal',
    ar: 'إلغاء',
    uk: 'Скасувати',
    ru: 'Отмена',
  },
  goneTitle: {
    de: 'Diese Anmeldung ist nicht mehr gültig.',
    en: 'This sign-in is no longer valid.',
    tr: 'Bu giriş artık geçerli değil.',
    ar: 'عملية تسجيل الدخول هذه لم تعد صالحة.',
    uk: 'Цей вхід більше не дійсний.',
    ru: 'Этот вход больше не действителен.',
  },
  goneText: {
    de: 'Bitte starten Sie die Anmeldung auf der Plattform noch einmal.',
    en: 'Please start the sign-in on the platform again.',
    tr: 'Lütfen girişi platformda yeniden başlatın.',
    ar: 'يرجى بدء تسجيل الدخول على المنصة من جديد.',
    uk: 'Будь ласка, почніть вхід на платформі ще раз.',
    ru: 'Пожалуйста, начните вход на платформе ещё раз.',
  },
  busyTitle: {
    de: 'Gerade melden sich zu viele Menschen an.',
    en: 'Too many people are signing in right now.',
    tr: 'Şu anda çok fazla kişi giriş yapıyor.',
    ar: 'يسجّل الآن عدد كبير جدًا من الأشخاص الدخول.',
    uk: 'Зараз входить забагато людей.',
    ru: 'Сейчас входит слишком много людей.',
  },
  unavailableTitle: {
    de: 'Die Anmeldung ist gerade nicht möglich.',
    en: 'Signing in is not possible right now.',
    tr: 'Giriş şu anda mümkün değil.',
    ar: 'تسجيل الدخول غير ممكن الآن.',
    uk: 'Вхід зараз неможливий.',
    ru: 'Вход сейчас невозможен.',
  },
  unavailableText: {
    de: 'Bitte gehen Sie zurück zu der Seite, von der Sie kamen, und versuchen Sie es später noch einmal.',
    en: 'Please go back to the page you came from and try again later.',
    tr: 'Lütfen geldiğiniz sayfaya dönün ve daha sonra tekrar deneyin.',
    ar: 'يرجى العودة إلى الصفحة التي جئت منها والمحاولة لاحقًا.',
    uk: 'Будь ласка, поверніться на сторінку, з якої ви прийшли, і спробуйте пізніше.',
    ru: 'Пожалуйста, вернитесь на страницу, с которой вы пришли, и попробуйте позже.',
  },
  pendingText: {
    de: 'Wenn die AusweisApp Ihren Ausweis noch liest, warten Sie bitte, bis sie fertig ist.',
    en: 'If the AusweisApp is still reading your ID card, please wait until it has finished.',
    tr: 'AusweisApp kimlik kartınızı hâlâ okuyorsa lütfen bitene kadar bekleyin.',
    ar: 'إذا كان تطبيق AusweisApp لا يزال يقرأ بطاقة هويتك، فيرجى الانتظار حتى ينتهي.',
    uk: 'Якщо AusweisApp ще зчитує вашу ID-картку, зачекайте, доки вона завершить.',
    ru: 'Если AusweisApp ещё считывает вашу ID-карту, подождите, пока она закончит.',
  },
} satisfies Record<string, Translations>;

export type TextKey = keyof typeof texts;

/** A text in a language, its `{name}` placeholders filled. */
export const text = textIn(texts);
