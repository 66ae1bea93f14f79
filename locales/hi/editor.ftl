# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = न्यूज़रूम
people = टीम
signed-in-as = { $user } के रूप में साइन इन
sign-out = साइन आउट करें
live = लाइव
ended = ख़त्म

## The newsroom's front page
waiting-for-approval-count = मंज़ूरी के इंतज़ार में ({ $count })
by-for-page = { $user } द्वारा, { $page } के लिए
start-live-page = नया लाइव पेज शुरू करें
live-pages = लाइव पेज
updates-count =
    { $count ->
        [one] { $count } अपडेट
       *[other] { $count } अपडेट
    }
readers-view = पाठकों वाला व्यू

## Your account
your-account = आपका खाता
language-heading = भाषा
language-hint = न्यूज़रूम के पेज (ये मेन्यू, फ़ॉर्म और बटन) इसी भाषा में दिखते हैं। हर लाइव पेज की अपने पाठकों के लिए अपनी अलग भाषा होती है, जो उसकी सेटिंग में तय होती है।
language-label = न्यूज़रूम के पेजों की भाषा
save-language = भाषा सेव करें
language-saved = न्यूज़रूम के पेज अब हिंदी में हैं।
change-password = अपना पासवर्ड बदलें
password-sessions-end = आपके खाते का हर सेशन, हर डिवाइस पर ख़त्म हो जाएगा: इसके बाद आपको फिर से साइन इन करना होगा।
password-not-changed = आपका पासवर्ड नहीं बदला गया। कृपया नीचे चिह्नित फ़ील्ड ठीक करें।
current-password = मौजूदा पासवर्ड
new-password = नया पासवर्ड
password-hint = कम से कम 10 अक्षर
change-password-button = पासवर्ड बदलें

## The compose page
compose-readers-view = यह पेज पाठकों को कैसा दिखता है
live-page-settings = लाइव पेज की सेटिंग
compose-page-ended = यह लाइव पेज ख़त्म हो गया है: पाठकों को यह बंद दिखता है। सुधार अब भी उन तक पहुंचते हैं, लेकिन जब तक कोई एडमिन इसे फिर से नहीं खोलता, कुछ भी नया प्रकाशित नहीं होगा।
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = यह लाइव पेज ख़त्म हो गया है: पाठकों को यह बंद दिखता है। सुधार अब भी उन तक पहुंचते हैं, लेकिन जब तक कोई एडमिन { $settings } में जाकर इसे फिर से नहीं खोलता, कुछ भी नया प्रकाशित नहीं होगा।
compose-settings-link = पेज की सेटिंग

## What the compose page says after a change went through
done-published = प्रकाशित हो गया। फ़ॉर्म अगले अपडेट के लिए तैयार है।
done-approved = मंज़ूर होकर प्रकाशित हो गया।
done-corrected = सुधार सेव हो गया।
# After pinning, unpinning or marking a key event.
done-marked = सेव हो गया।
done-deleted = डिलीट हो गया।
done-submitted = मंज़ूरी के लिए भेज दिया गया। कोई संपादक इसे प्रकाशित करेगा या वापस भेज देगा।
done-scheduled = शेड्यूल हो गया। अपने-आप प्रकाशित होने तक यह नीचे सूची में दिखेगा।
done-unscheduled = शेड्यूल से हटा दिया गया; यह आपके ड्राफ़्ट में रखा है।
done-sent-back = आपके नोट के साथ लेखक को वापस भेज दिया गया।
done-discarded = ड्राफ़्ट हटा दिया गया।
done-saved = ड्राफ़्ट सेव हो गया। जब तक आप इसे मंज़ूरी के लिए नहीं भेजते या प्रकाशित नहीं करते, इसे सिर्फ़ आप देख सकते हैं।
done-settings-saved = सेटिंग सेव हो गई: पाठकों को नया शीर्षक, विवरण और सारांश तुरंत दिखता है।
done-restored = वापस लाई गई: एंट्री हर पाठक के लिए अपनी जगह पर लौट आई है।
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = इस ड्राफ़्ट पर अब कोई कार्रवाई नहीं हो सकती: यह पहले ही प्रकाशित हो चुका है, हटाया जा चुका है या इसके लेखक ने इसे वापस ले लिया है। कुछ भी दो बार प्रकाशित नहीं हुआ।

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = नया अपडेट
form-review-entry = { $user } के अपडेट की समीक्षा करें
form-scheduled-entry = शेड्यूल किया गया अपडेट
form-draft = ड्राफ़्ट
# { $id } is the entry's number.
form-correct-entry = अपडेट { $id } में सुधार करें
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
        [one] { $names } ने भी यह अपडेट सुधार के लिए खोल रखा है।
       *[other] { $names } ने भी यह अपडेट सुधार के लिए खोल रखा है।
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = { $user } ने इस नोट के साथ वापस भेजा:
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = यह { $time } पर अपने-आप प्रकाशित होने के लिए शेड्यूल है।
form-not-saved = कुछ भी सेव नहीं हुआ। कृपया नीचे चिह्नित फ़ील्ड ठीक करें; आपका टेक्स्ट सुरक्षित है।
form-page-ended = यह लाइव पेज ख़त्म हो गया है, इसलिए इस पर कुछ भी नया प्रकाशित नहीं होगा। आपका अपडेट इस फ़ॉर्म में सुरक्षित है; इसे ड्राफ़्ट के रूप में सेव करें, या किसी एडमिन से पेज फिर से खोलने को कहें।
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = जब यह अपडेट आपके पास खुला था, तब { $user } ने इसे फिर से सेव किया। न कुछ प्रकाशित हुआ, न वापस भेजा गया।
form-draft-side-by-side = उनका ताज़ा वर्शन बाईं ओर है, आपका वर्शन अब भी फ़ॉर्म में है: ज़रूरत के मुताबिक़ बदलाव करके इसे फिर से भेजें, या रद्द करें।
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = जब आप इस अपडेट में बदलाव कर रहे थे, तभी किसी और ने इसे सेव कर दिया। आपका कोई बदलाव सेव नहीं हुआ।
form-entry-saved-meanwhile-by = जब आप इस अपडेट में बदलाव कर रहे थे, तभी किसी और ({ $user }) ने इसे सेव कर दिया। आपका कोई बदलाव सेव नहीं हुआ।
form-entry-side-by-side = उनका वर्शन बाईं ओर है, आपका वर्शन अब भी फ़ॉर्म में है: ज़रूरत के मुताबिक़ बदलाव करें और उनके वर्शन की जगह अपना वर्शन रखने के लिए फिर से सेव करें, या उनका वर्शन रहने देने के लिए रद्द करें।
form-their-version = उनका सेव किया गया वर्शन
form-your-version = आपका वर्शन
form-headline = हेडलाइन
form-text = टेक्स्ट
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = Markdown: पैराग्राफ़ों के बीच एक ख़ाली लाइन, कोट के लिए >, सूची के लिए -, और "संदर्भ" नोट के लिए [!NOTE] से शुरू होने वाला कोट। Ctrl+Enter दबाने पर प्रकाशित हो जाता है।
form-label = लेबल
form-tags = टैग
form-tags-hint = कहानी के वे सिरे जिन्हें पाठक फ़ॉलो कर सकते हैं, कॉमा से अलग करके।
form-tags-in-use = इस पेज पर: { $names }।
form-tags-example = बंदरगाह, निकासी
# No label on the entry.
form-label-none = कोई नहीं
# The labels an entry can carry, as its readers see them.
entry-label-breaking = ब्रेकिंग
entry-label-analysis = विश्लेषण
entry-label-explainer = एक्सप्लेनर
entry-label-fact-check = फ़ैक्ट चेक
entry-label-watch = वीडियो
form-byline = बायलाइन
form-profiles-hint = न्यूज़रूम के लोग, उनकी प्रोफ़ाइल के नाम से; किसी मेहमान का नाम नीचे लिखें।
form-profile = प्रोफ़ाइल { $number }
form-byline-name = नाम
form-byline-role = पद
# An example of a byline's role, shown in the empty field.
form-byline-role-example = लाइव रिपोर्टर
form-byline-kept = आपकी पिछली प्रविष्टि से रखा गया।
form-image = इमेज
form-upload-image = इमेज अपलोड करें
# { $size } is a number of megabytes.
form-upload-image-hint = JPEG, PNG, WebP या GIF, अधिकतम { $size } MB: कोई इमेज चुनें, उसे यहां छोड़ें या टेक्स्ट में पेस्ट करें; या नीचे उसका पता दें
form-attached-image = अटैच की गई इमेज
form-image-address = इमेज का पता (URL)
form-alt-text = ऑल्ट टेक्स्ट
form-caption = कैप्शन
form-credit = क्रेडिट
form-gallery = गैलरी
form-gallery-hint = टेक्स्ट के बाद इसी क्रम में तस्वीरें, अधिकतम { $limit }; पाठक इन्हें स्वाइप करते हैं। खाली पंक्ति कोई तस्वीर नहीं है।
form-gallery-picture = तस्वीर { $number }
form-gallery-add = तस्वीरें जोड़ें
form-clip = वीडियो या ऑडियो
form-clip-hint = MP4, WebM, MP3, AAC या Ogg फ़ाइल, जो टेक्स्ट के बाद चलती है; पाठक प्ले दबाने तक उसका कुछ भी लोड नहीं करते। उसके टैग (फ़ोन की लोकेशन समेत) हटा दिए जाते हैं।
form-clip-file = फ़ाइल चुनें
form-clip-address = अपलोड की गई फ़ाइल का पता
form-clip-captions-file = कैप्शन (WebVTT फ़ाइल)
form-clip-captions-address = कैप्शन का पता
form-post = किसी दूसरे प्लेटफ़ॉर्म की पोस्ट
form-post-hint = टेक्स्ट में अपनी अलग पंक्ति पर, या यहाँ, किसी पोस्ट का पता एक कार्ड बन जाता है जिसे पाठक चाहें तो खोलते हैं। किसने पोस्ट किया और उसमें क्या लिखा है, यह कॉपी करें: पोस्ट हटने पर भी एंट्री इन्हें रखती है।
form-post-address = पोस्ट का पता
form-post-author = किसने पोस्ट किया
form-post-author-example = मौसम विभाग (@Indiametdept)
form-post-text = उसमें क्या लिखा है
form-correction-note = सुधार नोट
form-correction-note-hint = वैकल्पिक और सार्वजनिक, जैसे "बिना बिजली वाले घरों की संख्या ठीक की गई"। छोटे-मोटे सुधार के लिए इसे ख़ाली छोड़ दें।
form-published-at = प्रकाशित होने का समय ({ $zone } समय)
form-published-at-hint = पहले का समय डालें, तो एंट्री हर पाठक के लिए स्ट्रीम में अपनी जगह ले लेगी: उन ख़बरों के लिए जो यहाँ डालने से पहले बताई गई थीं।
form-key-event = अहम घटना
form-pin = सभी अपडेट के ऊपर पिन करें
form-save-correction = सुधार सेव करें
form-approve = मंज़ूर करें और प्रकाशित करें
form-publish-now = अभी प्रकाशित करें
form-publish = प्रकाशित करें
form-submit-again = फिर से भेजें
form-submit = मंज़ूरी के लिए भेजें
form-preview = प्रीव्यू
form-save-draft-unscheduled = शेड्यूल किए बिना ड्राफ़्ट के रूप में सेव करें
form-save-draft = ड्राफ़्ट सेव करें
form-cancel = रद्द करें
form-discard-draft = ड्राफ़्ट हटाएं…
form-discard-gone = यह हमेशा के लिए हट जाएगा।
form-discard-confirm = हां, इसे हटाएं
form-send-back-open = नोट के साथ वापस भेजें…
form-send-back-note = क्या बदलना चाहिए
form-send-back = वापस भेजें
form-schedule-open = बाद के लिए शेड्यूल करें…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = प्रकाशन का समय ({ $zone } समय)
form-schedule = शेड्यूल करें
form-preview-not-published = प्रीव्यू: प्रकाशित नहीं
form-preview-waiting = लिखते समय प्रविष्टि यहाँ वैसी दिखती है जैसी पाठक उसे देखेंगे।
form-choose-image = अटैच करने के लिए कोई इमेज चुनें।
# Shown in the preview in place of what is not typed yet.
preview-no-headline = (अभी कोई हेडलाइन नहीं)
preview-no-text = (अभी कोई टेक्स्ट नहीं)
# Before a list of what is wrong with the entry as typed.
preview-not-ready = अभी प्रकाशित करने के लिए तैयार नहीं:

## The desk beside the entry form
# Hindi's "one" also takes 0, so these two counts are worded without a verb that agrees with the number.
desk-readers =
    { $count ->
        [one] इस पेज पर अभी { $count } पाठक
       *[other] इस पेज पर अभी { $count } पाठक
    }
desk-queue-count =
    { $count ->
        [one] मंज़ूरी के इंतज़ार में { $count } अपडेट
       *[other] मंज़ूरी के इंतज़ार में { $count } अपडेट
    }
desk-waiting = मंज़ूरी के इंतज़ार में
alerts-sent-back = { $user } ने “{ $title }” आपको लौटा दिया ({ $page }):
alerts-published = “{ $title }” { $page } पर प्रकाशित हुआ।
alerts-open-draft = इसे खोलें
alerts-see-entry = इसे पाठकों की तरह देखें
alerts-dismiss = हटाएँ
alerts-label = सूचनाएँ
desk-by = { $user } द्वारा
desk-your-drafts = आपके ड्राफ़्ट
desk-scheduled = शेड्यूल किए गए
# Where one of your drafts stands.
desk-state-waiting = मंज़ूरी के इंतज़ार में
desk-state-saved-at = { $time } पर सेव हुआ
desk-state-sent-back = { $user } ने वापस भेजा
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = { $time } पर प्रकाशित होगा
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = { $time } पर प्रकाशित होगा, { $user } द्वारा
desk-unreadable = पढ़े नहीं जा सके
desk-unreadable-draft = ड्राफ़्ट { $id }: { $reason }. यह जैसा है वैसा रखा गया है; बाकी चलते रहते हैं।
desk-cancel-schedule = शेड्यूल रद्द करें
desk-published = प्रकाशित
# Before the headline of the pinned entry.
desk-pinned = पिन किया गया:
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = { $user } द्वारा, आख़िरी बदलाव { $editor } ने किया
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = आख़िरी बदलाव { $editor } ने किया
desk-correct = सुधारें
desk-pin = पिन करें
desk-unpin = पिन हटाएं
desk-mark-key-event = अहम घटना के रूप में चिह्नित करें
desk-unmark-key-event = अहम घटना से हटाएं
desk-delete = डिलीट करें…
desk-deleted = पिछले 30 दिनों में हटाई गईं
desk-deleted-by = { $user } ने { $time } पर हटाई
desk-restore = वापस लाएँ
desk-history = इतिहास
history-heading = एंट्री का इतिहास
history-version = संस्करण { $number }
history-saved = { $time }, { $user } द्वारा
history-published = प्रकाशित हुई।
history-first-kept = सहेजा गया पहला संस्करण।
history-nothing-shown = फिर से सेव की गई, पाठकों को दिखने वाला कुछ नहीं बदला।
history-older-not-kept = एंट्रियों का इतिहास रखे जाने से पहले सेव किए गए संस्करण यहाँ नहीं हैं।
history-yes = हाँ
history-no = नहीं
history-publication-time = प्रकाशन का समय
history-correction-notes = सुधार के नोट
snippets-heading = सहेजे गए टेक्स्ट
snippets-link-hint = वे टेक्स्ट जिन्हें न्यूज़रूम एक क्लिक में एंट्रियों में डालता है
snippets-explained = ऐसे टेक्स्ट जिन्हें न्यूज़रूम एक बार सहेजता है, जैसे "अब तक हम क्या जानते हैं" या सुरक्षा सलाह, और कोई भी संपादक टेक्स्ट के ऊपर सहेजे गए टेक्स्ट बटन से एक क्लिक में किसी एंट्री में डालता है। अधिकतम { $limit }।
snippets-saved-by = पिछली बार { $user } ने सहेजा
snippets-name = नाम
snippets-name-hint = जैसा बटन पर दिखेगा, जैसे "सुरक्षा सलाह"
snippets-text = टेक्स्ट
snippets-save = टेक्स्ट सहेजें
snippets-delete = टेक्स्ट हटाएँ…
snippets-delete-explained = जिन एंट्रियों में इसे डाला गया था, उनका टेक्स्ट बना रहेगा।
snippets-delete-confirm = हटाएँ
snippets-add = टेक्स्ट जोड़ें
snippets-add-button = टेक्स्ट जोड़ें
snippets-not-saved = कुछ भी सेव नहीं हुआ। कृपया नीचे चिह्नित फ़ील्ड ठीक करें; आपका टेक्स्ट बचा हुआ है।
snippets-done-saved = टेक्स्ट सहेजा गया: यह हर एंट्री के टेक्स्ट के ऊपर मिलेगा।
snippets-done-deleted = टेक्स्ट हटाया गया।
labels-heading = लेबल
labels-link-hint = शीर्षक के ऊपर लिखे प्रविष्टि के प्रकार, हर भाषा में
labels-explained = शीर्षक के ऊपर न्यूज़रूम जो प्रविष्टि-प्रकार लिखता है, जैसे ब्रेकिंग या विश्लेषण, हर एक का नाम हर भाषा में। प्रविष्टियाँ लेबल को वैसे ही रखती हैं जैसा वह सहेजते समय था। अधिकतम { $limit }।
labels-key = कुंजी
labels-key-hint = फ़ॉर्म और API जो भेजते हैं, छोटे अक्षरों, अंकों और हाइफ़न में, जैसे kursk-offensive; बाद में बदला नहीं जा सकता
labels-save = लेबल सहेजें
labels-delete = लेबल हटाएँ…
labels-delete-explained = जिन प्रविष्टियों पर यह है, वे इसे रखती हैं; नई प्रविष्टियों के लिए यह अब नहीं दिखेगा।
labels-delete-confirm = हटाएँ
labels-add = लेबल जोड़ें
labels-add-button = लेबल जोड़ें
labels-not-saved = कुछ सहेजा नहीं गया। कृपया नीचे चिह्नित फ़ील्ड ठीक करें; आपका टेक्स्ट रखा गया है।
labels-done-saved = लेबल सहेजा गया: प्रविष्टि फ़ॉर्म में यह उपलब्ध है।
labels-done-deleted = लेबल हटाया गया।
labels-language-en = अंग्रेज़ी
labels-language-es = स्पेनिश
labels-language-fr = फ़्रेंच
labels-language-de = जर्मन
labels-language-ar = अरबी
labels-language-hi = हिन्दी
labels-language-zh-Hans = चीनी (सरलीकृत)
profiles-heading = प्रोफ़ाइल
profiles-link-hint = न्यूज़रूम के लोग, उन चेहरों के साथ जो पाठक बायलाइन में देखते हैं
profiles-explained = न्यूज़रूम के लोग, जैसे पाठक उन्हें बायलाइन में देखते हैं: नाम, भूमिका, फ़ोटो, एक पंक्ति और एक लिंक। एंट्री अपनी बायलाइन में उनका नाम लेती है और प्रोफ़ाइल को वैसा ही रखती है जैसी वह सेव करते समय थी।
profiles-line = छोटी पंक्ति
profiles-link = लिंक
profiles-photo-url = फ़ोटो का पता
profiles-photo = फ़ोटो
profiles-save = प्रोफ़ाइल सेव करें
profiles-delete = प्रोफ़ाइल हटाएँ…
profiles-delete-explained = जिन एंट्री में इसका नाम है, उनकी बायलाइन वैसी ही रहती है।
profiles-add = प्रोफ़ाइल जोड़ें
profiles-add-button = प्रोफ़ाइल जोड़ें
profiles-done-saved = प्रोफ़ाइल सेव हुई: इसका नाम हर एंट्री की बायलाइन में सुझाया जाता है।
profiles-done-deleted = प्रोफ़ाइल हटाई गई।

## Deleting an entry
delete-title = अपडेट डिलीट करें
delete-question = यह अपडेट डिलीट करें?
delete-explained = यह हर पाठक के पेज से, फ़ीड से और API से तुरंत हट जाएगा। 30 दिनों तक कोई संपादक इसे लिखने वाले पेज से वापस ला सकता है।
delete-confirm = हां, डिलीट करें
delete-keep = रहने दें
delete-the-entry = अपडेट

## A live page's settings
settings-new-page = नया लाइव पेज
settings-back = अपडेट लिखने वाले पेज पर लौटें
settings-not-saved = कुछ भी सेव नहीं हुआ। कृपया नीचे चिह्नित फ़ील्ड ठीक करें।
settings-title = शीर्षक
# The page's address on the site.
settings-address = पता
settings-address-hint = /live/ के बाद छोटे अंग्रेज़ी अक्षर, अंक और हाइफ़न, जैसे storm-live
settings-description = विवरण
settings-summary = सारांश
settings-summary-hint = हर लाइन में एक अहम बात
settings-time-zone = टाइम ज़ोन
settings-time-zone-hint = पेज पर समय इसी ज़ोन में दिखता है, जैसे Europe/London या America/New_York; London जैसा किसी शहर का नाम भी चलेगा
settings-reading-order = पढ़ने का क्रम
settings-newest-first = सबसे नया पहले
settings-oldest-first = सबसे पुराना पहले (सवाल-जवाब, टाइमलाइन)
# The language the live page is written in, for its readers.
settings-language = भाषा
settings-language-hint = पेज किस भाषा में लिखा है, लैंग्वेज टैग के रूप में: en-GB, es, fr, de, ar, hi, zh-Hans…
settings-embed-origins = वे साइटें जो इस पेज को अपने लेखों में दिखा सकती हैं
settings-embed-origins-hint = उनके पते, हर लाइन में एक, जैसे https://news.example; उन साइटों के अलावा जिन्हें हर पेज की अनुमति है
settings-save = सेटिंग सेव करें
settings-create = लाइव पेज बनाएं
settings-close = यह लाइव पेज बंद करें…
settings-close-explained = हर पाठक को तुरंत बताया जाएगा कि यह ख़त्म हो गया है; यह पढ़ा जा सकेगा, सुधार उन तक पहुंचते रहेंगे, और इसे फिर से खोले जाने तक कुछ भी नया प्रकाशित नहीं किया जा सकेगा।
settings-close-confirm = हां, इसे बंद करें
settings-ended = यह लाइव पेज ख़त्म हो गया है।
settings-reopen = इसे फिर से खोलें
embed-heading = इस पेज को किसी लेख में लगाएं
embed-loader = ऊपर दी गई किसी साइट पर, लेख में पेस्ट करें
embed-frame = या, जहां साइट स्क्रिप्ट की अनुमति नहीं देती
embed-copy = कोड कॉपी करें
# On the copy button, once the code is copied.
embed-copied = कॉपी हो गया
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = लाइव अपडेट

## The newsroom's people
role-contributor = योगदानकर्ता
role-editor = संपादक
role-admin = एडमिन
people-remove = { $user } को हटाएं…
people-remove-explained = वे हर जगह से तुरंत साइन आउट हो जाएंगे और फिर साइन इन नहीं कर पाएंगे। उन्होंने जो प्रकाशित किया है, वह बना रहेगा।
people-remove-confirm = हां, { $user } को हटाएं
people-add-someone = किसी को जोड़ें
people-not-added = किसी को नहीं जोड़ा गया। कृपया नीचे चिह्नित फ़ील्ड ठीक करें।
people-user-name = यूज़रनेम
people-role = भूमिका
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = योगदानकर्ता: अपडेट लिखते हैं, जिन्हें संपादक मंज़ूर करते हैं
people-role-editor = संपादक: अपडेट प्रकाशित करते हैं, सुधारते हैं, पिन करते हैं और डिलीट करते हैं
people-role-admin = एडमिन: लाइव पेज और टीम का प्रबंधन भी करते हैं
people-password = पासवर्ड
people-password-hint = कम से कम 10 अक्षर; यह उन्हें ख़ुद मिलकर दें
people-add = जोड़ें

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = आपका सेशन ख़त्म हो गया है। आपने जो लिखा था, वह इस ब्राउज़र में सुरक्षित है: { $link }।
js-sign-in-again = आगे बढ़ने के लिए फिर से साइन इन करें
js-restored = इस ब्राउज़र में आपका लिखा टेक्स्ट वापस ले आया गया है।
# { $time } is when it was typed, as in 16:40.
js-restored-at = इस ब्राउज़र में आपका लिखा टेक्स्ट वापस ले आया गया है ({ $time })।
js-saved-again = आपके यह लिखने के बाद इसे फिर से सेव किया गया है: भेजने से पहले इसे सेव किए गए वर्शन से मिला लें।
# A button that throws away the text restored from the browser.
js-discard-restored = इसे हटाएं
# Shown once a field's text is over its limit, which is 100 characters or more.
js-over-limit = { $used } अक्षर: { $limit } की सीमा से { $over } ज़्यादा
# { $name } is the image file's name.
js-attaching = { $name } अटैच हो रही है…
js-attaching-image = इमेज अटैच हो रही है…
js-image-not-attached = इमेज अटैच नहीं हो सकी।
js-image-refused = "{ $name }" नहीं जुड़ी: { $reason } जब तक आप कोई और तस्वीर नहीं चुनते, एंट्री इसके बिना प्रकाशित होगी।
js-clip-sending = { $name } भेजी जा रही है: { $percent } %
js-clip-making = { $name } की जाँच और उसके टैग हटाए जा रहे हैं…
js-clip-attached = { $name } जुड़ गई।
js-clip-refused = “{ $name }” नहीं जुड़ी: { $reason }
js-kept-aside = "{ $title }" प्रकाशित नहीं हुई: न्यूज़रूम तक पहुँचा नहीं जा सका। यह इस ब्राउज़र में रखी है।
js-put-back = इसे फ़ॉर्म में वापस रखें
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = मंज़ूरी के इंतज़ार में: { $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = इस बीच डिलीट कर दिया गया।
# { $status } is an HTTP status code, as in 500.
js-did-not-work = यह नहीं हो सका ({ $status }); पेज रीलोड करके फिर से कोशिश करें।
js-unreachable = न्यूज़रूम से संपर्क नहीं हो सका; कुछ भी नहीं बदला।
js-close-correction = यह सुधार बंद करें? आपने जो लिखा है, वह इस ब्राउज़र में सेव रहेगा।
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = सुधार सेव नहीं हुआ ({ $status })। आपने जो लिखा है, वह अब भी फ़ॉर्म में है।
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = सुधार सेव नहीं हुआ ({ $status }: { $reason })। आपने जो लिखा है, वह अब भी फ़ॉर्म में है।
js-correction-kept = न्यूज़रूम से संपर्क नहीं हो सका; आपका सुधार फ़ॉर्म में सुरक्षित है।
# { $title } is an entry's headline.
js-just-published = अभी प्रकाशित: { $title }
js-just-changed = अभी बदला गया: { $title }
js-entry-deleted = अभी एक अपडेट डिलीट किया गया।
js-kept-as-draft = आपकी भेजी एक प्रविष्टि प्रकाशित नहीं हुई; वह समस्याओं के साथ फ़ॉर्म में लौट आई है। उसके बाद आपने जो लिखा, वह आपके ड्राफ़्ट में रखा गया है।
js-not-published = आपकी भेजी एक प्रविष्टि प्रकाशित नहीं हुई: “{ $title }”। न्यूज़रूम से जुड़ते ही इसे फिर भेजें।
js-not-sent-kept = प्रविष्टि प्रकाशित नहीं हुई ({ $status }); वह फ़ॉर्म में लौट आई है।

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = टेक्स्ट का फ़ॉर्मैट
js-format-bold = बोल्ड
js-format-italic = इटैलिक
js-format-link = लिंक
js-format-quote = कोट
js-format-list = सूची
js-format-context = संदर्भ
js-format-picture = तस्वीर
js-format-picture-alt = तस्वीर का वर्णन करें
js-format-snippets = सहेजे गए टेक्स्ट
js-snippets-none = न्यूज़रूम में अभी कोई सहेजा गया टेक्स्ट नहीं है।
js-snippets-manage = सहेजे गए टेक्स्ट सँभालें
form-poll = पोल
form-poll-hint = एक सवाल जिसका जवाब पाठक एक क्लिक में देते हैं, दो से छह जवाब, हर पंक्ति में एक। हर खुले पेज पर गिनती बदलती है; पोल अपने समय पर या डेस्क से आपके बंद करने पर बंद होता है।
form-poll-question = सवाल
form-poll-answers = जवाब, हर पंक्ति में एक
form-poll-open = खुला रहेगा
form-poll-until-closed = जब तक मैं बंद न करूँ
form-poll-minutes = { $count } मिनट
form-poll-hours = { $count } घंटे
desk-close-poll = पोल बंद करें
webhooks = वेबहुक
webhooks-explained = किसी पेज का हर बदलाव (कोई एंट्री छपी, सुधारी गई, पिन हुई या हटाई गई; पेज बदला, बंद हुआ या फिर खुला) JSON के रूप में नीचे के हर पते पर भेजा जाता है, पेज के क्रम में, Standard Webhooks स्पेसिफ़िकेशन के अनुसार हस्ताक्षरित। जो पता 2xx से जवाब न दे, उसे एक दिन तक फिर आज़माया जाता है, हर बार ज़्यादा इंतज़ार के बाद।
webhooks-added = वेबहुक जुड़ गया।
webhooks-secret-once = इसका सीक्रेट, जिससे पाने वाला हर हस्ताक्षर जाँचे, सिर्फ़ इसी बार दिखाया जा रहा है:
webhooks-none = अभी कोई वेबहुक नहीं।
webhooks-every-page = सभी पेज
webhooks-added-by = { $user } ने जोड़ा, { $time }
webhooks-remove = हटाएँ…
webhooks-remove-explained = इस पते पर अब कुछ नहीं भेजा जाएगा, और जो इंतज़ार में है वह छोड़ दिया जाएगा।
webhooks-remove-confirm = हाँ, हटाएँ
webhooks-add = वेबहुक जोड़ें
webhooks-not-added = वेबहुक नहीं जुड़ा: नीचे देखें।
webhooks-url = पता
webhooks-page = किसके लिए
webhooks-add-button = वेबहुक जोड़ें
webhooks-log = हाल की डिलीवरी
webhooks-log-empty = अभी कुछ नहीं भेजा गया।
webhooks-log-change = बदलाव
webhooks-log-state = स्थिति
webhooks-log-tries = कोशिशें
webhooks-log-answer = आख़िरी जवाब
webhooks-state-waiting = इंतज़ार में
webhooks-state-delivered = पहुँचा
webhooks-state-failed = छोड़ दिया
callout-ask = पाठकों से पूछें
callout-ask-explained = लाइव पेज पर सारांश के नीचे आपकी अपील के साथ एक फ़ॉर्म: पाठक संदेश, अपना पहला नाम और जगह, शायद एक फ़ोटो और संपर्क भेजते हैं। संपादक के प्रकाशित करने से पहले पाठकों को कुछ नहीं दिखता।
callout-kind = पाठकों से माँगें
callout-kind-questions = उनके सवाल
callout-kind-pictures = उनकी तस्वीरें
callout-kind-sightings = वे क्या देख रहे हैं
callout-prompt = आपकी अपील
callout-open = पेज पर खोलें
callout-change = बदलाव सहेजें
callout-stop = पूछना बंद करें
answer-heading = पाठक को जवाब दें
answer-contact = संपर्क (सिर्फ़ संपादकों के लिए):
answer-label = आपका जवाब
answer-publish = जवाब के साथ प्रकाशित करें
answer-discard = अलग रखें
answer-photo-alt = { $name } की भेजी फ़ोटो
answer-needed = साथ में प्रकाशित करने के लिए जवाब लिखें।
answer-title-questions = आपके सवालों के जवाब
answer-title-pictures = आपकी तस्वीरें
answer-title-sightings = आप क्या देख रहे हैं
done-set-aside = अलग रखा गया।
desk-from-readers = पाठकों से
desk-asking = पाठकों से पूछा: { $prompt }
desk-with-photo = फ़ोटो के साथ
desk-answer = जवाब दें
desk-from-readers-count = पाठकों से { $count }
desk-readers-chart = पिछले { $hours } घंटों में पाठक, एक साथ अधिकतम { $peak }
desk-entry-figures = उसके पेज के { $views } व्यू · { $shares } बार शेयर
