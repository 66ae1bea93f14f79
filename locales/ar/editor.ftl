# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = غرفة الأخبار
people = الفريق
signed-in-as = مسجَّل الدخول باسم { $user }
sign-out = تسجيل الخروج
live = مباشر
ended = انتهت

## The newsroom's front page
waiting-for-approval-count = بانتظار الموافقة ({ $count })
by-for-page = بقلم { $user }، في { $page }
start-live-page = بدء تغطية مباشرة جديدة
live-pages = التغطيات المباشرة
updates-count =
    { $count ->
        [zero] لا توجد تحديثات
        [one] تحديث واحد
        [two] تحديثان
        [few] { $count } تحديثات
        [many] { $count } تحديثًا
       *[other] { $count } تحديث
    }
readers-view = عرض القرّاء

## Your account
your-account = حسابك
language-heading = اللغة
language-hint = تظهر صفحات غرفة الأخبار (هذه القوائم والنماذج والأزرار) بهذه اللغة. أما لغة كل تغطية مباشرة لقرّائها فتُحدَّد في إعداداتها.
language-label = لغة صفحات غرفة الأخبار
save-language = حفظ اللغة
language-saved = صفحات غرفة الأخبار الآن باللغة العربية.
change-password = تغيير كلمة المرور
password-sessions-end = تنتهي جميع جلسات حسابك على كل الأجهزة، وستحتاج بعدها إلى تسجيل الدخول من جديد.
password-not-changed = لم تُغيَّر كلمة المرور. يُرجى تصحيح الحقل المشار إليه أدناه.
current-password = كلمة المرور الحالية
new-password = كلمة المرور الجديدة
password-hint = 10 أحرف على الأقل
change-password-button = تغيير كلمة المرور

## The compose page
compose-readers-view = هذه الصفحة كما يراها القرّاء
live-page-settings = إعدادات التغطية المباشرة
compose-page-ended = انتهت هذه التغطية المباشرة، ويراها القرّاء مغلقة. لا تزال التصحيحات تصل إليهم، لكن لن يُنشر أي جديد حتى يعيد أحد المديرين فتحها.
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = انتهت هذه التغطية المباشرة، ويراها القرّاء مغلقة. لا تزال التصحيحات تصل إليهم، لكن لن يُنشر أي جديد حتى يعيد أحد المديرين فتحها من { $settings }.
compose-settings-link = إعدادات الصفحة

## What the compose page says after a change went through
done-published = نُشر التحديث. النموذج جاهز للتحديث التالي.
done-approved = تمت الموافقة عليه ونُشر.
done-corrected = حُفظ التصحيح.
# After pinning, unpinning or marking a key event.
done-marked = تم الحفظ.
done-deleted = تم الحذف.
done-submitted = أُرسل للموافقة. سينشره أحد المحررين أو يعيده إليك.
done-scheduled = تمت الجدولة. سيبقى في القائمة أدناه إلى أن يُنشر تلقائيًا.
done-unscheduled = أُلغيت جدولته، وهو محفوظ في مسوداتك.
done-sent-back = أُعيد إلى كاتبه مع ملاحظتك.
done-discarded = تم التخلّص من المسودة.
done-saved = حُفظت المسودة. لا يراها أحد غيرك حتى ترسلها للموافقة أو تنشرها.
done-settings-saved = حُفظت الإعدادات: يرى القرّاء العنوان والوصف والملخّص الجديدة فورًا.
done-restored = استُعيد: عاد المنشور إلى مكانه لدى كل القرّاء.
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = لم تعد هذه المسودة متاحة لأي إجراء: فقد نُشرت أو تم التخلّص منها أو استعادها كاتبها. لم يُنشر شيء مرتين.

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = تحديث جديد
form-review-entry = مراجعة تحديث من { $user }
form-scheduled-entry = تحديث مجدول
form-draft = مسودة
# { $id } is the entry's number.
form-correct-entry = تصحيح التحديث رقم { $id }
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
        [zero] هذا التحديث مفتوح للتصحيح أيضًا لدى كلٍّ من { $names }.
        [one] هذا التحديث مفتوح للتصحيح أيضًا لدى { $names }.
        [two] هذا التحديث مفتوح للتصحيح أيضًا لدى كلٍّ من { $names }.
        [few] هذا التحديث مفتوح للتصحيح أيضًا لدى كلٍّ من { $names }.
        [many] هذا التحديث مفتوح للتصحيح أيضًا لدى كلٍّ من { $names }.
       *[other] هذا التحديث مفتوح للتصحيح أيضًا لدى كلٍّ من { $names }.
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = أعاده إليك { $user } مع هذه الملاحظة:
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = مجدول للنشر تلقائيًا في { $time }.
form-not-saved = لم يُحفظ شيء. يُرجى تصحيح الحقول المشار إليها أدناه؛ ولا يزال نصّك في النموذج.
form-page-ended = انتهت هذه التغطية المباشرة، فلا يُنشر فيها أي جديد. تحديثك باقٍ في هذا النموذج؛ احفظه مسودةً، أو اطلب من أحد المديرين إعادة فتح الصفحة.
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = حفظ { $user } هذا التحديث مجددًا بينما كان مفتوحًا لديك. لم يُنشر شيء ولم يُعَد شيء إلى كاتبه.
# The page is right to left: the colleague's version (the first of the two) is on the right.
form-draft-side-by-side = أحدث نسخة لزميلك على اليمين، ونسختك لا تزال في النموذج: عدّلها حسب الحاجة ثم أرسلها مجددًا، أو ألغِ.
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = حفظ زميل آخر هذا التحديث بينما كنت تعدّله. لم يُحفظ شيء من تعديلاتك.
form-entry-saved-meanwhile-by = حفظ زميل آخر ({ $user }) هذا التحديث بينما كنت تعدّله. لم يُحفظ شيء من تعديلاتك.
# Right to left here too: the colleague's version is on the right.
form-entry-side-by-side = نسخة زميلك على اليمين، ونسختك لا تزال في النموذج: عدّلها حسب الحاجة ثم احفظها مجددًا لتحلّ محلّ نسخة زميلك، أو ألغِ للإبقاء على نسخة زميلك.
form-their-version = نسخة الزميل المحفوظة
form-your-version = نسختك
form-headline = العنوان
form-text = النص
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = تنسيق Markdown: سطر فارغ بين الفقرات، والرمز > للاقتباس، والرمز - للقائمة، واقتباس يبدأ بـ [!NOTE] لملاحظة «خلفية». اضغط Ctrl+Enter للنشر.
form-label = التصنيف
form-tags = الوسوم
form-tags-hint = خيوط القصة التي يمكن للقراء متابعتها، مفصولة بفواصل.
form-tags-in-use = مستخدمة في هذه الصفحة: { $names }.
form-tags-example = الميناء، الإخلاء
# No label on the entry.
form-label-none = بلا تصنيف
# The labels an entry can carry, as its readers see them.
entry-label-breaking = عاجل
entry-label-analysis = تحليل
entry-label-explainer = شرح
entry-label-fact-check = تقصّي الحقائق
entry-label-watch = شاهد
form-byline = التوقيع
form-profiles-hint = أفراد غرفة الأخبار بالاسم في ملفهم؛ واسم الضيف في الأسفل.
form-profile = الملف { $number }
form-byline-name = الاسم
form-byline-role = الصفة
# An example of a byline's role, shown in the empty field.
form-byline-role-example = مراسل التغطية المباشرة
form-byline-kept = محفوظ من آخر إدخال لك.
form-image = الصورة
form-upload-image = رفع صورة
# { $size } is a number of megabytes.
form-upload-image-hint = بصيغة JPEG أو PNG أو WebP أو GIF وبحجم لا يتجاوز { $size } ميغابايت: اخترها أو أفلتها هنا أو الصقها في النص؛ أو أدخل رابطها أدناه
form-attached-image = الصورة المرفقة
form-image-address = رابط الصورة
form-alt-text = النص البديل
form-caption = تعليق الصورة
form-credit = مصدر الصورة
form-gallery = معرض الصور
form-gallery-hint = صور بعد النص بهذا الترتيب، حتى { $limit }؛ يتصفحها القراء بالسحب. الصف الفارغ ليس صورة.
form-gallery-picture = الصورة { $number }
form-gallery-add = أضف صورًا
form-clip = فيديو أو صوت
form-clip-hint = ملف MP4 أو WebM أو MP3 أو AAC أو Ogg يُشغَّل بعد النص؛ لا يحمّل القراء شيئًا منه حتى يضغطوا تشغيل. تُزال بياناته الوصفية (ومنها موقع الهاتف).
form-clip-file = اختر ملفًا
form-clip-address = عنوان الملف المرفوع
form-clip-captions-file = الترجمة المكتوبة (ملف WebVTT)
form-clip-captions-address = عنوان الترجمة المكتوبة
form-post = منشور من منصة أخرى
form-post-hint = عنوان المنشور في سطر وحده من النص، أو هنا، يصبح بطاقة يفتحها القراء متى شاؤوا. انسخ من نشره وما يقوله: يحتفظ بهما الإدخال إذا حُذف المنشور.
form-post-address = عنوان المنشور
form-post-author = نشره
form-post-author-example = الأرصاد الجوية (@meteo)
form-post-text = ما يقوله
form-correction-note = ملاحظة التصحيح
form-correction-note-hint = اختيارية وتظهر للقرّاء، مثل «صُحّح عدد المنازل التي انقطعت عنها الكهرباء». اتركها فارغة عند التعديلات الطفيفة.
form-published-at = وقت النشر (بتوقيت { $zone })
form-published-at-hint = اختر وقتًا أسبق فيأخذ المنشور مكانه في التغطية لدى كل القرّاء: للأخبار التي رُويت قبل نشرها هنا.
form-key-event = حدث رئيسي
form-pin = تثبيت أعلى سلسلة التحديثات
form-save-correction = حفظ التصحيح
form-approve = الموافقة والنشر
form-publish-now = النشر الآن
form-publish = نشر
form-submit-again = إعادة الإرسال
form-submit = إرسال للموافقة
form-preview = معاينة
form-save-draft-unscheduled = حفظ كمسودة دون جدولة
form-save-draft = حفظ المسودة
form-cancel = إلغاء
form-discard-draft = التخلّص من المسودة…
form-discard-gone = ستُحذف نهائيًا.
form-discard-confirm = نعم، تخلّص منها
form-send-back-open = إعادة إلى الكاتب مع ملاحظة…
form-send-back-note = ما الذي ينبغي تغييره
form-send-back = إعادة إلى الكاتب
form-schedule-open = جدولة للنشر لاحقًا…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = موعد النشر (بتوقيت { $zone })
form-schedule = جدولة
form-preview-not-published = معاينة: غير منشور
form-preview-waiting = أثناء الكتابة، يظهر المنشور هنا كما سيراه القراء.
form-choose-image = اختر صورة لإرفاقها.
# Shown in the preview in place of what is not typed yet.
preview-no-headline = (لا عنوان بعد)
preview-no-text = (لا نص بعد)
# Before a list of what is wrong with the entry as typed.
preview-not-ready = غير جاهز للنشر بعد:

## The desk beside the entry form
desk-readers =
    { $count ->
        [zero] لا أحد يتصفح هذه الصفحة الآن
        [one] قارئ واحد يتصفح هذه الصفحة الآن
        [two] قارئان يتصفحان هذه الصفحة الآن
        [few] { $count } قرّاء يتصفحون هذه الصفحة الآن
        [many] { $count } قارئًا يتصفحون هذه الصفحة الآن
       *[other] { $count } قارئ يتصفحون هذه الصفحة الآن
    }
desk-queue-count =
    { $count ->
        [zero] لا تحديثات بانتظار الموافقة
        [one] تحديث واحد بانتظار الموافقة
        [two] تحديثان بانتظار الموافقة
        [few] { $count } تحديثات بانتظار الموافقة
        [many] { $count } تحديثًا بانتظار الموافقة
       *[other] { $count } تحديث بانتظار الموافقة
    }
desk-waiting = بانتظار الموافقة
alerts-sent-back = أعاد { $user } إليك «{ $title }» ({ $page }):
alerts-published = نُشر «{ $title }» على { $page }.
alerts-open-draft = افتحه
alerts-see-entry = شاهده كما يراه القراء
alerts-dismiss = إخفاء
alerts-label = تنبيهات
desk-by = بقلم { $user }
desk-your-drafts = مسوداتك
desk-scheduled = المجدولة للنشر
# Where one of your drafts stands.
desk-state-waiting = بانتظار الموافقة
desk-state-saved-at = حُفظ في { $time }
desk-state-sent-back = أعاده إليك { $user }
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = يُنشر في { $time }
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = يُنشر في { $time }، بقلم { $user }
desk-unreadable = تعذّرت قراءتها
desk-unreadable-draft = المسودة { $id }: { $reason }. تبقى كما هي، وتستمر البقية.
desk-cancel-schedule = إلغاء الجدولة
desk-published = المنشورة
# Before the headline of the pinned entry.
desk-pinned = مثبّت:
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = بقلم { $user }، وآخر تعديل من { $editor }
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = آخر تعديل من { $editor }
desk-correct = تصحيح
desk-pin = تثبيت
desk-unpin = إلغاء التثبيت
desk-mark-key-event = تحديد كحدث رئيسي
desk-unmark-key-event = إلغاء تحديده كحدث رئيسي
desk-delete = حذف…
desk-deleted = حُذفت في آخر 30 يومًا
desk-deleted-by = حذفها { $user } في { $time }
desk-restore = استعادة
desk-history = السجل
history-heading = سجل منشور
history-version = النسخة { $number }
history-saved = { $time }، بواسطة { $user }
history-published = نُشر.
history-first-kept = أول نسخة محفوظة.
history-nothing-shown = حُفظ مجددًا دون تغيير ما يراه القرّاء.
history-older-not-kept = لا تظهر النسخ المحفوظة قبل أن تحتفظ المنشورات بسجلها.
history-yes = نعم
history-no = لا
history-publication-time = وقت النشر
history-correction-notes = ملاحظات التصحيح
snippets-heading = نصوص محفوظة
snippets-link-hint = النصوص التي تضيفها غرفة الأخبار إلى المنشورات بنقرة واحدة
snippets-explained = نصوص تحفظها غرفة الأخبار مرة واحدة، مثل «ما نعرفه حتى الآن» أو نصائح السلامة، ويضيفها أي محرر إلى منشور بنقرة واحدة من زر النصوص المحفوظة فوق النص. { $limit } على الأكثر.
snippets-saved-by = آخر من حفظه { $user }
snippets-name = الاسم
snippets-name-hint = كما سيظهر على الزر، مثل «نصائح السلامة»
snippets-text = النص
snippets-save = حفظ النص
snippets-delete = حذف النص…
snippets-delete-explained = تحتفظ المنشورات التي أُضيف إليها بنصها.
snippets-delete-confirm = احذفه
snippets-add = إضافة نص
snippets-add-button = أضف النص
snippets-not-saved = لم يُحفظ شيء. يُرجى تصحيح الحقول المحددة أدناه؛ نصك محفوظ.
snippets-done-saved = حُفظ النص: يُعرض فوق نص كل منشور.
snippets-done-deleted = حُذف النص.
labels-heading = التصنيفات
labels-link-hint = أنواع المداخلات التي تظهر فوق العنوان، بكل لغة
labels-explained = أنواع المداخلات التي تسميها غرفة الأخبار فوق العنوان، مثل عاجل أو تحليل، لكل منها اسمه بكل لغة قد تُكتب بها الصفحات. تحتفظ المداخلات بالتصنيف كما كان عند حفظها. { $limit } على الأكثر.
labels-key = المفتاح
labels-key-hint = ما ترسله النماذج والواجهة البرمجية، بأحرف لاتينية صغيرة وأرقام وشرطات، مثل kursk-offensive؛ لا يمكن تغييره لاحقًا
labels-save = حفظ التصنيف
labels-delete = إزالة التصنيف…
labels-delete-explained = تحتفظ المداخلات التي تحمله به؛ ولا يُعرض بعد الآن للمداخلات الجديدة.
labels-delete-confirm = إزالته
labels-add = إضافة تصنيف
labels-add-button = أضف التصنيف
labels-not-saved = لم يُحفظ شيء. يُرجى تصحيح الحقول المعلّمة أدناه؛ نصك محفوظ.
labels-done-saved = حُفظ التصنيف: يعرضه نموذج المداخلة.
labels-done-deleted = أُزيل التصنيف.
labels-language-en = الإنجليزية
labels-language-es = الإسبانية
labels-language-fr = الفرنسية
labels-language-de = الألمانية
labels-language-ar = العربية
labels-language-hi = الهندية
labels-language-zh-Hans = الصينية (المبسطة)
profiles-heading = الملفات الشخصية
profiles-link-hint = أفراد غرفة الأخبار بالوجوه التي يراها القراء في التوقيعات
profiles-explained = أفراد غرفة الأخبار كما يراهم القراء في التوقيعات: الاسم والدور والصورة وسطر قصير ورابط. يذكرهم الإدخال في توقيعه ويحتفظ بالملف كما كان عند حفظه.
profiles-line = سطر قصير
profiles-link = رابط
profiles-photo-url = عنوان الصورة
profiles-photo = صورة
profiles-save = احفظ الملف
profiles-delete = احذف الملف…
profiles-delete-explained = تحتفظ الإدخالات التي تذكره بتوقيعها كما كان.
profiles-add = أضف ملفًا
profiles-add-button = أضف الملف
profiles-done-saved = حُفظ الملف: يُعرض اسمه في توقيع كل إدخال.
profiles-done-deleted = حُذف الملف.

## Deleting an entry
delete-title = حذف تحديث
delete-question = هل تريد حذف هذا التحديث؟
delete-explained = سيختفي فورًا من صفحة كل قارئ ومن خلاصة الأخبار ومن واجهة API. ويمكن للمحرر استعادته من صفحة الكتابة خلال 30 يومًا.
delete-confirm = نعم، احذفه
delete-keep = أبقِه
delete-the-entry = التحديث

## A live page's settings
settings-new-page = تغطية مباشرة جديدة
settings-back = العودة إلى صفحة التحرير
settings-not-saved = لم يُحفظ شيء. يُرجى تصحيح الحقول المشار إليها أدناه.
settings-title = العنوان
# The page's address on the site.
settings-address = الرابط
settings-address-hint = يبدأ بـ /live/ تليه أحرف لاتينية صغيرة وأرقام وشرطات، مثل storm-live
settings-description = الوصف
settings-summary = الملخص
settings-summary-hint = نقطة رئيسية واحدة في كل سطر
settings-time-zone = المنطقة الزمنية
settings-time-zone-hint = تُعرض الأوقات في الصفحة بتوقيت هذه المنطقة، مثل Europe/London أو America/New_York؛ ويكفي اسم مدينة مثل London
settings-reading-order = ترتيب القراءة
settings-newest-first = الأحدث أولًا
settings-oldest-first = الأقدم أولًا (لجلسة أسئلة وأجوبة أو تسلسل زمني)
# The language the live page is written in, for its readers.
settings-language = اللغة
# The list ends in words rather than "…": in a right-to-left line an ending "…" would jump to the far side of the codes.
settings-language-hint = اللغة التي تُكتب بها الصفحة، على شكل وسم لغة: en-GB, es, fr, de, ar, hi, zh-Hans وغيرها
settings-embed-origins = المواقع التي يمكنها عرض هذه الصفحة ضمن مقالاتها
settings-embed-origins-hint = روابطها، رابط في كل سطر، مثل https://news.example؛ إضافةً إلى المواقع المسموح بها لكل الصفحات
settings-save = حفظ الإعدادات
settings-create = إنشاء التغطية المباشرة
settings-close = إنهاء هذه التغطية المباشرة…
settings-close-explained = يُبلَّغ كل القرّاء فورًا بانتهائها؛ وتبقى متاحة للقراءة، وتظل التصحيحات تصل إليهم، ولا يمكن نشر أي جديد فيها حتى يُعاد فتحها.
settings-close-confirm = نعم، أنهِها
settings-ended = انتهت هذه التغطية المباشرة.
settings-reopen = إعادة فتحها
embed-heading = تضمين هذه الصفحة في مقال
embed-loader = الصق هذه الشيفرة في المقال، على أحد المواقع المذكورة أعلاه
embed-frame = أو هذه، إن كان الموقع لا يسمح بالنصوص البرمجية
embed-copy = نسخ الشيفرة
# On the copy button, once the code is copied.
embed-copied = تم النسخ
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = تحديثات مباشرة

## The newsroom's people
role-contributor = مساهم
role-editor = محرر
role-admin = مدير
people-remove = إزالة { $user }…
people-remove-explained = يُسجَّل خروجه فورًا من كل مكان، ولا يعود بإمكانه تسجيل الدخول. يبقى ما نشره منشورًا.
people-remove-confirm = نعم، أزِل { $user }
people-add-someone = إضافة عضو
people-not-added = لم يُضَف أحد. يُرجى تصحيح الحقول المشار إليها أدناه.
people-user-name = اسم المستخدم
people-role = الدور
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = مساهم: يكتب تحديثات يوافق عليها محرر
people-role-editor = محرر: ينشر التحديثات ويصحّحها ويثبّتها ويحذفها
people-role-admin = مدير: يدير أيضًا التغطيات المباشرة وأعضاء الفريق
people-password = كلمة المرور
people-password-hint = 10 أحرف على الأقل؛ سلّمها إليه شخصيًا
people-add = إضافة

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = انتهت جلستك. ما كتبته محفوظ في هذا المتصفح: { $link }.
js-sign-in-again = سجّل الدخول مجددًا للمتابعة
js-restored = استُعيد ما كتبته في هذا المتصفح.
# { $time } is when it was typed, as in 16:40.
js-restored-at = استُعيد ما كتبته في هذا المتصفح (الساعة { $time }).
js-saved-again = حُفظ هذا التحديث مجددًا منذ أن كتبت هذا: قارنه بالنسخة المحفوظة قبل الإرسال.
# A button that throws away the text restored from the browser.
js-discard-restored = التخلّص منه
# Shown once a field's text is over its limit, which is 100 characters or more.
# The script fills in the numbers as text, so no plural can be chosen here: the wording avoids counted nouns.
js-over-limit = عدد الأحرف: { $used }، بزيادة { $over } على الحد الأقصى البالغ { $limit }
# { $name } is the image file's name.
js-attaching = جارٍ إرفاق { $name }…
js-attaching-image = جارٍ إرفاق الصورة…
js-image-not-attached = تعذّر إرفاق الصورة.
js-image-refused = لم يُرفق «{ $name }»: { $reason } سيُنشر المنشور بدونها ما لم تختر صورة أخرى.
js-clip-sending = جارٍ إرسال { $name }: { $percent } %
js-clip-making = جارٍ فحص { $name } وإزالة بياناته الوصفية…
js-clip-attached = تم إرفاق { $name }.
js-clip-refused = لم يُرفق «{ $name }»: { $reason }
js-kept-aside = لم يُنشر «{ $title }»: تعذّر الوصول إلى غرفة الأخبار. وهو محفوظ في هذا المتصفح.
js-put-back = أعده إلى النموذج
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = بانتظار الموافقة: { $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = حُذف في هذه الأثناء.
# { $status } is an HTTP status code, as in 500.
js-did-not-work = لم تنجح العملية ({ $status })؛ أعد تحميل الصفحة وحاول مجددًا.
js-unreachable = تعذّر الاتصال بغرفة الأخبار؛ لم يتغيّر شيء.
js-close-correction = إغلاق هذا التصحيح؟ يبقى ما كتبته محفوظًا في هذا المتصفح.
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = لم يُحفظ التصحيح ({ $status }). ما كتبته لا يزال في النموذج.
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = لم يُحفظ التصحيح ({ $status }: { $reason }). ما كتبته لا يزال في النموذج.
js-correction-kept = تعذّر الاتصال بغرفة الأخبار؛ تصحيحك باقٍ في النموذج.
# { $title } is an entry's headline.
js-just-published = نُشر للتو: { $title }
js-just-changed = عُدّل للتو: { $title }
js-entry-deleted = حُذف تحديث للتو.
js-kept-as-draft = لم يُنشر إدخال أرسلته؛ عاد إلى النموذج مع تحديد مشكلاته. ما كتبته بعده محفوظ في مسوداتك.
js-not-published = لم يُنشر إدخال أرسلته: «{ $title }». أرسله مرة أخرى عندما يمكن الوصول إلى غرفة الأخبار.
js-not-sent-kept = لم يُنشر الإدخال ({ $status })؛ عاد إلى النموذج.

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = تنسيق النص
js-format-bold = غامق
js-format-italic = مائل
js-format-link = رابط
js-format-quote = اقتباس
js-format-list = قائمة
js-format-context = خلفية
js-format-picture = صورة
js-format-picture-alt = صِف الصورة
js-format-snippets = نصوص محفوظة
js-snippets-none = لا توجد نصوص محفوظة لدى غرفة الأخبار بعد.
js-snippets-manage = إدارة النصوص المحفوظة
form-poll = استطلاع
form-poll-hint = سؤال يجيب عنه القراء بنقرة واحدة، من إجابتين إلى ست، كل إجابة في سطر. تتحرك الأرقام في كل صفحة مفتوحة؛ ويُغلق الاستطلاع في موعده أو حين تغلقه من المكتب.
form-poll-question = السؤال
form-poll-answers = الإجابات، كل إجابة في سطر
form-poll-open = مفتوح
form-poll-until-closed = حتى أغلقه
form-poll-minutes = { $count } دقيقة
form-poll-hours = { $count } ساعة
desk-close-poll = أغلق الاستطلاع
webhooks = خطافات الويب
webhooks-explained = يُرسل كل تغيير في صفحة (مدخل نُشر أو صُحح أو ثُبّت أو حُذف؛ أو الصفحة عُدّلت أو أُغلقت أو أُعيد فتحها) بصيغة JSON إلى كل عنوان أدناه، بترتيب الصفحة، موقّعًا كما تنص مواصفة Standard Webhooks. العنوان الذي لا يجيب بـ 2xx يُعاد إرساله إليه طوال يوم، بانتظار أطول كل مرة.
webhooks-added = أُضيف الخطاف.
webhooks-secret-once = سرّه، ليتحقق المستقبِل من كل توقيع، يظهر هذه المرة فقط:
webhooks-none = لا خطافات بعد.
webhooks-every-page = كل الصفحات
webhooks-added-by = أضافه { $user }، { $time }
webhooks-remove = إزالة…
webhooks-remove-explained = لن يُرسل شيء بعد الآن إلى هذا العنوان، ويُسقط ما ينتظره.
webhooks-remove-confirm = نعم، أزله
webhooks-add = أضف خطافًا
webhooks-not-added = لم يُضف الخطاف: انظر أدناه.
webhooks-url = العنوان
webhooks-page = لـ
webhooks-add-button = أضف الخطاف
webhooks-log = آخر الإرسالات
webhooks-log-empty = لم يُرسل شيء بعد.
webhooks-log-change = التغيير
webhooks-log-state = الحالة
webhooks-log-tries = المحاولات
webhooks-log-answer = آخر رد
webhooks-state-waiting = في الانتظار
webhooks-state-delivered = وصل
webhooks-state-failed = توقفت المحاولة
callout-ask = اسأل القراء
callout-ask-explained = نموذج في الصفحة المباشرة تحت الملخص، بدعوتك: يرسل القراء رسالة واسمهم الأول ومكانهم، وربما صورة ووسيلة للتواصل. لا يُعرض شيء على القراء قبل أن ينشره محرر.
callout-kind = اطلب من القراء
callout-kind-questions = أسئلتهم
callout-kind-pictures = صورهم
callout-kind-sightings = ما يرونه
callout-prompt = دعوتك
callout-open = افتحه في الصفحة
callout-change = احفظ التغيير
callout-stop = أوقف السؤال
answer-heading = أجب قارئًا
answer-contact = وسيلة التواصل (للمحررين فقط):
answer-label = إجابتك
answer-publish = انشر مع الإجابة
answer-discard = ضعه جانبًا
answer-photo-alt = صورة أرسلها { $name }
answer-needed = اكتب إجابة تُنشر معه.
answer-title-questions = إجابات أسئلتكم
answer-title-pictures = صوركم
answer-title-sightings = ما ترونه
done-set-aside = وُضع جانبًا.
desk-from-readers = من القراء
desk-asking = سؤال القراء: { $prompt }
desk-with-photo = مع صورة
desk-answer = أجب
desk-from-readers-count = { $count } من القراء
desk-readers-chart = القراء في آخر { $hours } ساعات، { $peak } في آن واحد على الأكثر
desk-entry-figures = { $views } مشاهدة لصفحته · { $shares } مشاركة
