import type { Messages } from './de.js';

/**
 * Arabic (written right to left). German office names (Bürgeramt, PIN-Brief) stay beside the
 * Arabic words: they are what the citizen reads on letters and signs.
 */
export const ar: Messages = {
  'language.name': 'العربية',
  'language.choose': 'اختر اللغة',

  'app.title': 'جهاز خدمة المواطنين',

  'training.banner': 'وضع التدريب – بطاقة تدريب، لا توجد بيانات حقيقية',
  'training.picker.title': 'للموظفين: اختيار بطاقة التدريب',
  'training.picker.values': 'المطبوع على هذه البطاقة وعلى رسالة الرقم السري الخاصة بها:',

  'attract.title': 'مرحباً بك في جهاز خدمة المواطنين',
  'attract.offer':
    'هنا يمكنك تعيين الرقم السري (PIN) لهويتك الإلكترونية وإنجاز معاملاتك الرسمية عبر الإنترنت – بأمان ودون أن تترك أي أثر.',
  'attract.hint': 'قف على السجادة أو المس الشاشة.',
  'attract.start': 'ابدأ',
  'attract.slides': 'معلومات مفيدة',
  'attract.slideOf': '{n} من {total}',
  'attract.pause': 'إيقاف مؤقت',
  'attract.play': 'متابعة العرض',
  'attract.next': 'المعلومة التالية',
  'attract.slide.what.title': 'ما هي الهوية الإلكترونية؟',
  'attract.slide.what.text':
    'بالشريحة الموجودة في بطاقة هويتك الألمانية تثبت هويتك على الإنترنت – بأمان كما عند شباك الدائرة الرسمية.',
  'attract.slide.need.title': 'ماذا أحتاج؟',
  'attract.slide.need.text':
    'بطاقة هويتك ورقمك السري المكوّن من 6 أرقام. ليس لديك رقم سري بعد؟ إذن رسالة الرقم السري التي فيها الرقم المؤقت المكوّن من 5 أرقام.',
  'attract.slide.safe.title': 'هل هذا آمن؟',
  'attract.slide.safe.text':
    'نعم. تُرسَل بياناتك مشفّرة إلى جهات معتمدة فقط، وبرقمك السري فقط. وفي نهاية الجلسة يحذف الجهاز كل شيء.',
  'attract.slide.pin.title': 'نسيت رقمك السري أو لم تعيّنه أبداً؟',
  'attract.slide.pin.text':
    'برسالة الرقم السري تعيّن هنا رقمك السري الخاص في دقائق قليلة. ويسعد الموظفون بمساعدتك.',

  'home.title': 'ماذا تريد أن تفعل؟',
  'home.changePin': 'تعيين الرقم السري أو تغييره',
  'home.changePinText':
    'عيّن رقمك السري الخاص برسالة الرقم السري، أو غيّر رقمك السري – في دقائق قليلة.',
  'home.categories': 'المجالات',
  'home.search': 'البحث عن خدمة',
  'home.noMatch': 'لم يتم العثور على أي خدمة. يرجى اختيار مجال آخر أو كلمة بحث أخرى.',
  'home.needsEid': 'باستخدام الهوية الإلكترونية',
  'home.noEid': 'دون بطاقة هوية',

  'category.all': 'الكل',
  'category.eid': 'الهوية الإلكترونية',
  'category.vehicle': 'المركبات',
  'category.residence': 'السكن وتسجيل العنوان',
  'category.certificates': 'الشهادات والوثائق',
  'category.pension-tax': 'التقاعد والضرائب',
  'category.education': 'التعليم',
  'category.business': 'الأعمال التجارية',
  'category.other': 'خدمات أخرى',

  'smartphone.title': 'تابع في المنزل',
  'smartphone.text':
    'امسح رمزاً بكاميرا هاتفك الذكي. باستخدام تطبيق AusweisApp يمكنك إثبات هويتك من المنزل أيضاً.',
  'smartphone.android': 'تطبيق AusweisApp لأندرويد (Google Play)',
  'smartphone.ios': 'تطبيق AusweisApp لآيفون (App Store)',
  'smartphone.qrLabel': 'رمز QR: {name}',

  'readerMissing.title': 'قارئ البطاقات غير متصل',
  'readerMissing.text':
    'قارئ البطاقات غير موصول حالياً، لذلك لا تعمل الخدمات التي تحتاج إلى الهوية الإلكترونية في الوقت الحالي. يرجى إبلاغ الموظفين – سيعيدون توصيله.',
  'readerMissing.others':
    'يمكنك الاستمرار في استخدام الخدمات التالية التي لا تحتاج إلى بطاقة هوية.',

  'bar.label': 'أزرار التحكم في الجهاز',
  'bar.home': 'الصفحة الرئيسية',
  'bar.back': 'رجوع',
  'bar.language': 'اللغة',
  'bar.help': 'مساعدة',
  'bar.helpText':
    'بهذا الشريط يمكنك في أي وقت العودة إلى الصفحة الرئيسية للجهاز أو إنهاء جلستك. الصفحة التي تحته تابعة لمقدّم الخدمة.',
  'bar.textSize': 'حجم الخط',
  'bar.print': 'طباعة',
  'bar.speak': 'قراءة بصوت عالٍ',
  'bar.speakStop': 'إيقاف القراءة',
  'bar.close': 'إغلاق',
  'bar.end': 'إنهاء الجلسة',

  'textSize.now': '{percent}٪',

  'notice.printing': 'جارٍ الطباعة …',
  'notice.printerMissing': 'الطابعة غير متاحة حالياً. يرجى سؤال الموظفين.',
  'notice.outOfPaper': 'نفد الورق من الطابعة. يرجى إبلاغ الموظفين.',
  'notice.paperJam': 'انحشر الورق في الطابعة. يرجى إبلاغ الموظفين.',
  'notice.printerOffline': 'الطابعة مُطفأة. يرجى إبلاغ الموظفين.',
  'notice.scanning': 'جارٍ المسح الضوئي …',
  'notice.scanned': 'تم مسح المستند ضوئياً.',
  'notice.scanFailed': 'لم ينجح المسح الضوئي. يرجى المحاولة مرة أخرى.',

  'help.title': 'مساعدة',
  'help.bar':
    'في الأعلى تجد دائماً: الصفحة الرئيسية، رجوع، اللغة، مساعدة، حجم الخط وإنهاء الجلسة. عند الإنهاء يُحذف كل شيء.',
  'help.staff': 'هل تحتاج إلى مساعدة؟ يسعد الموظفون بمساعدتك.',
  'help.home':
    'اختر خدمة بالنقر على مربّعها. تعرض المجالات في الأعلى الخدمات المناسبة فقط. للرقم السري انقر على «تعيين الرقم السري أو تغييره».',
  'help.fast-lane':
    'هنا تعرف ما هو الرقم السري، والرقم المؤقت، ورقم الوصول CAN، ورمز PUK. ثم تختار إن كانت لديك رسالة الرقم السري أو كنت تعرف رقمك السري.',
  'help.consent':
    'تعرض الجهة من هي وأي بيانات تريد قراءتها من بطاقة هويتك. يمكنك إلغاء اختيار البيانات الاختيارية. لا يُقرأ شيء قبل أن تُدخل رقمك السري بعد ذلك.',
  'help.insert-card': 'ضع بطاقة هويتك بشكل مسطّح على قارئ البطاقات واتركها هناك حتى تنتهي العملية.',
  'help.pin':
    'اكتب رقمك السري على أزرار الأرقام. ترى نقاطاً بدلاً من الأرقام. زر «خلط الأزرار» يضع الأرقام في أماكن أخرى. ثم انقر على موافق.',
  'help.can':
    'رقم الوصول (CAN) مكوّن من ستة أرقام ومطبوع في أسفل اليمين على الوجه الأمامي لبطاقة هويتك.',
  'help.puk':
    'رمز PUK مكوّن من عشرة أرقام وموجود في رسالة الرقم السري. به يُرفع الحظر عن رقمك السري.',
  'help.new-pin':
    'اختر ستة أرقام يمكنك تذكّرها وأدخلها مرتين. لا تستخدم تاريخ ميلاد ولا تسلسلاً بسيطاً مثل 123456.',
  'help.working': 'الجهاز يتواصل مع بطاقة هويتك. يرجى تركها على قارئ البطاقات.',
  'help.outcome': 'هنا تجد كيف انتهت العملية وما يمكنك فعله بعد ذلك.',
  'help.survey': 'الاستبيان اختياري ومجهول الهوية. اختر إجابة لكل عبارة أو اتركها دون إجابة.',
  'help.blocked':
    'هذه الصفحة محظورة على الجهاز. «رجوع» يعيدك إلى الصفحة السابقة، و«الصفحة الرئيسية» تعرض كل الخدمات.',
  'help.error': 'حدث خطأ ما. حاول مرة أخرى من الصفحة الرئيسية أو اسأل الموظفين.',

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

  'picture.insertCard': 'بطاقة هوية توضع بشكل مسطّح على قارئ البطاقات.',
  'picture.can':
    'الوجه الأمامي لبطاقة الهوية: رقم الوصول (CAN) المكوّن من ستة أرقام في أسفل اليمين.',
  'picture.pinLetter':
    'رسالة الرقم السري: على اليسار حقل الرقم المؤقت المكوّن من خمسة أرقام، وعلى اليمين حقل رمز PUK.',
  'picture.puk': 'رسالة الرقم السري: رمز PUK المكوّن من عشرة أرقام في الحقل الأيمن.',

  'fastLane.title': 'تعيين الرقم السري أو تغييره',
  'fastLane.intro':
    'للهوية الإلكترونية تحتاج إلى رقم سري خاص بك من ستة أرقام. أولاً باختصار – أربعة أرقام ينبغي أن تعرفها:',
  'fastLane.pin.name': 'الرقم السري PIN (6 أرقام)',
  'fastLane.pin.text':
    'رقمك السري الشخصي. تختاره بنفسك وتُدخله في كل مرة تثبت فيها هويتك. لا تخبر به أحداً.',
  'fastLane.transportPin.name': 'الرقم المؤقت Transport-PIN (5 أرقام)',
  'fastLane.transportPin.text':
    'موجود في رسالة الرقم السري التي وصلتك بالبريد بعد طلب بطاقة الهوية. يصلح مرة واحدة فقط: لتعيين رقمك السري الخاص.',
  'fastLane.can.name': 'رقم الوصول CAN (6 أرقام)',
  'fastLane.can.text':
    'في أسفل اليمين على الوجه الأمامي لبطاقة هويتك. يُطلب عندما يُدخل الرقم السري خطأً مرتين.',
  'fastLane.puk.name': 'رمز PUK (10 أرقام)',
  'fastLane.puk.text':
    'موجود أيضاً في رسالة الرقم السري. به ترفع الحظر عن رقمك السري بعد إدخاله خطأً ثلاث مرات.',
  'fastLane.letterCaption': 'رسالة الرقم السري: الرقم المؤقت ورمز PUK',
  'fastLane.canCaption': 'بطاقة الهوية: رقم الوصول CAN في أسفل اليمين',
  'fastLane.choose': 'ما الذي ينطبق عليك؟',
  'fastLane.haveLetter': 'لديّ رسالة الرقم السري (الرقم المؤقت من 5 أرقام)',
  'fastLane.haveLetterText': 'تستبدل الرقم المؤقت برقمك السري الخاص المكوّن من ستة أرقام.',
  'fastLane.knowPin': 'أعرف رقمي السري وأريد تغييره',
  'fastLane.knowPinText': 'تُدخل رقمك السري الحالي وتختار رقماً جديداً.',
  'fastLane.neither':
    'ليست لديك رسالة الرقم السري ونسيت رقمك السري؟ يعطيك مكتب شؤون المواطنين (Bürgeramt) رسالة رقم سري جديدة.',

  'eid.working': 'يرجى الانتظار …',
  'eid.working.keepCard': 'يرجى ترك بطاقة هويتك على قارئ البطاقات.',
  'eid.progress': 'التقدّم',
  'eid.consent.title': 'جهة ما تريد قراءة بيانات من بطاقة هويتك',
  'eid.consent.provider': 'مقدّم الخدمة',
  'eid.consent.purpose': 'الغرض',
  'eid.consent.issuer': 'جهة إصدار التصريح',
  'eid.consent.validity': 'صلاحية التصريح',
  'eid.consent.validityRange': 'من {from} إلى {until}',
  'eid.consent.required': 'تُرسَل هذه البيانات:',
  'eid.consent.optional': 'بيانات اختيارية (انقر لإلغاء الاختيار):',
  'eid.consent.age': 'يُتحقَّق فقط مما إذا كان عمرك {age} سنة على الأقل.',
  'eid.consent.pinNext': 'لا يُقرأ شيء قبل أن تُدخل رقمك السري بعد ذلك. يمكنك الإلغاء في أي وقت.',
  'eid.accept': 'أوافق، متابعة',
  'eid.cancel': 'إلغاء',
  'eid.ok': 'موافق',
  'eid.insertCard.title': 'ضع بطاقة الهوية',
  'eid.insertCard.text': 'يرجى وضع بطاقة هويتك بشكل مسطّح على قارئ البطاقات.',
  'eid.insertCard.keep': 'اتركها هناك حتى تنتهي العملية.',
  'eid.insertCard.problem.eid-deactivated':
    'وظيفة الهوية الإلكترونية في هذه البطاقة مُطفأة. يمكن لمكتب شؤون المواطنين (Bürgeramt) تشغيلها.',
  'eid.insertCard.problem.unknown-card':
    'لم يتم التعرّف على هذه البطاقة. يرجى وضع بطاقة الهوية الألمانية أو تصريح الإقامة الإلكتروني.',
  'eid.trainingCard': 'ضع بطاقة التدريب',
  'eid.pin.title': 'أدخل الرقم السري (PIN)',
  'eid.pin.text': 'يرجى إدخال الرقم السري (PIN) المكوّن من 6 أرقام.',
  'eid.currentPin.text':
    'يرجى إدخال رقمك السري الحالي (الرقم المؤقت Transport-PIN من 5 أرقام أو الرقم السري من 6 أرقام).',
  'eid.can.title': 'أدخل رقم الوصول (CAN)',
  'eid.can.text': 'يرجى إدخال رقم الوصول (CAN) المكوّن من 6 أرقام.',
  'eid.can.where':
    'رقم الوصول CAN في أسفل اليمين على الوجه الأمامي لبطاقة هويتك. وهو يحمي المحاولة الأخيرة للرقم السري.',
  'eid.puk.title': 'أدخل رمز PUK',
  'eid.puk.text': 'يرجى إدخال رمز PUK المكوّن من 10 أرقام من رسالة الرقم السري (PIN-Brief).',
  'eid.puk.where':
    'رمز PUK موجود في رسالة الرقم السري. يرفع الحظر عن رقمك السري بعد ثلاث محاولات خاطئة.',
  'eid.newPin.title': 'اختر رقماً سرياً جديداً',
  'eid.newPin.entry': 'الإدخال {entry} من 2',
  'eid.newPin.text': 'يرجى اختيار رقمك السري (PIN) الجديد المكوّن من 6 أرقام.',
  'eid.newPin.tip':
    'لا تستخدم تاريخ ميلاد ولا تسلسلاً بسيطاً مثل 123456، ولا تكتب الرقم السري على البطاقة أبداً.',
  'eid.newPin.repeat': 'يرجى إدخال الرقم السري الجديد مرة أخرى.',
  'eid.newPin.mismatch': 'الإدخالان غير متطابقين. يرجى المحاولة مرة أخرى.',
  'eid.onReader': 'يرجى إدخال الرقم على قارئ البطاقات – بأزراره الخاصة.',
  'eid.wrongNumber': 'الرقم غير صحيح. يرجى المحاولة مرة أخرى.',
  'eid.triesLeft':
    '{count, plural, zero {لم تبقَ لديك أي محاولة} one {بقيت لديك محاولة واحدة} two {بقيت لديك محاولتان} few {بقيت لديك # محاولات} many {بقيت لديك # محاولة} other {بقيت لديك # محاولة}}.',

  'right.Address': 'العنوان',
  'right.BirthName': 'اسم العائلة عند الولادة',
  'right.FamilyName': 'اسم العائلة',
  'right.GivenNames': 'الأسماء الأولى',
  'right.PlaceOfBirth': 'مكان الولادة',
  'right.DateOfBirth': 'تاريخ الولادة',
  'right.DoctoralDegree': 'درجة الدكتوراه',
  'right.ArtisticName': 'الاسم الديني أو الفني',
  'right.Pseudonym': 'اسم مستعار (معرّف لهذه الجهة فقط)',
  'right.ValidUntil': 'صالحة حتى',
  'right.Nationality': 'الجنسية',
  'right.IssuingCountry': 'الدولة المُصدِرة',
  'right.DocumentType': 'نوع الوثيقة',
  'right.ResidencePermitI': 'الشروط الإضافية لتصريح الإقامة (الجزء 1)',
  'right.ResidencePermitII': 'الشروط الإضافية لتصريح الإقامة (الجزء 2)',
  'right.CommunityID': 'رمز البلدية (مكان سكنك كرقم)',
  'right.AddressVerification': 'تأكيد ما إذا كنت تسكن في مكان معيّن',
  'right.AgeVerification': 'تأكيد ما إذا كنت قد بلغت سنّاً معيّنة',
  'right.WriteAddress': 'تغيير العنوان في البطاقة',
  'right.WriteCommunityID': 'تغيير رمز البلدية في البطاقة',
  'right.WriteResidencePermitI': 'تغيير الشروط الإضافية (الجزء 1) في البطاقة',
  'right.WriteResidencePermitII': 'تغيير الشروط الإضافية (الجزء 2) في البطاقة',
  'right.CanAllowed': 'إثبات الهوية برقم الوصول (CAN) بدلاً من الرقم السري',
  'right.PinManagement': 'إدارة الرقم السري',
  'right.unknown': 'بيانات أخرى ({id})',

  'pad.delete': 'حذف آخر رقم',
  'pad.shuffle': 'خلط الأزرار',
  'pad.entered':
    '{count, plural, =0 {لم يتم إدخال أي رقم بعد} zero {لم يتم إدخال أي رقم بعد} one {تم إدخال رقم واحد} two {تم إدخال رقمين} few {تم إدخال # أرقام} many {تم إدخال # رقماً} other {تم إدخال # رقم}}',
  'pad.enteredOf': 'تم إدخال {count} من {total} أرقام',

  'outcome.title.success': 'تمّ بنجاح',
  'outcome.title.failure': 'لم تنجح العملية',
  'outcome.nextTitle': 'ماذا بعد؟',
  'outcome.toSurvey': 'استبيان قصير',
  'outcome.home': 'إلى الصفحة الرئيسية',
  'outcome.changePin': 'تعيين الرقم السري أو تغييره',
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
  'outcome.next.auth-success': 'ستعرض لك الخدمة الخطوات التالية بعد لحظات.',
  'outcome.next.pin-changed':
    'احفظ رقمك السري الجديد جيداً. من الآن يمكنك إثبات هويتك عبر الإنترنت – هنا على الجهاز أو في المنزل بتطبيق AusweisApp.',
  'outcome.next.cancelled': 'يمكنك البدء من جديد في أي وقت.',
  'outcome.next.timeout': 'ابدأ من جديد وجهّز بطاقة هويتك ورسالة الرقم السري.',
  'outcome.next.wrong-pin':
    'حاول مرة أخرى. بعد المحاولة الخاطئة الثانية يُطلب أيضاً رقم الوصول (CAN).',
  'outcome.next.wrong-can':
    'تحقّق من الأرقام الستة في أسفل اليمين على الوجه الأمامي لبطاقة هويتك وحاول مرة أخرى.',
  'outcome.next.wrong-puk':
    'رمز PUK مكوّن من عشرة أرقام وموجود في رسالة الرقم السري. إذا لم تعد لديك، فمكتب شؤون المواطنين يساعدك.',
  'outcome.next.pin-suspended':
    'ابدأ من جديد وجهّز بطاقة هويتك: أولاً رقم الوصول CAN، ثم الرقم السري.',
  'outcome.next.pin-blocked':
    'ابدأ «تعيين الرقم السري أو تغييره» وأدخل رمز PUK من رسالة الرقم السري. دون الرسالة يساعدك مكتب شؤون المواطنين.',
  'outcome.next.transport-pin-required':
    'انقر على «تعيين الرقم السري أو تغييره» وجهّز رسالة الرقم السري.',
  'outcome.next.eid-deactivated':
    'اذهب ببطاقة هويتك إلى مكتب شؤون المواطنين (Bürgeramt). هناك تُشغَّل وظيفة الهوية الإلكترونية.',
  'outcome.next.card-inoperative':
    'يعطيك مكتب شؤون المواطنين رسالة رقم سري جديدة لتتمكن من تعيين رقم سري من جديد.',
  'outcome.next.card-expired': 'قدّم طلباً للحصول على بطاقة هوية جديدة لدى مكتب شؤون المواطنين.',
  'outcome.next.card-removed': 'ابدأ من جديد واترك بطاقة الهوية على قارئ البطاقات حتى النهاية.',
  'outcome.next.no-reader':
    'سيوصل الموظفون قارئ البطاقات. يمكنك الاستمرار في استخدام الخدمات التي لا تحتاج إلى بطاقة هوية.',
  'outcome.next.provider-unreachable':
    'اختر خدمة أخرى أو حاول لاحقاً – ويمكنك ذلك أيضاً من المنزل بتطبيق AusweisApp.',
  'outcome.next.provider-error': 'حاول مرة أخرى لاحقاً. إذا تكرّر ذلك، فتواصل مع مقدّم الخدمة.',
  'outcome.next.invalid-request': 'يرجى اختيار الخدمة من جديد في الصفحة الرئيسية.',
  'outcome.next.eid-client-crashed': 'انتظر لحظة وابدأ العملية من جديد.',
  'outcome.next.eid-error': 'حاول مرة أخرى. إذا استمر الخطأ، يرجى سؤال الموظفين.',

  'survey.title': 'ما رأيك في جهاز خدمة المواطنين؟',
  'survey.intro':
    'الاستبيان اختياري ومجهول الهوية. يساعد على تحسين جهاز خدمة المواطنين. يمكنك ترك أي إجابة.',
  'survey.comment': 'ملاحظة (اختياري)',
  'survey.commentWarning':
    'يرجى عدم كتابة أي بيانات شخصية: لا اسم ولا عنوان ولا رقم هوية ولا رقم هاتف.',
  'survey.send': 'إرسال',
  'survey.skip': 'تخطٍّ',
  'survey.skipAndEnd': 'تخطٍّ وإنهاء',
  'survey.thanks': 'شكراً جزيلاً على إجاباتك!',
  'survey.thanksText': 'لا تنسَ بطاقة هويتك. عند إنهاء الجلسة يُحذف كل شيء.',
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

  'staff.title': 'قائمة الموظفين',
  'staff.pin.prompt': 'يرجى إدخال الرقم السري للموظفين.',
  'staff.pin.wrong': 'الرقم السري للموظفين غير صحيح.',
  'staff.training.isOn': 'وضع التدريب مُشغَّل.',
  'staff.training.isOff': 'وضع التدريب مُطفأ.',
  'staff.training.turnOn': 'تشغيل وضع التدريب',
  'staff.training.turnOff': 'إطفاء وضع التدريب',
  'staff.devices.title': 'الأجهزة',
  'staff.devices.healthy': 'كل الأجهزة جاهزة.',
  'staff.devices.problem': 'ليست كل الأجهزة جاهزة.',
  'staff.devices.matFallback': 'بساط التلامس غير موجود: تنتهي الجلسات بانتهاء المهلة فقط.',
  'staff.devices.none': 'لا توجد أجهزة مُعدّة.',
  'staff.devices.unknown': 'لا توجد معلومات عن الأجهزة.',
  'staff.devices.name': 'الجهاز',
  'staff.devices.kind': 'النوع',
  'staff.devices.status': 'الحالة',
  'staff.devices.detail': 'التفاصيل',

  'device.kind.input': 'بساط أو زر',
  'device.kind.card-reader': 'قارئ البطاقات',
  'device.kind.printer': 'الطابعة',
  'device.kind.scanner': 'الماسح الضوئي',
  'device.status.starting': 'قيد التشغيل',
  'device.status.ok': 'جاهز',
  'device.status.unplugged': 'غير موصول',
  'device.status.missing': 'غير موجود',
  'device.status.stopped': 'متوقف',
  'device.status.unavailable': 'غير متاح',
};
