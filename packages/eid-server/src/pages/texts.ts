import { CodedError } from '@sidbox/runtime';
import type { Language, Translations } from './language.js';

/** A text whose `{name}` placeholder got no value: a programming error, never the citizen's. */
export class PageTextError extends CodedError<'missing-value'> {}

/**
 * The texts every citizen page shares (language choice, card data labels, the outcomes of an
 * authentication), German first. Short sentences for citizens at a kiosk; the terms follow the
 * kiosk UI's catalogues ("online ID", "PIN", "training card"). `{name}` placeholders are filled
 * by `translate()` and must be the same in every language.
 */
export const sharedTexts = {
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
  startPrepare: {
    de: 'Halten Sie Ihren Ausweis und Ihre 6-stellige PIN bereit.',
    en: 'Have your ID card and your 6-digit PIN ready.',
    tr: 'Kimlik kartınızı ve 6 haneli PIN numaranızı hazır bulundurun.',
    ar: 'جهّز بطاقة هويتك ورقمك السري المكوّن من 6 أرقام.',
    uk: 'Підготуйте свою ID-картку та 6-значний PIN-код.',
    ru: 'Подготовьте свою ID-карту и 6-значный PIN-код.',
  },
  busyText: {
    de: 'Bitte versuchen Sie es in ein paar Minuten noch einmal.',
    en: 'Please try again in a few minutes.',
    tr: 'Lütfen birkaç dakika sonra tekrar deneyin.',
    ar: 'يرجى المحاولة مرة أخرى بعد بضع دقائق.',
    uk: 'Будь ласка, спробуйте ще раз за кілька хвилин.',
    ru: 'Пожалуйста, попробуйте ещё раз через несколько минут.',
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
  startAgain: {
    de: 'Neu starten',
    en: 'Start again',
    tr: 'Yeniden başlat',
    ar: 'ابدأ من جديد',
    uk: 'Почати знову',
    ru: 'Начать заново',
  },
  labelAcademicTitle: {
    de: 'Doktorgrad',
    en: 'Academic title',
    tr: 'Akademik unvan',
    ar: 'اللقب الأكاديمي',
    uk: 'Науковий ступінь',
    ru: 'Учёная степень',
  },
  labelBirthName: {
    de: 'Geburtsname',
    en: 'Name at birth',
    tr: 'Doğumdaki soyadı',
    ar: 'اسم الميلاد',
    uk: 'Прізвище при народженні',
    ru: 'Фамилия при рождении',
  },
  labelPlaceOfBirth: {
    de: 'Geburtsort',
    en: 'Place of birth',
    tr: 'Doğum yeri',
    ar: 'مكان الميلاد',
    uk: 'Місце народження',
    ru: 'Место рождения',
  },
  labelNationality: {
    de: 'Staatsangehörigkeit',
    en: 'Nationality',
    tr: 'Uyruk',
    ar: 'الجنسية',
    uk: 'Громадянство',
    ru: 'Гражданство',
  },
  /** The self-check's and the phone check's result page, asked for a second time. */
  shownOnceTitle: {
    de: 'Dieses Ergebnis wird aus Datenschutzgründen nur einmal angezeigt.',
    en: 'To protect your privacy, this result is shown only once.',
    tr: 'Gizliliğinizi korumak için bu sonuç yalnızca bir kez gösterilir.',
    ar: 'حفاظًا على خصوصيتك، تُعرض هذه النتيجة مرة واحدة فقط.',
    uk: 'Щоб захистити ваші дані, цей результат показується лише один раз.',
    ru: 'Чтобы защитить ваши данные, этот результат показывается только один раз.',
  },
} satisfies Record<string, Translations>;

/** A text of a catalogue in a language, its `{name}` placeholders filled. */
export function translate<Key extends string>(
  catalogue: Record<Key, Translations>,
  language: Language,
  key: Key,
  values: Record<string, string> = {},
): string {
  return catalogue[key][language].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined)
      throw new PageTextError('missing-value', `no value for ${placeholder} in "${key}"`);
    return value;
  });
}

/** A catalogue's `text(language, key, values?)`: `translate` bound to it. */
export function textIn<Key extends string>(catalogue: Record<Key, Translations>) {
  return (language: Language, key: Key, values: Record<string, string> = {}): string =>
    translate(catalogue, language, key, values);
}
