import type { Messages } from './de.js';

/**
 * Arabic (written right to left). German office names (Bürgeramt, PIN-Brief) stay beside the
 * Arabic words: they are what the citizen reads on letters and signs.
 */
export const ar: Messages = {
  'language.name': 'العربية',
  'language.choose': 'اختر اللغة',
  'app.title': 'جهاز خدمة المواطنين',
  training: 'وضع التدريب',

  'attract.title': 'أهلاً وسهلاً',
  'attract.hint': 'قف على السجادة أو المس الشاشة.',
  'attract.start': 'ابدأ',

  'home.title': 'ماذا تريد أن تفعل؟',
  'home.changePin': 'تغيير الرقم السري (PIN) أو استبدال الرقم المؤقت (Transport-PIN)',
  'home.needsEid': 'باستخدام الهوية الإلكترونية',

  'bar.label': 'أزرار التحكم في الجهاز',
  'bar.home': 'البداية',
  'bar.end': 'إنهاء الجلسة',

  'warning.title': 'هل ما زلت هنا؟',
  'warning.text':
    'تنتهي الجلسة خلال {seconds, plural, zero {# ثانية} one {ثانية واحدة} two {ثانيتين} few {# ثوانٍ} many {# ثانية} other {# ثانية}}. سيتم حذف جميع البيانات.',
  'warning.stillHere': 'نعم، ما زلت هنا',

  'blocked.title': 'الصفحة غير متاحة',
  'blocked.text': 'هذه الصفحة غير متاحة على هذا الجهاز.',
  'error.title': 'عذراً، لم تنجح العملية.',
  'error.text': 'يرجى المحاولة مرة أخرى أو طلب المساعدة من الموظفين.',

  'card.reminder.title': 'لا تنسَ بطاقتك!',
  'card.reminder.text': 'يرجى أخذ بطاقة الهوية من قارئ البطاقات.',

  'eid.working': 'يرجى الانتظار …',
  'eid.consent.title': 'بيانات من بطاقة الهوية',
  'eid.consent.text': 'تريد هذه الجهة قراءة البيانات التالية من بطاقة هويتك:',
  'eid.accept': 'أوافق',
  'eid.cancel': 'إلغاء',
  'eid.ok': 'موافق',
  'eid.insertCard.title': 'ضع بطاقة الهوية',
  'eid.insertCard.text': 'يرجى وضع بطاقة الهوية على قارئ البطاقات.',
  'eid.trainingCard': 'ضع بطاقة التدريب',
  'eid.pin.title': 'أدخل الرقم السري (PIN)',
  'eid.pin.text': 'يرجى إدخال الرقم السري (PIN) المكوّن من 6 أرقام.',
  'eid.currentPin.text':
    'يرجى إدخال رقمك السري الحالي (الرقم المؤقت Transport-PIN من 5 أرقام أو الرقم السري من 6 أرقام).',
  'eid.can.title': 'أدخل رقم الوصول (CAN)',
  'eid.can.text': 'يرجى إدخال رقم الوصول (CAN) المكوّن من 6 أرقام.',
  'eid.puk.title': 'أدخل رمز PUK',
  'eid.puk.text': 'يرجى إدخال رمز PUK المكوّن من 10 أرقام من رسالة الرقم السري (PIN-Brief).',
  'eid.newPin.title': 'اختر رقماً سرياً جديداً',
  'eid.newPin.text': 'يرجى اختيار رقمك السري (PIN) الجديد المكوّن من 6 أرقام.',
  'eid.newPin.repeat': 'يرجى إدخال الرقم السري الجديد مرة أخرى.',
  'eid.newPin.mismatch': 'الإدخالان غير متطابقين. يرجى المحاولة مرة أخرى.',
  'eid.onReader': 'يرجى إدخال الرقم على لوحة مفاتيح قارئ البطاقات.',
  'eid.wrongNumber': 'الرقم غير صحيح. يرجى المحاولة مرة أخرى.',
  'eid.triesLeft':
    '{count, plural, zero {لم تبقَ لديك أي محاولة} one {بقيت لديك محاولة واحدة} two {بقيت لديك محاولتان} few {بقيت لديك # محاولات} many {بقيت لديك # محاولة} other {بقيت لديك # محاولة}}.',

  'pad.delete': 'حذف آخر رقم',
  'pad.entered':
    '{count, plural, =0 {لم يتم إدخال أي رقم بعد} zero {لم يتم إدخال أي رقم بعد} one {تم إدخال رقم واحد} two {تم إدخال رقمين} few {تم إدخال # أرقام} many {تم إدخال # رقماً} other {تم إدخال # رقم}}',

  'outcome.title': 'النتيجة',
  'outcome.toSurvey': 'استبيان قصير',
  'outcome.auth-success': 'تم إثبات هويتك بنجاح.',
  'outcome.pin-changed': 'تم حفظ رقمك السري الجديد. وظيفة الهوية الإلكترونية جاهزة للاستخدام.',
  'outcome.cancelled': 'تم إلغاء العملية. لم يتم إرسال أي بيانات.',
  'outcome.timeout': 'انتهت العملية لانتهاء الوقت. يرجى البدء من جديد.',
  'outcome.wrong-pin': 'الرقم السري (PIN) غير صحيح. يرجى المحاولة مرة أخرى.',
  'outcome.wrong-can':
    'رقم الوصول (CAN) غير صحيح. تجده على الوجه الأمامي لبطاقة الهوية، في الأسفل على اليمين.',
  'outcome.wrong-puk': 'رمز PUK غير صحيح. تجده في رسالة الرقم السري (PIN-Brief).',
  'outcome.pin-suspended':
    'تم إدخال الرقم السري خطأً مرتين. للمحاولة الأخيرة تحتاج إلى رقم الوصول (CAN) الموجود على الوجه الأمامي لبطاقة الهوية.',
  'outcome.pin-blocked':
    'الرقم السري مقفل. يمكنك فتحه باستخدام رمز PUK من رسالة الرقم السري (PIN-Brief).',
  'outcome.transport-pin-required':
    'بطاقتك ما زالت تحمل الرقم المؤقت (Transport-PIN) المكوّن من 5 أرقام. يرجى أولاً تعيين رقمك السري الخاص المكوّن من 6 أرقام.',
  'outcome.eid-deactivated':
    'وظيفة الهوية الإلكترونية متوقفة. يمكن لمكتب شؤون المواطنين (Bürgeramt) تشغيلها لك.',
  'outcome.card-inoperative':
    'تم استهلاك رمز PUK. يرجى مراجعة مكتب شؤون المواطنين (Bürgeramt) للحصول على رقم سري جديد.',
  'outcome.card-expired': 'انتهت صلاحية بطاقة الهوية هذه ولا يمكن استخدامها بعد الآن.',
  'outcome.card-removed':
    'تم رفع بطاقة الهوية عن قارئ البطاقات. يرجى وضعها مرة أخرى والبدء من جديد.',
  'outcome.no-reader': 'لا يوجد قارئ بطاقات متصل. يرجى طلب المساعدة من الموظفين.',
  'outcome.provider-unreachable': 'لا يمكن الوصول إلى الخدمة حالياً. يرجى المحاولة لاحقاً.',
  'outcome.provider-error': 'رفضت الخدمة الطلب. يرجى المحاولة لاحقاً.',
  'outcome.invalid-request': 'أرسلت الخدمة طلباً غير صالح.',
  'outcome.eid-client-crashed':
    'توقف برنامج الهوية بشكل غير متوقع ويجري تشغيله من جديد. يرجى المحاولة مرة أخرى.',
  'outcome.eid-error': 'حدث خطأ. يرجى المحاولة مرة أخرى.',

  'survey.title': 'ما رأيك في جهاز خدمة المواطنين؟',
  'survey.comment': 'ملاحظة (اختياري)',
  'survey.commentWarning':
    'يرجى عدم كتابة أي بيانات شخصية: لا اسم ولا عنوان ولا رقم هوية ولا رقم هاتف.',
  'survey.send': 'إرسال',
  'survey.thanks': 'شكراً جزيلاً على إجاباتك!',
  'survey.problem': 'تعذّر إرسال الإجابات. يرجى التحقق من اختياراتك.',
  'survey.statement.informative': 'كان عرض جهاز خدمة المواطنين غنياً بالمعلومات.',
  'survey.statement.shows-uses': 'أظهر عرض جهاز خدمة المواطنين استخداماته المختلفة.',
  'survey.statement.faster': 'بفضل جهاز خدمة المواطنين يمكن إنجاز معاملاتي الإدارية بشكل أسرع.',
  'survey.statement.permanent-terminal':
    'سيكون توفير جهاز دائم لخدمة المواطنين مفيداً جداً للمواطنين بشكل عام.',
  'survey.statement.frees-staff':
    'بفضل جهاز خدمة المواطنين يصبح لدى المدينة موظفون أكثر للمهام الأخرى.',
  'survey.statement.security-concerns':
    'لدي مخاوف أمنية عند استخدام SIDbox أو جهاز خدمة المواطنين.',
  'survey.answer.fully-agree': 'أوافق تماماً',
  'survey.answer.agree': 'أوافق',
  'survey.answer.partly': 'أوافق إلى حد ما',
  'survey.answer.disagree': 'لا أوافق',
  'survey.answer.fully-disagree': 'لا أوافق إطلاقاً',
  'survey.answer.no-answer': 'بدون إجابة',
};
