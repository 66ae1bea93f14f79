# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = انتقل إلى المحتوى
# The badge of a live page while it is open, and once it has ended.
live-badge = مباشر
page-ended = انتهت هذه التغطية المباشرة
# After the page's title, on the second and later pages of the stream.
title-page-number = (الصفحة { $number })
last-updated = آخر تحديث: { $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $date }، { $time } بتوقيت { $zone }
pages-of-updates = صفحات التحديثات
newer-updates = تحديثات أحدث
earlier-updates = تحديثات سابقة
older-updates = تحديثات أقدم
later-updates = تحديثات لاحقة
page-of-pages = الصفحة { $number } من { $count }
summary = ملخص
key-events = أبرز الأحداث
pinned = مثبّت
latest-updates = آخر التحديثات
no-updates-yet = لا توجد تحديثات حتى الآن. ستظهر التحديثات الجديدة هنا.
pause-live = إيقاف التحديثات المباشرة مؤقتًا
resume-live = استئناف التحديثات المباشرة
show-new-updates = عرض التحديثات الجديدة
new-updates =
    { $count ->
        [zero] لا توجد تحديثات جديدة
        [one] تحديث جديد
        [two] تحديثان جديدان
        [few] { $count } تحديثات جديدة
        [many] { $count } تحديثًا جديدًا
       *[other] { $count } تحديث جديد
    }
published-at = نُشر في
updated-at = تم التحديث الساعة { $time }
image-source = مصدر الصورة، { $credit }
video-source = مصدر الفيديو، { $credit }
audio-source = مصدر الصوت، { $credit }
clip-captions = الترجمة المكتوبة
clip-download = تنزيل الملف
corrections =
    { $count ->
        [zero] لا توجد تصحيحات
        [one] تصحيح واحد
        [two] تصحيحان
        [few] { $count } تصحيحات
        [many] { $count } تصحيحًا
       *[other] { $count } تصحيح
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = خلفية
label-breaking = عاجل
label-analysis = تحليل
label-explainer = شرح
label-fact-check = تقصّي الحقائق
label-watch = شاهد
# Over the title of an entry marked as a key event.
key-event = حدث رئيسي
all-updates = جميع التحديثات في صفحة التغطية المباشرة
see-latest = اطّلع على آخر التحديثات
js-new-since-last-visit = جديد منذ زيارتك الأخيرة
js-share = شارك
js-show-all = عرض الكل
js-show-less = عرض أقل
js-embed-show = اعرض المحتوى من { $provider }
js-embed-always = اعرض المحتوى من { $provider } دائمًا
js-embed-privacy = عرضه يتيح لـ { $provider } وضع ملفات تعريف الارتباط ومعرفة أنك تقرأ هذه الصفحة.
js-other-updates = تحديثات جديدة خارج هذا العرض: { $count }
js-gallery-previous = الصورة السابقة
js-gallery-next = الصورة التالية
embed-view-on = اعرض على { $provider }
entry-tags = الوسوم
gallery-role = معرض صور
gallery-slide = صورة
gallery-of = الصور: { $count }
gallery-place = { $number } من { $count }
tagged-updates = التحديثات الموسومة «{ $tag }»
key-events-only = الأحداث الرئيسية فقط
show-all-updates = اعرض كل التحديثات
tag-feed = خلاصة «{ $tag }»
js-share-entry = شارك: { $title }
js-link-copied = تم نسخ الرابط
js-link-to-entry = رابط هذا التحديث
js-new-update = تحديث جديد: { $title }
js-page-reopened = استؤنفت هذه التغطية المباشرة.
js-page-ended = انتهت هذه التغطية المباشرة.
js-just-now = الآن
poll-vote = صوّت
poll-see-results = اعرض النتائج
poll-closes = ينتهي التصويت في { $time }
poll-closed = انتهى التصويت.
poll-share = { $percent }٪ ({ $count } صوت)
poll-total = { $count } صوت حتى الآن
poll-final = النتيجة النهائية: { $count } صوت
poll-counted = شكرًا: احتُسب صوتك.
poll-already-voted = صُوّت من هذا المتصفح في هذا الاستطلاع من قبل.
poll-too-many = وصلت أصوات كثيرة جدًا من شبكتك في هذا الاستطلاع؛ لم يُحتسب صوتك.
poll-choose = اختر إجابة أولًا.
poll-failed = تعذّر إرسال صوتك. حاول مرة أخرى بعد قليل.
poll-back = العودة إلى الصفحة المباشرة
poll-voted = لقد صوّتّ في هذا الاستطلاع.
callout-questions = أرسل إلينا أسئلتك
callout-pictures = أرسل إلينا صورك
callout-sightings = أخبرنا بما تراه
callout-text = رسالتك
callout-name = اسمك الأول
callout-place = أين أنت (اختياري)
callout-photo = صورة (اختياري)
callout-contact = بريد إلكتروني أو هاتف، لصحفيينا فقط (اختياري)
callout-contact-hint = لا يُنشر أبدًا؛ ويُحذف بعد 30 يومًا.
callout-leave-empty = اترك هذا فارغًا
callout-send = أرسل
callout-not-published = لا يُنشر شيء مما ترسله قبل أن يقرأه محرر.
callout-closed = لا تطلب هذه الصفحة شيئًا من القراء الآن.
callout-unreadable = تعذرت قراءة النموذج؛ لم يُرسل شيء.
callout-thanks = شكرًا: وصلت رسالتك إلى غرفة الأخبار.
callout-too-many = أرسلت عدة رسائل في الدقائق الأخيرة؛ حاول بعد قليل.
callout-sent-title = رسالتك
callout-failed = تعذر إرسال رسالتك. حاول مرة أخرى بعد قليل.
push-on = نبّهني بالأحداث الرئيسية
push-off = أوقف التنبيهات
push-turned-on = ستُنبَّه بالأحداث الرئيسية في هذه الصفحة.
push-turned-off = التنبيهات متوقفة.
push-refused = تعذر تشغيل التنبيهات في هذا المتصفح.
