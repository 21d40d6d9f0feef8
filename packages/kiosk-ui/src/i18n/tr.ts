import type { Messages } from './de.js';

/** Turkish. The Bürgeramt keeps its German name, as citizens find it signposted so. */
export const tr: Messages = {
  'language.name': 'Türkçe',
  'language.choose': 'Dil seçin',

  'app.title': 'Vatandaş terminali',

  'training.banner': 'Alıştırma modu – eğitim kartı, gerçek veri yok',
  'training.picker.title': 'Personel için: eğitim kartı seçin',
  'training.picker.values': 'Bu kartta ve PIN mektubunda yazanlar:',

  'attract.title': 'Vatandaş terminaline hoş geldiniz',
  'attract.offer':
    'Burada çevrimiçi kimliğinizin PIN numarasını belirleyebilir ve resmî işlerinizi internetten halledebilirsiniz – güvenle ve iz bırakmadan.',
  'attract.hint': 'Paspasın üzerine basın veya ekrana dokunun.',
  'attract.start': 'Başla',
  'attract.slides': 'Bilmeniz gerekenler',
  'attract.slideOf': '{n} / {total}',
  'attract.pause': 'Durdur',
  'attract.play': 'Devam ettir',
  'attract.next': 'Sonraki bilgi',
  'attract.slide.what.title': 'Çevrimiçi kimlik nedir?',
  'attract.slide.what.text':
    'Alman kimlik kartınızdaki çip ile internette kimliğinizi kanıtlarsınız – bir resmî dairenin gişesindeki kadar güvenli.',
  'attract.slide.need.title': 'Neye ihtiyacım var?',
  'attract.slide.need.text':
    'Kimlik kartınıza ve 6 haneli PIN numaranıza. Henüz PIN yok mu? O zaman 5 haneli Transport PIN içeren PIN mektubuna.',
  'attract.slide.safe.title': 'Güvenli mi?',
  'attract.slide.safe.text':
    'Evet. Verileriniz şifreli olarak yalnızca onaylı sağlayıcılara ve yalnızca PIN numaranızla gider. Oturum sonunda terminal her şeyi siler.',
  'attract.slide.pin.title': 'PIN numaranızı mı unuttunuz, hiç mi belirlemediniz?',
  'attract.slide.pin.text':
    'PIN mektubunuzla burada birkaç dakikada kendi PIN numaranızı belirlersiniz. Personel size memnuniyetle yardım eder.',

  'home.title': 'Ne yapmak istiyorsunuz?',
  'home.changePin': 'PIN belirle veya değiştir',
  'home.changePinText':
    'PIN mektubuyla kendi PIN numaranızı belirleyin veya PIN numaranızı değiştirin – birkaç dakikada.',
  'home.categories': 'Alanlar',
  'home.search': 'Hizmet ara',
  'home.noMatch': 'Hizmet bulunamadı. Lütfen başka bir alan veya arama terimi seçin.',
  'home.needsEid': 'Çevrimiçi kimlik ile',
  'home.noEid': 'Kimlik kartı gerekmez',

  'category.all': 'Tümü',
  'category.eid': 'Çevrimiçi kimlik',
  'category.vehicle': 'Araç',
  'category.residence': 'Konut ve adres kaydı',
  'category.certificates': 'Belgeler ve kayıtlar',
  'category.pension-tax': 'Emeklilik ve vergi',
  'category.education': 'Eğitim',
  'category.business': 'İşletme',
  'category.other': 'Diğer',

  'smartphone.title': 'Evde devam edin',
  'smartphone.text':
    'Akıllı telefonunuzun kamerasıyla bir kodu tarayın. AusweisApp ile kimliğinizi evden de kanıtlayabilirsiniz.',
  'smartphone.android': 'Android için AusweisApp (Google Play)',
  'smartphone.ios': 'iPhone için AusweisApp (App Store)',
  'smartphone.qrLabel': 'QR kodu: {name}',

  'readerMissing.title': 'Kart okuyucu bağlı değil',
  'readerMissing.text':
    'Kart okuyucu şu anda bağlı değil, bu yüzden çevrimiçi kimlik gerektiren hizmetler şu an çalışmıyor. Lütfen personele haber verin – okuyucuyu yeniden bağlarlar.',
  'readerMissing.others':
    'Kimlik kartı gerektirmeyen aşağıdaki hizmetleri kullanmaya devam edebilirsiniz.',

  'bar.label': 'Terminal kontrolleri',
  'bar.home': 'Ana sayfa',
  'bar.back': 'Geri',
  'bar.language': 'Dil',
  'bar.help': 'Yardım',
  'bar.helpText':
    'Bu çubukla istediğiniz zaman terminalin ana sayfasına dönebilir veya oturumunuzu bitirebilirsiniz. Altındaki sayfa hizmet sağlayıcısına aittir.',
  'bar.textSize': 'Yazı boyutu',
  'bar.print': 'Yazdır',
  'bar.speak': 'Sesli oku',
  'bar.speakStop': 'Okumayı durdur',
  'bar.close': 'Kapat',
  'bar.end': 'Oturumu bitir',

  'textSize.now': '%{percent}',

  'notice.printing': 'Yazdırılıyor …',
  'notice.printerMissing': 'Yazıcı şu anda kullanılamıyor. Lütfen personele sorun.',
  'notice.outOfPaper': 'Yazıcıda kâğıt kalmadı. Lütfen personele haber verin.',
  'notice.paperJam': 'Yazıcıda kâğıt sıkıştı. Lütfen personele haber verin.',
  'notice.printerOffline': 'Yazıcı kapalı. Lütfen personele haber verin.',
  'notice.scanned': 'Belge tarandı.',
  'notice.scanFailed': 'Tarama başarısız oldu. Lütfen tekrar deneyin.',
  'scan.title': 'Belge tara',
  'scan.instruction':
    'İlk sayfayı yazılı yüzü aşağı gelecek şekilde tarayıcının camına koyun ve kapağı kapatın. Sonra “Sayfayı tara” düğmesine dokunun.',
  'scan.scanning': 'Sayfa taranıyor … Lütfen kapağı kapalı tutun.',
  'scan.next':
    'Önizlemeyi kontrol edin. Başka bir sayfa için onu cama koyun ve “Başka bir sayfa tara” düğmesine dokunun. Tüm sayfalar hazır olduğunda “Bitti” düğmesine dokunun.',
  'scan.limit': 'Bir belgeye daha fazla sayfa eklenemez. “Bitti” düğmesine dokunun.',
  'scan.failed':
    'Tarama yapılamadı. Sayfa doğru yerde mi, kapak kapalı mı? Tekrar deneyin veya personele sorun.',
  'scan.binding': 'Belge oluşturuluyor …',
  'scan.scanPage': 'Sayfayı tara',
  'scan.scanMore': 'Başka bir sayfa tara',
  'scan.retry': 'Tekrar tara',
  'scan.done': 'Bitti – bu belgeyi kullan',
  'scan.cancel': 'İptal',
  'scan.pages': 'Taranan sayfalar',
  'scan.page': 'Sayfa',
  'scan.remove': 'Kaldır',
  'scan.note':
    'Taramalar yalnızca bu hizmete gönderilir ve oturumunuz bittiğinde terminalden silinir.',
  'notice.uploadUnavailable': 'Burada dosya yüklenemez. Lütfen personele sorun.',
  'notice.uploadWrongType': 'Bu alan taranmış belgeleri kabul etmiyor. Lütfen personele sorun.',

  'help.title': 'Yardım',
  'help.bar':
    'Üstte her zaman şunları bulursunuz: Ana sayfa, Geri, Dil, Yardım, Yazı boyutu ve Oturumu bitir. Oturum bitince her şey silinir.',
  'help.staff': 'Takıldınız mı? Personel size memnuniyetle yardım eder.',
  'help.home':
    'Bir hizmeti seçmek için kutucuğuna dokunun. Üstteki alanlar yalnızca uygun hizmetleri gösterir. PIN için “PIN belirle veya değiştir”e dokunun.',
  'help.fast-lane':
    'Burada PIN, Transport PIN, CAN ve PUK’un ne olduğunu öğrenirsiniz. Sonra PIN mektubunuz olup olmadığını veya PIN numaranızı bilip bilmediğinizi seçersiniz.',
  'help.consent':
    'Sağlayıcı kim olduğunu ve kimlik kartınızdan hangi verileri okumak istediğini gösterir. İsteğe bağlı verilerin işaretini kaldırabilirsiniz. Siz PIN numaranızı girmeden hiçbir şey okunmaz.',
  'help.insert-card':
    'Kimlik kartınızı kart okuyucunun üzerine düz koyun ve işlem bitene kadar orada bırakın.',
  'help.pin':
    'PIN numaranızı rakam tuşlarıyla girin. Rakamlar yerine noktalar görürsünüz. “Tuşları karıştır” rakamların yerini değiştirir. Sonra Tamam’a dokunun.',
  'help.can':
    'Erişim numarası (CAN) altı hanelidir ve kimlik kartınızın ön yüzünde sağ altta yazar.',
  'help.puk': 'PUK on hanelidir ve PIN mektubunuzda yazar. PIN numaranızın engelini kaldırır.',
  'help.new-pin':
    'Aklınızda tutabileceğiniz altı rakam seçin ve iki kez girin. Doğum tarihi veya 123456 gibi basit bir dizi kullanmayın.',
  'help.working':
    'Terminal kimlik kartınızla iletişim kuruyor. Lütfen kartı okuyucunun üzerinde bırakın.',
  'help.outcome': 'Burada işlemin nasıl sonuçlandığını ve sonra ne yapabileceğinizi görürsünüz.',
  'help.survey':
    'Anket isteğe bağlı ve anonimdir. Her ifade için bir cevap seçin veya boş bırakın.',
  'help.blocked':
    'Bu sayfa terminalde engellenmiştir. “Geri” önceki sayfaya, “Ana sayfa” tüm hizmetlere götürür.',
  'help.error': 'Bir şeyler ters gitti. Ana sayfadan tekrar deneyin veya personele sorun.',

  'warning.title': 'Hâlâ orada mısınız?',
  'warning.text':
    'Oturum {seconds, plural, one {# saniye} other {# saniye}} içinde sona erecek. Tüm veriler silinecek.',
  'warning.stillHere': 'Buradayım',

  'blocked.title': 'Sayfa kullanılamıyor',
  'blocked.text': 'Bu sayfa bu terminalde kullanılamıyor.',

  'error.title': 'Maalesef bu işe yaramadı.',
  'error.text': 'Lütfen tekrar deneyin veya personelden yardım isteyin.',

  'card.reminder.title': 'Kartınızı unutmayın!',
  'card.reminder.text': 'Lütfen kimlik kartınızı kart okuyucudan alın.',

  'picture.insertCard': 'Bir kimlik kartı kart okuyucunun üzerine düz konuyor.',
  'picture.can': 'Kimlik kartının ön yüzü: altı haneli erişim numarası (CAN) sağ altta.',
  'picture.pinLetter': 'PIN mektubu: solda beş haneli Transport PIN alanı, sağda PUK alanı.',
  'picture.puk': 'PIN mektubu: on haneli PUK sağdaki alanda.',

  'fastLane.title': 'PIN belirle veya değiştir',
  'fastLane.intro':
    'Çevrimiçi kimlik için altı haneli kendi PIN numaranız gerekir. Önce kısaca – bilmeniz gereken dört numara:',
  'fastLane.pin.name': 'PIN (6 hane)',
  'fastLane.pin.text':
    'Kişisel gizli numaranız. Kendiniz belirlersiniz ve kimliğinizi her kanıtlayışınızda girersiniz. Kimseye söylemeyin.',
  'fastLane.transportPin.name': 'Transport PIN (5 hane)',
  'fastLane.transportPin.text':
    'Kimlik kartınıza başvurduktan sonra postayla gelen PIN mektubunda yazar. Yalnızca bir kez geçerlidir: kendi PIN numaranızı belirlemek için.',
  'fastLane.can.name': 'Erişim numarası CAN (6 hane)',
  'fastLane.can.text':
    'Kimlik kartınızın ön yüzünde sağ altta yazar. PIN iki kez yanlış girildiğinde istenir.',
  'fastLane.puk.name': 'PUK (10 hane)',
  'fastLane.puk.text':
    'O da PIN mektubunda yazar. PIN üç kez yanlış girildiğinde engeli onunla kaldırırsınız.',
  'fastLane.letterCaption': 'PIN mektubu: Transport PIN ve PUK',
  'fastLane.canCaption': 'Kimlik kartı: CAN sağ altta',
  'fastLane.choose': 'Hangisi sizin için geçerli?',
  'fastLane.haveLetter': 'PIN mektubum var (5 haneli Transport PIN)',
  'fastLane.haveLetterText': 'Transport PIN yerine altı haneli kendi PIN numaranızı belirlersiniz.',
  'fastLane.knowPin': 'PIN numaramı biliyorum ve değiştirmek istiyorum',
  'fastLane.knowPinText': 'Mevcut PIN numaranızı girer ve yeni bir tane seçersiniz.',
  'fastLane.neither':
    'PIN mektubunuz yok ve PIN numaranızı mı unuttunuz? Vatandaşlık dairesi (Bürgeramt) size yeni bir PIN mektubu verir.',

  'eid.working': 'Lütfen bekleyin …',
  'eid.working.keepCard': 'Lütfen kimlik kartınızı kart okuyucunun üzerinde bırakın.',
  'eid.progress': 'İlerleme',
  'eid.consent.title': 'Bir sağlayıcı kimlik kartınızdan veri okumak istiyor',
  'eid.consent.provider': 'Sağlayıcı',
  'eid.consent.purpose': 'Amaç',
  'eid.consent.issuer': 'Yetkiyi veren',
  'eid.consent.validity': 'Yetkinin geçerliliği',
  'eid.consent.validityRange': '{from} – {until}',
  'eid.consent.required': 'Şu veriler iletilir:',
  'eid.consent.optional': 'İsteğe bağlı veriler (işareti kaldırmak için dokunun):',
  'eid.consent.age': 'Yalnızca en az {age} yaşında olup olmadığınız kontrol edilir.',
  'eid.consent.pinNext':
    'Siz ardından PIN numaranızı girmeden hiçbir şey okunmaz. İstediğiniz zaman iptal edebilirsiniz.',
  'eid.accept': 'Kabul ediyorum, devam',
  'eid.cancel': 'İptal',
  'eid.ok': 'Tamam',
  'eid.insertCard.title': 'Kimlik kartını yerleştirin',
  'eid.insertCard.text': 'Lütfen kimlik kartınızı kart okuyucunun üzerine düz koyun.',
  'eid.insertCard.keep': 'İşlem bitene kadar orada bırakın.',
  'eid.insertCard.problem.eid-deactivated':
    'Bu kartın çevrimiçi kimlik işlevi kapalı. Vatandaşlık dairesi (Bürgeramt) bunu açabilir.',
  'eid.insertCard.problem.unknown-card':
    'Bu kart tanınmadı. Lütfen Alman kimlik kartınızı veya elektronik oturma izninizi koyun.',
  'eid.trainingCard': 'Eğitim kartını yerleştir',
  'eid.pin.title': 'PIN girin',
  'eid.pin.text': '6 haneli PIN numaranızı girin.',
  'eid.currentPin.text': 'Şu anki PIN numaranızı girin (5 haneli Transport PIN veya 6 haneli PIN).',
  'eid.can.title': 'Erişim numarasını (CAN) girin',
  'eid.can.text': '6 haneli erişim numarasını (CAN) girin.',
  'eid.can.where': 'CAN, kimlik kartınızın ön yüzünde sağ altta yazar. Son PIN denemesini korur.',
  'eid.puk.title': 'PUK girin',
  'eid.puk.text': 'PIN mektubunuzdaki 10 haneli PUK numarasını girin.',
  'eid.puk.where': 'PUK, PIN mektubunuzda yazar. Üç yanlış denemeden sonra PIN engelini kaldırır.',
  'eid.newPin.title': 'Yeni PIN seçin',
  'eid.newPin.entry': 'Giriş {entry} / 2',
  'eid.newPin.text': 'Yeni 6 haneli PIN numaranızı seçin.',
  'eid.newPin.tip':
    'Doğum tarihi veya 123456 gibi basit bir dizi kullanmayın ve PIN numarasını asla kartın üzerine yazmayın.',
  'eid.newPin.repeat': 'Yeni PIN numarasını bir kez daha girin.',
  'eid.newPin.mismatch': 'İki giriş aynı değil. Lütfen tekrar deneyin.',
  'eid.onReader': 'Lütfen numarayı kart okuyucunun kendi tuşlarıyla girin.',
  'eid.wrongNumber': 'Numara doğru değildi. Lütfen tekrar deneyin.',
  'eid.triesLeft': '{count, plural, one {# deneme hakkınız} other {# deneme hakkınız}} kaldı.',

  'right.Address': 'Adres',
  'right.BirthName': 'Doğumdaki soyadı',
  'right.FamilyName': 'Soyadı',
  'right.GivenNames': 'Adlar',
  'right.PlaceOfBirth': 'Doğum yeri',
  'right.DateOfBirth': 'Doğum tarihi',
  'right.DoctoralDegree': 'Doktora unvanı',
  'right.ArtisticName': 'Tarikat veya sanatçı adı',
  'right.Pseudonym': 'Takma ad (yalnızca bu sağlayıcıya özel bir tanımlayıcı)',
  'right.ValidUntil': 'Geçerlilik tarihi',
  'right.Nationality': 'Uyruk',
  'right.IssuingCountry': 'Belgeyi veren devlet',
  'right.DocumentType': 'Belge türü',
  'right.ResidencePermitI': 'Oturma izninin ek koşulları (1. kısım)',
  'right.ResidencePermitII': 'Oturma izninin ek koşulları (2. kısım)',
  'right.CommunityID': 'Belediye kodu (oturduğunuz yer, sayı olarak)',
  'right.AddressVerification': 'Belirli bir yerde oturup oturmadığınızın teyidi',
  'right.AgeVerification': 'Belirli bir yaşa ulaşıp ulaşmadığınızın teyidi',
  'right.WriteAddress': 'Karttaki adresi değiştirme',
  'right.WriteCommunityID': 'Karttaki belediye kodunu değiştirme',
  'right.WriteResidencePermitI': 'Karttaki ek koşulları (1. kısım) değiştirme',
  'right.WriteResidencePermitII': 'Karttaki ek koşulları (2. kısım) değiştirme',
  'right.CanAllowed': 'PIN yerine erişim numarası (CAN) ile kimlik kanıtlama',
  'right.PinManagement': 'PIN yönetimi',
  'right.unknown': 'Diğer veri ({id})',

  'pad.delete': 'Son rakamı sil',
  'pad.shuffle': 'Tuşları karıştır',
  'pad.entered':
    '{count, plural, =0 {Henüz rakam girilmedi} one {# rakam girildi} other {# rakam girildi}}',
  'pad.enteredOf': '{total} haneden {count} tanesi girildi',

  'outcome.title.success': 'Tamamlandı',
  'outcome.title.failure': 'Bu işe yaramadı',
  'outcome.nextTitle': 'Şimdi ne olacak?',
  'outcome.toSurvey': 'Kısa anket',
  'outcome.home': 'Ana sayfaya',
  'outcome.changePin': 'PIN belirle veya değiştir',
  'outcome.selfCheck': 'Çevrimiçi kimliği şimdi test edin',
  'outcome.selfCheckHint':
    "Yeni PIN'inizin çalışıp çalışmadığını hemen kontrol edin: kimlik kartınız okunur ve kartta sizinle ilgili neyin kayıtlı olduğunu görürsünüz. Hiçbir şey saklanmaz.",
  'outcome.auth-success': 'Kimliğinizi başarıyla kanıtladınız.',
  'outcome.pin-changed': 'Yeni PIN numaranız ayarlandı. Çevrimiçi kimlik işlevi kullanıma hazır.',
  'outcome.cancelled': 'İşlem iptal edildi. Hiçbir veri gönderilmedi.',
  'outcome.timeout': 'Süre dolduğu için işlem sona erdi. Lütfen yeniden başlayın.',
  'outcome.wrong-pin': 'PIN yanlıştı. Lütfen tekrar deneyin.',
  'outcome.wrong-can':
    'Erişim numarası (CAN) yanlıştı. Bu numara kimlik kartının ön yüzünde, sağ alttadır.',
  'outcome.wrong-puk': 'PUK yanlıştı. PUK, PIN mektubunuzda yazılıdır.',
  'outcome.pin-suspended':
    'PIN iki kez yanlış girildi. Son deneme için kimlik kartınızın ön yüzündeki erişim numarasına (CAN) ihtiyacınız var.',
  'outcome.pin-blocked': 'PIN engellendi. PIN mektubunuzdaki PUK ile engeli kaldırabilirsiniz.',
  'outcome.transport-pin-required':
    "Kimlik kartınızda hâlâ 5 haneli Transport PIN var. Lütfen önce kendi 6 haneli PIN'inizi belirleyin.",
  'outcome.eid-deactivated':
    'Çevrimiçi kimlik işlevi kapalı. Bürgeramt (vatandaş hizmetleri ofisi) bu işlevi sizin için açabilir.',
  'outcome.card-inoperative':
    'PUK kullanım hakkı bitti. Yeni bir PIN almak için lütfen Bürgeramt’a (vatandaş hizmetleri ofisi) başvurun.',
  'outcome.card-expired': 'Bu kimlik kartının süresi dolmuş, artık kullanılamaz.',
  'outcome.card-removed':
    'Kimlik kartı kart okuyucudan alındı. Lütfen kartı tekrar koyun ve yeniden başlayın.',
  'outcome.no-reader': 'Bağlı bir kart okuyucu yok. Lütfen personelden yardım isteyin.',
  'outcome.provider-unreachable': 'Hizmete şu anda ulaşılamıyor. Lütfen daha sonra tekrar deneyin.',
  'outcome.provider-error': 'Hizmet isteği reddetti. Lütfen daha sonra tekrar deneyin.',
  'outcome.invalid-request': 'Hizmet geçersiz bir istek gönderdi.',
  'outcome.eid-client-crashed':
    'Kimlik yazılımı beklenmedik şekilde kapandı ve yeniden başlıyor. Lütfen tekrar deneyin.',
  'outcome.eid-error': 'Bir hata oluştu. Lütfen tekrar deneyin.',
  'outcome.next.auth-success': 'Hizmet size birazdan sonraki adımları gösterecek.',
  'outcome.next.pin-changed':
    'Yeni PIN numaranızı iyi aklınızda tutun. Artık kimliğinizi çevrimiçi kanıtlayabilirsiniz – burada terminalde veya evde AusweisApp ile.',
  'outcome.next.cancelled': 'İstediğiniz zaman yeniden başlayabilirsiniz.',
  'outcome.next.timeout': 'Yeniden başlayın ve kimlik kartınızı ve PIN mektubunuzu hazır tutun.',
  'outcome.next.wrong-pin':
    'Tekrar deneyin. İkinci yanlış denemeden sonra ayrıca erişim numarası (CAN) istenir.',
  'outcome.next.wrong-can':
    'Kimlik kartınızın ön yüzünde sağ alttaki altı rakamı kontrol edin ve tekrar deneyin.',
  'outcome.next.wrong-puk':
    'PUK on hanelidir ve PIN mektubunuzda yazar. Mektup artık sizde değilse vatandaşlık dairesi yardımcı olur.',
  'outcome.next.pin-suspended':
    'Yeniden başlayın ve kimlik kartınızı hazır tutun: önce CAN, sonra PIN.',
  'outcome.next.pin-blocked':
    '“PIN belirle veya değiştir”i başlatın ve PIN mektubundaki PUK’u girin. PIN mektubu yoksa vatandaşlık dairesi yardımcı olur.',
  'outcome.next.transport-pin-required':
    '“PIN belirle veya değiştir”e dokunun ve PIN mektubunuzu hazır tutun.',
  'outcome.next.eid-deactivated':
    'Kimlik kartınızla vatandaşlık dairesine (Bürgeramt) gidin. Orada çevrimiçi kimlik işlevi açılır.',
  'outcome.next.card-inoperative':
    'Vatandaşlık dairesi size yeniden PIN belirleyebilmeniz için yeni bir PIN mektubu verir.',
  'outcome.next.card-expired': 'Vatandaşlık dairesinden yeni bir kimlik kartı için başvurun.',
  'outcome.next.card-removed':
    'Yeniden başlayın ve kimlik kartını sonuna kadar kart okuyucunun üzerinde bırakın.',
  'outcome.next.no-reader':
    'Personel kart okuyucuyu bağlayacak. Kimlik kartı gerektirmeyen hizmetleri kullanmaya devam edebilirsiniz.',
  'outcome.next.provider-unreachable':
    'Başka bir hizmet seçin veya daha sonra tekrar deneyin – evde AusweisApp ile de olur.',
  'outcome.next.provider-error':
    'Daha sonra tekrar deneyin. Yine olursa hizmetin sağlayıcısına başvurun.',
  'outcome.next.invalid-request': 'Lütfen hizmeti ana sayfada yeniden seçin.',
  'outcome.next.eid-client-crashed': 'Biraz bekleyin ve işlemi yeniden başlatın.',
  'outcome.next.eid-error': 'Tekrar deneyin. Hata devam ederse lütfen personele sorun.',

  'survey.title': 'Vatandaş terminalini nasıl buldunuz?',
  'survey.intro':
    'Anket isteğe bağlı ve anonimdir. Vatandaş terminalinin iyileştirilmesine yardımcı olur. Her cevabı boş bırakabilirsiniz.',
  'survey.comment': 'Yorum (isteğe bağlı)',
  'survey.commentWarning':
    'Lütfen kişisel bilgi yazmayın: isim, adres, kimlik numarası veya telefon numarası yazmayın.',
  'survey.send': 'Gönder',
  'survey.skip': 'Atla',
  'survey.skipAndEnd': 'Atla ve bitir',
  'survey.thanks': 'Yanıtlarınız için çok teşekkür ederiz!',
  'survey.thanksText': 'Kimlik kartınızı unutmayın. Oturum bitince her şey silinir.',
  'survey.problem': 'Yanıtlarınız gönderilemedi. Lütfen seçimlerinizi kontrol edin.',
  'survey.statement.informative': 'Vatandaş terminalinin sunumu bilgilendiriciydi.',
  'survey.statement.shows-uses':
    'Vatandaş terminalinin tanıtımı farklı kullanım olanaklarını gösterdi.',
  'survey.statement.faster': 'Vatandaş terminali sayesinde resmî işlerim daha hızlı yapılabilir.',
  'survey.statement.permanent-terminal':
    'Kalıcı bir vatandaş terminali kurulması, vatandaşlar için genel olarak çok faydalı olur.',
  'survey.statement.frees-staff':
    'Vatandaş terminali sayesinde belediyenin personeli başka görevlere daha çok zaman ayırabilir.',
  'survey.statement.security-concerns':
    'SIDbox veya vatandaş terminalini kullanırken güvenlik endişelerim var.',
  'survey.answer.fully-agree': 'Tamamen katılıyorum',
  'survey.answer.agree': 'Oldukça katılıyorum',
  'survey.answer.partly': 'Biraz katılıyorum',
  'survey.answer.disagree': 'Pek katılmıyorum',
  'survey.answer.fully-disagree': 'Hiç katılmıyorum',
  'survey.answer.no-answer': 'Belirtmek istemiyorum',

  'staff.title': 'Personel menüsü',
  'staff.pin.prompt': 'Lütfen personel PIN numarasını girin.',
  'staff.pin.wrong': 'Personel PIN numarası yanlıştı.',
  'staff.training.isOn': 'Alıştırma modu açık.',
  'staff.training.isOff': 'Alıştırma modu kapalı.',
  'staff.training.turnOn': 'Alıştırma modunu aç',
  'staff.training.turnOff': 'Alıştırma modunu kapat',
  'staff.devices.title': 'Cihazlar',
  'staff.devices.healthy': 'Tüm cihazlar hazır.',
  'staff.devices.problem': 'Tüm cihazlar hazır değil.',
  'staff.devices.matFallback': 'Temas paspası yok: oturumlar yalnızca zaman aşımıyla biter.',
  'staff.devices.none': 'Kurulu cihaz yok.',
  'staff.devices.unknown': 'Cihazlar hakkında bilgi yok.',
  'staff.devices.name': 'Cihaz',
  'staff.devices.kind': 'Tür',
  'staff.devices.status': 'Durum',
  'staff.devices.detail': 'Ayrıntılar',

  'device.kind.input': 'Paspas veya düğme',
  'device.kind.card-reader': 'Kart okuyucu',
  'device.kind.printer': 'Yazıcı',
  'device.kind.scanner': 'Tarayıcı',
  'device.status.starting': 'başlatılıyor',
  'device.status.ok': 'hazır',
  'device.status.unplugged': 'bağlı değil',
  'device.status.missing': 'bulunamadı',
  'device.status.stopped': 'durduruldu',
  'device.status.unavailable': 'kullanılamıyor',
  'phone.open': 'Akıllı telefonunuzu kurun',
  'phone.openText':
    'Akıllı telefonunuzdaki AusweisApp ile kimliğinizi evden de kanıtlayabilirsiniz. Birlikte kuralım.',
  'phone.title': 'Akıllı telefonunuzu kurun',
  'phone.intro':
    'İki adımda: önce AusweisApp’i yükleyin, ardından akıllı telefonunuzun kimlik kartınızı okuyup okuyamadığını test edin.',
  'phone.step1.title': '1. adım: AusweisApp’i yükleyin',
  'phone.step1.text':
    'Uygun kodu akıllı telefonunuzun kamerasıyla tarayın ve ücretsiz AusweisApp’i yükleyin. Uygulama zaten yüklüyse doğrudan 2. adıma geçin.',
  'phone.step2.title': '2. adım: Kimlik kartınızı akıllı telefonunuzla test edin',
  'phone.step2.text':
    'Akıllı telefonunuz için bir kod alırsınız. Kod yalnızca bir kez ve yalnızca birkaç dakika çalışır. Kimlik kartınızı ve 6 haneli PIN numaranızı hazır bulundurun.',
  'phone.create': 'Akıllı telefonum için kodu göster',
  'phone.creating': 'Kod oluşturuluyor …',
  'phone.scan': 'Bu kodu akıllı telefonunuzun kamerasıyla tarayın ve oradaki adımları izleyin.',
  'phone.validUntil': 'Son geçerlilik saati: {expires, time, short}',
  'phone.qrLabel':
    'Kimlik kartınızı akıllı telefonunuzla test etmek için QR kodu, son geçerlilik saati: {expires, time, short}',
  'phone.opened': 'Test akıllı telefonunuzda çalışıyor. AusweisApp’teki adımları izleyin.',
  'phone.ready.title': 'Akıllı telefonunuz hazır',
  'phone.ready.text':
    'Akıllı telefonunuz kimlik kartınızı okudu. Artık onunla evden de çevrimiçi kimliğinizi kanıtlayabilirsiniz. Bilgilerinizi yalnızca akıllı telefonunuz gösterdi; bu terminal onları almadı.',
  'phone.failed':
    'Akıllı telefonunuzdaki test başarılı olmadı. Yeni bir kodla tekrar deneyebilirsiniz.',
  'phone.expired': 'Kodun süresi doldu. Tekrar denemek isterseniz yeni bir kod oluşturun.',
  'phone.unavailable':
    'Teste şu anda ulaşılamıyor. Lütfen biraz sonra tekrar deneyin. Yine olmazsa lütfen personele sorun.',
  'phone.newCode': 'Yeni kod oluştur',
  'phone.retry': 'Tekrar deneyin',
  'phone.done': 'Ana sayfaya',
  'help.phone':
    'Burada kendi akıllı telefonunuzu çevrimiçi kimlik için kurarsınız. Önce AusweisApp’i yükleyin. Ardından bir kod gösterin ve akıllı telefonla tarayın. Akıllı telefonunuzda NFC olmalıdır.',
};
