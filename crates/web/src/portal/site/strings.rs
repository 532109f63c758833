//! The portal's own words (navigation, labels) in the languages of the demo county; any
//! other language a region adds falls back to English, then German. Content comes from the
//! editors; these are only the frame around it.

/// Columns: key, de, en, ar, fa, uk, ru, tr.
#[rustfmt::skip]
const TABLE: &[[&str; 8]] = &[
    ["home", "Start", "Home", "الرئيسية", "خانه", "Головна", "Главная", "Ana sayfa"],
    ["search", "Suche", "Search", "بحث", "جستجو", "Пошук", "Поиск", "Arama"],
    ["search-placeholder", "Was suchen Sie?", "What are you looking for?", "عمّ تبحث؟", "دنبال چه هستید؟", "Що ви шукаєте?", "Что вы ищете?", "Ne arıyorsunuz?"],
    ["events", "Veranstaltungen", "Events", "الفعاليات", "رویدادها", "Події", "Мероприятия", "Etkinlikler"],
    ["places", "Orte", "Places", "الأماكن", "مکان‌ها", "Місця", "Места", "Yerler"],
    ["imprint", "Impressum", "Imprint", "بيانات الناشر", "شناسنامه", "Вихідні дані", "Выходные данные", "Künye"],
    ["language", "Sprache", "Language", "اللغة", "زبان", "Мова", "Язык", "Dil"],
    ["last-updated", "Zuletzt aktualisiert", "Last updated", "آخر تحديث", "آخرین به‌روزرسانی", "Останнє оновлення", "Последнее обновление", "Son güncelleme"],
    ["open-now", "Jetzt geöffnet", "Open now", "مفتوح الآن", "اکنون باز است", "Зараз відчинено", "Сейчас открыто", "Şu an açık"],
    ["closed-now", "Jetzt geschlossen", "Closed now", "مغلق الآن", "اکنون بسته است", "Зараз зачинено", "Сейчас закрыто", "Şu an kapalı"],
    ["by-appointment", "Geöffnet mit Termin", "Open by appointment", "مفتوح بموعد مسبق", "باز با وقت قبلی", "Відчинено за записом", "Открыто по записи", "Randevu ile açık"],
    ["temporarily-closed", "Vorübergehend geschlossen", "Temporarily closed", "مغلق مؤقتًا", "موقتاً بسته است", "Тимчасово зачинено", "Временно закрыто", "Geçici olarak kapalı"],
    ["as-of", "Stand", "as of", "حتى الساعة", "ساعت", "станом на", "по состоянию на", "saat"],
    ["opening-hours", "Öffnungszeiten", "Opening hours", "أوقات العمل", "ساعات کاری", "Години роботи", "Часы работы", "Çalışma saatleri"],
    ["closed", "geschlossen", "closed", "مغلق", "بسته", "зачинено", "закрыто", "kapalı"],
    ["all-day", "ganztägig", "all day", "طوال اليوم", "تمام روز", "увесь день", "весь день", "tüm gün"],
    ["appointment-only", "nur mit Termin", "by appointment only", "بموعد فقط", "فقط با وقت قبلی", "лише за записом", "только по записи", "sadece randevu ile"],
    ["step-free", "Barrierefrei zugänglich", "Step-free access", "مدخل بدون درج", "دسترسی بدون پله", "Доступно без сходинок", "Доступ без ступенек", "Engelsiz erişim"],
    ["not-step-free", "Nicht barrierefrei", "Not step-free", "غير مهيأ لذوي الإعاقة", "دسترسی بدون پله ندارد", "Немає безбар'єрного доступу", "Нет безбарьерного доступа", "Engelsiz erişim yok"],
    ["book-appointment", "Termin buchen", "Book an appointment", "احجز موعدًا", "رزرو وقت", "Записатися", "Записаться", "Randevu al"],
    ["contact", "Kontakt", "Contact", "التواصل", "تماس", "Контакти", "Контакты", "İletişim"],
    ["phone", "Telefon", "Phone", "الهاتف", "تلفن", "Телефон", "Телефон", "Telefon"],
    ["email", "E-Mail", "Email", "البريد الإلكتروني", "ایمیل", "Ел. пошта", "Эл. почта", "E-posta"],
    ["website", "Webseite", "Website", "الموقع الإلكتروني", "وب‌سایت", "Вебсайт", "Сайт", "Web sitesi"],
    ["address", "Adresse", "Address", "العنوان", "نشانی", "Адреса", "Адрес", "Adres"],
    ["helpful", "War diese Seite hilfreich?", "Was this page helpful?", "هل كانت هذه الصفحة مفيدة؟", "آیا این صفحه مفید بود؟", "Чи була ця сторінка корисною?", "Была ли эта страница полезной?", "Bu sayfa yardımcı oldu mu?"],
    ["yes", "Ja", "Yes", "نعم", "بله", "Так", "Да", "Evet"],
    ["no", "Nein", "No", "لا", "خیر", "Ні", "Нет", "Hayır"],
    ["comment", "Ihr Hinweis (freiwillig, ohne persönliche Daten)", "Your comment (optional, no personal data)", "ملاحظتك (اختياري، بدون بيانات شخصية)", "نظر شما (اختیاری، بدون اطلاعات شخصی)", "Ваш коментар (необов'язково, без персональних даних)", "Ваш комментарий (необязательно, без личных данных)", "Yorumunuz (isteğe bağlı, kişisel veri olmadan)"],
    ["send", "Senden", "Send", "إرسال", "ارسال", "Надіслати", "Отправить", "Gönder"],
    ["feedback-thanks", "Danke für Ihre Rückmeldung!", "Thank you for your feedback!", "شكرًا على ملاحظاتك!", "از بازخورد شما سپاسگزاریم!", "Дякуємо за ваш відгук!", "Спасибо за ваш отзыв!", "Geri bildiriminiz için teşekkürler!"],
    ["feedback-empty", "Bitte wählen Sie Ja oder Nein oder schreiben Sie einen Hinweis.", "Please choose yes or no, or write a comment.", "يرجى اختيار نعم أو لا، أو كتابة ملاحظة.", "لطفاً بله یا خیر را انتخاب کنید یا نظری بنویسید.", "Будь ласка, виберіть «Так» або «Ні» чи напишіть коментар.", "Пожалуйста, выберите «Да» или «Нет» или напишите комментарий.", "Lütfen evet ya da hayır seçin veya bir yorum yazın."],
    ["feedback-too-many", "Zu viele Rückmeldungen in kurzer Zeit. Bitte versuchen Sie es später noch einmal.", "Too much feedback in a short time. Please try again later.", "ملاحظات كثيرة في وقت قصير. يرجى المحاولة لاحقًا.", "بازخورد زیادی در زمان کوتاه. لطفاً بعداً دوباره تلاش کنید.", "Забагато відгуків за короткий час. Спробуйте пізніше.", "Слишком много отзывов за короткое время. Попробуйте позже.", "Kısa sürede çok fazla geri bildirim. Lütfen daha sonra tekrar deneyin."],
    ["feedback-invalid", "Ihre Rückmeldung konnte nicht gespeichert werden", "Your feedback could not be saved", "تعذّر حفظ ملاحظاتك", "بازخورد شما ذخیره نشد", "Не вдалося зберегти ваш відгук", "Не удалось сохранить ваш отзыв", "Geri bildiriminiz kaydedilemedi"],
    ["pdf", "Als PDF herunterladen", "Download as PDF", "تنزيل بصيغة PDF", "دانلود به صورت PDF", "Завантажити PDF", "Скачать PDF", "PDF olarak indir"],
    ["print", "Drucken", "Print", "طباعة", "چاپ", "Друкувати", "Печать", "Yazdır"],
    ["subscribe", "Kalender abonnieren (iCal)", "Subscribe to the calendar (iCal)", "الاشتراك في التقويم (iCal)", "اشتراک در تقویم (iCal)", "Підписатися на календар (iCal)", "Подписаться на календарь (iCal)", "Takvime abone ol (iCal)"],
    ["add-to-calendar", "In den Kalender übernehmen", "Add to calendar", "أضف إلى التقويم", "افزودن به تقویم", "Додати до календаря", "Добавить в календарь", "Takvime ekle"],
    ["upcoming", "Nächste Termine", "Upcoming dates", "المواعيد القادمة", "تاریخ‌های آینده", "Найближчі дати", "Ближайшие даты", "Yaklaşan tarihler"],
    ["calendar", "Kalender", "Calendar", "التقويم", "تقویم", "Календар", "Календарь", "Takvim"],
    ["list", "Liste", "List", "قائمة", "فهرست", "Список", "Список", "Liste"],
    ["previous-month", "Vorheriger Monat", "Previous month", "الشهر السابق", "ماه قبل", "Попередній місяць", "Предыдущий месяц", "Önceki ay"],
    ["next-month", "Nächster Monat", "Next month", "الشهر التالي", "ماه بعد", "Наступний місяць", "Следующий месяц", "Sonraki ay"],
    ["no-events", "Keine Veranstaltungen in dieser Zeit.", "No events in this period.", "لا توجد فعاليات في هذه الفترة.", "در این بازه رویدادی نیست.", "Немає подій у цей період.", "Нет мероприятий в этот период.", "Bu dönemde etkinlik yok."],
    ["repeats", "Wiederkehrend", "Recurring", "متكرر", "تکراری", "Повторюється", "Повторяется", "Tekrarlanan"],
    ["online", "Online-Veranstaltung", "Online event", "فعالية عبر الإنترنت", "رویداد آنلاین", "Онлайн-подія", "Онлайн-мероприятие", "Çevrim içi etkinlik"],
    ["join-online", "Online teilnehmen", "Join online", "انضم عبر الإنترنت", "شرکت آنلاین", "Долучитися онлайн", "Присоединиться онлайн", "Çevrim içi katıl"],
    ["where", "Ort", "Location", "المكان", "مکان", "Місце", "Место", "Yer"],
    ["when", "Wann", "When", "الموعد", "زمان", "Коли", "Когда", "Ne zaman"],
    ["all-categories", "Alle Kategorien", "All categories", "كل الفئات", "همه دسته‌ها", "Усі категорії", "Все категории", "Tüm kategoriler"],
    ["only-open", "Nur jetzt geöffnete", "Open now only", "المفتوحة الآن فقط", "فقط مکان‌های باز", "Лише відчинені зараз", "Только открытые сейчас", "Sadece şu an açık olanlar"],
    ["filter", "Filtern", "Filter", "تصفية", "فیلتر", "Фільтрувати", "Фильтровать", "Filtrele"],
    ["no-places", "Keine Orte gefunden.", "No places found.", "لم يتم العثور على أماكن.", "مکانی پیدا نشد.", "Місць не знайдено.", "Места не найдены.", "Yer bulunamadı."],
    ["results-for", "Ergebnisse für", "Results for", "نتائج البحث عن", "نتایج برای", "Результати для", "Результаты для", "Sonuçlar:"],
    ["no-results", "Nichts gefunden. Versuchen Sie ein anderes Wort.", "Nothing found. Try another word.", "لم يتم العثور على شيء. جرّب كلمة أخرى.", "چیزی پیدا نشد. کلمهٔ دیگری را امتحان کنید.", "Нічого не знайдено. Спробуйте інше слово.", "Ничего не найдено. Попробуйте другое слово.", "Bir şey bulunamadı. Başka bir kelime deneyin."],
    ["kind-page", "Seite", "Page", "صفحة", "صفحه", "Сторінка", "Страница", "Sayfa"],
    ["kind-event", "Veranstaltung", "Event", "فعالية", "رویداد", "Подія", "Мероприятие", "Etkinlik"],
    ["kind-place", "Ort", "Place", "مكان", "مکان", "Місце", "Место", "Yer"],
    ["county-pages", "Informationen für den ganzen Landkreis", "Information for the whole county", "معلومات للمقاطعة كلها", "اطلاعات برای کل شهرستان", "Інформація для всього району", "Информация для всего района", "Tüm ilçe için bilgiler"],
    ["town-pages", "Informationen für Ihren Ort", "Information for your town", "معلومات لمدينتك", "اطلاعات برای شهر شما", "Інформація для вашого міста", "Информация для вашего города", "Şehriniz için bilgiler"],
    ["not-in-language", "Diese Seite gibt es nicht in dieser Sprache. Sie ist verfügbar in:", "This page is not available in this language. It is available in:", "هذه الصفحة غير متوفرة بهذه اللغة. وهي متوفرة بـ:", "این صفحه به این زبان موجود نیست. به این زبان‌ها موجود است:", "Ця сторінка недоступна цією мовою. Вона є такими мовами:", "Эта страница недоступна на этом языке. Она есть на языках:", "Bu sayfa bu dilde mevcut değil. Şu dillerde mevcut:"],
    ["not-found", "Diese Seite gibt es nicht.", "This page does not exist.", "هذه الصفحة غير موجودة.", "این صفحه وجود ندارد.", "Такої сторінки немає.", "Такой страницы нет.", "Bu sayfa mevcut değil."],
    ["choose-region", "Wählen Sie Ihren Ort", "Choose your town", "اختر مدينتك", "شهر خود را انتخاب کنید", "Виберіть своє місто", "Выберите свой город", "Şehrinizi seçin"],
    ["choose-language", "Wählen Sie Ihre Sprache", "Choose your language", "اختر لغتك", "زبان خود را انتخاب کنید", "Виберіть мову", "Выберите язык", "Dilinizi seçin"],
    ["offline-saved", "Für die Nutzung ohne Internet gespeichert", "Saved for reading without internet", "محفوظ للقراءة بدون إنترنت", "برای خواندن بدون اینترنت ذخیره شد", "Збережено для читання без інтернету", "Сохранено для чтения без интернета", "İnternetsiz okumak için kaydedildi"],
    ["offline-now", "Sie sind offline. Sie lesen die gespeicherte Fassung vom", "You are offline. You are reading the copy saved on", "أنت غير متصل بالإنترنت. تقرأ النسخة المحفوظة بتاريخ", "شما آفلاین هستید. نسخهٔ ذخیره‌شده در این تاریخ را می‌خوانید:", "Ви офлайн. Ви читаєте копію, збережену", "Вы офлайн. Вы читаете копию, сохранённую", "Çevrim dışısınız. Şu tarihte kaydedilen kopyayı okuyorsunuz:"],
    ["offline-missing", "Diese Seite ist ohne Internet nicht gespeichert.", "This page is not saved for offline reading.", "هذه الصفحة غير محفوظة للقراءة بدون إنترنت.", "این صفحه برای خواندن آفلاین ذخیره نشده است.", "Ця сторінка не збережена для читання офлайн.", "Эта страница не сохранена для чтения офлайн.", "Bu sayfa çevrim dışı okumak için kaydedilmedi."],
    ["organisation", "Herausgegeben von", "Published by", "الجهة الناشرة", "منتشرکننده", "Видавець", "Издатель", "Yayımlayan"],
    ["organisations", "Organisationen in dieser Region", "Organisations in this region", "المؤسسات في هذه المنطقة", "سازمان‌های این منطقه", "Організації в цьому регіоні", "Организации в этом регионе", "Bu bölgedeki kuruluşlar"],
    ["contents", "Inhalt", "Contents", "المحتوى", "فهرست مطالب", "Зміст", "Содержание", "İçindekiler"],
    ["skip", "Zum Inhalt springen", "Skip to content", "انتقل إلى المحتوى", "رفتن به محتوا", "Перейти до змісту", "Перейти к содержанию", "İçeriğe geç"],
    ["mo", "Mo", "Mon", "الإثنين", "دوشنبه", "Пн", "Пн", "Pzt"],
    ["tu", "Di", "Tue", "الثلاثاء", "سه‌شنبه", "Вт", "Вт", "Sal"],
    ["we", "Mi", "Wed", "الأربعاء", "چهارشنبه", "Ср", "Ср", "Çar"],
    ["th", "Do", "Thu", "الخميس", "پنجشنبه", "Чт", "Чт", "Per"],
    ["fr", "Fr", "Fri", "الجمعة", "جمعه", "Пт", "Пт", "Cum"],
    ["sa", "Sa", "Sat", "السبت", "شنبه", "Сб", "Сб", "Cmt"],
    ["su", "So", "Sun", "الأحد", "یکشنبه", "Нд", "Вс", "Paz"],
];

pub const LANGS: [&str; 7] = ["de", "en", "ar", "fa", "uk", "ru", "tr"];

/// The portal word `key` in `lang` (English, then German, if the language has none).
pub fn t(lang: &str, key: &str) -> &'static str {
    let Some(row) = TABLE.iter().find(|r| r[0] == key) else {
        return "";
    };
    let col = |code: &str| LANGS.iter().position(|l| *l == code).map(|i| row[i + 1]);
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    col(primary).or_else(|| col("en")).unwrap_or(row[1])
}

/// Weekday keys Monday..Sunday.
pub const WEEKDAYS: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_is_there_in_every_language_and_keys_are_unique() {
        let mut keys = std::collections::HashSet::new();
        for row in TABLE {
            assert!(keys.insert(row[0]), "duplicate key {}", row[0]);
            for (i, cell) in row.iter().enumerate() {
                assert!(!cell.trim().is_empty(), "{} empty in column {i}", row[0]);
            }
        }
    }

    #[test]
    fn unknown_languages_fall_back_to_english_and_regional_tags_to_their_language() {
        assert_eq!(t("fa", "search"), "جستجو");
        assert_eq!(t("fa-IR", "search"), "جستجو");
        assert_eq!(t("ku", "search"), "Search");
        assert_eq!(t("de", "no-such-key"), "");
    }
}
