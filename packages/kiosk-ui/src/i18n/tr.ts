import type { Messages } from './de.js';

/** Turkish. The Bürgeramt keeps its German name, as citizens find it signposted so. */
export const tr: Messages = {
  'language.name': 'Türkçe',
  'language.choose': 'Dil seçin',
  'app.title': 'Vatandaş terminali',
  training: 'Eğitim modu',

  'attract.title': 'Hoş geldiniz',
  'attract.hint': 'Paspasın üzerine basın veya ekrana dokunun.',
  'attract.start': 'Başla',

  'home.title': 'Ne yapmak istiyorsunuz?',
  'home.changePin': "PIN'i değiştir veya Transport PIN'i yenile",
  'home.needsEid': 'Çevrimiçi kimlik ile',

  'bar.label': 'Terminal kontrolleri',
  'bar.home': 'Ana sayfa',
  'bar.end': 'Oturumu bitir',

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

  'eid.working': 'Lütfen bekleyin …',
  'eid.consent.title': 'Kimlik kartınızdaki veriler',
  'eid.consent.text': 'Bu hizmet sağlayıcı kimlik kartınızdan şu verileri okumak istiyor:',
  'eid.accept': 'Kabul ediyorum',
  'eid.cancel': 'İptal',
  'eid.ok': 'Tamam',
  'eid.insertCard.title': 'Kimlik kartını yerleştirin',
  'eid.insertCard.text': 'Lütfen kimlik kartınızı kart okuyucunun üzerine koyun.',
  'eid.trainingCard': 'Eğitim kartını yerleştir',
  'eid.pin.title': 'PIN girin',
  'eid.pin.text': '6 haneli PIN numaranızı girin.',
  'eid.currentPin.text': 'Şu anki PIN numaranızı girin (5 haneli Transport PIN veya 6 haneli PIN).',
  'eid.can.title': 'Erişim numarasını (CAN) girin',
  'eid.can.text': '6 haneli erişim numarasını (CAN) girin.',
  'eid.puk.title': 'PUK girin',
  'eid.puk.text': 'PIN mektubunuzdaki 10 haneli PUK numarasını girin.',
  'eid.newPin.title': 'Yeni PIN seçin',
  'eid.newPin.text': 'Yeni 6 haneli PIN numaranızı seçin.',
  'eid.newPin.repeat': 'Yeni PIN numarasını bir kez daha girin.',
  'eid.newPin.mismatch': 'İki giriş aynı değil. Lütfen tekrar deneyin.',
  'eid.onReader': 'Lütfen numarayı kart okuyucunun tuşlarıyla girin.',
  'eid.wrongNumber': 'Numara doğru değildi. Lütfen tekrar deneyin.',
  'eid.triesLeft': '{count, plural, one {# deneme hakkınız} other {# deneme hakkınız}} kaldı.',

  'pad.delete': 'Son rakamı sil',
  'pad.entered':
    '{count, plural, =0 {Henüz rakam girilmedi} one {# rakam girildi} other {# rakam girildi}}',

  'outcome.title': 'Sonuç',
  'outcome.toSurvey': 'Kısa anket',
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

  'survey.title': 'Vatandaş terminalini nasıl buldunuz?',
  'survey.comment': 'Yorum (isteğe bağlı)',
  'survey.commentWarning':
    'Lütfen kişisel bilgi yazmayın: isim, adres, kimlik numarası veya telefon numarası yazmayın.',
  'survey.send': 'Gönder',
  'survey.thanks': 'Yanıtlarınız için çok teşekkür ederiz!',
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
};
