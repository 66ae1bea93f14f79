# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = सामग्री पर जाएं
# The badge of a live page while it is open, and once it has ended.
live-badge = लाइव
page-ended = यह लाइव पेज ख़त्म हो गया है
# After the page's title, on the second and later pages of the stream.
title-page-number = (पेज { $number })
last-updated = आख़िरी अपडेट: { $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $date }, { $time } { $zone }
pages-of-updates = अपडेट के पेज
newer-updates = नए अपडेट
earlier-updates = पहले के अपडेट
older-updates = पुराने अपडेट
later-updates = बाद के अपडेट
page-of-pages = { $count } में से पेज { $number }
summary = सारांश
key-events = अहम घटनाएं
pinned = पिन किया गया
latest-updates = ताज़ा अपडेट
no-updates-yet = अभी कोई अपडेट नहीं है। नए अपडेट यहां दिखेंगे।
pause-live = लाइव अपडेट रोकें
resume-live = लाइव अपडेट फिर से शुरू करें
show-new-updates = नए अपडेट दिखाएं
new-updates =
    { $count ->
        [one] { $count } नया अपडेट
       *[other] { $count } नए अपडेट
    }
published-at = प्रकाशित
updated-at = अपडेट: { $time }
image-source = इमेज स्रोत, { $credit }
video-source = वीडियो स्रोत, { $credit }
audio-source = ऑडियो स्रोत, { $credit }
clip-captions = कैप्शन
clip-download = फ़ाइल डाउनलोड करें
corrections =
    { $count ->
        [one] { $count } सुधार
       *[other] { $count } सुधार
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = संदर्भ
label-breaking = ब्रेकिंग
label-analysis = विश्लेषण
label-explainer = एक्सप्लेनर
label-fact-check = फ़ैक्ट चेक
label-watch = वीडियो
# Over the title of an entry marked as a key event.
key-event = अहम घटना
all-updates = लाइव पेज पर सभी अपडेट
see-latest = ताज़ा अपडेट देखें
js-new-since-last-visit = आपकी पिछली विज़िट के बाद से नया
js-share = शेयर करें
js-show-all = सब दिखाएँ
js-show-less = कम दिखाएँ
js-embed-show = { $provider } की सामग्री दिखाएँ
js-embed-always = { $provider } की सामग्री हमेशा दिखाएँ
js-embed-privacy = इसे दिखाने पर { $provider } कुकी रख सकता है और जान सकता है कि आप यह पेज पढ़ रहे हैं।
js-other-updates = इस दृश्य से बाहर के नए अपडेट: { $count }
js-gallery-previous = पिछली तस्वीर
js-gallery-next = अगली तस्वीर
embed-view-on = { $provider } पर देखें
entry-tags = टैग
gallery-role = गैलरी
gallery-slide = तस्वीर
gallery-of = तस्वीरें: { $count }
gallery-place = { $count } में से { $number }
tagged-updates = “{ $tag }” टैग वाले अपडेट
key-events-only = सिर्फ़ मुख्य घटनाएँ
show-all-updates = सभी अपडेट दिखाएँ
tag-feed = “{ $tag }” की फ़ीड
js-share-entry = शेयर करें: { $title }
js-link-copied = लिंक कॉपी हो गया
js-link-to-entry = इस अपडेट का लिंक
js-new-update = नया अपडेट: { $title }
js-page-reopened = यह लाइव पेज फिर से शुरू हो गया है।
js-page-ended = यह लाइव पेज ख़त्म हो गया है।
js-just-now = अभी-अभी
poll-vote = वोट दें
poll-see-results = नतीजे देखें
poll-closes = वोटिंग { $time } पर बंद होगी
poll-closed = वोटिंग बंद हो चुकी है।
poll-share = { $percent }% ({ $count } वोट)
poll-total = अब तक { $count } वोट
poll-final = अंतिम नतीजा: { $count } वोट
poll-counted = धन्यवाद: आपका वोट गिन लिया गया है।
poll-already-voted = इस ब्राउज़र से इस पोल में पहले ही वोट दिया जा चुका है।
poll-too-many = आपके नेटवर्क से इस पोल में बहुत सारे वोट आए हैं; आपका वोट नहीं गिना गया।
poll-choose = पहले कोई जवाब चुनें।
poll-failed = आपका वोट भेजा नहीं जा सका। थोड़ी देर में फिर कोशिश करें।
poll-back = लाइव पेज पर वापस जाएँ
poll-voted = आप इस पोल में वोट दे चुके हैं।
callout-questions = हमें अपने सवाल भेजें
callout-pictures = हमें अपनी तस्वीरें भेजें
callout-sightings = हमें बताएँ आप क्या देख रहे हैं
callout-text = आपका संदेश
callout-name = आपका पहला नाम
callout-place = आप कहाँ हैं (वैकल्पिक)
callout-photo = एक फ़ोटो (वैकल्पिक)
callout-contact = ईमेल या फ़ोन, सिर्फ़ हमारे पत्रकारों के लिए (वैकल्पिक)
callout-contact-hint = कभी प्रकाशित नहीं होगा; 30 दिन बाद हटा दिया जाएगा।
callout-leave-empty = इसे खाली छोड़ें
callout-send = भेजें
callout-not-published = आप जो भी भेजें, संपादक के पढ़ने से पहले कुछ भी प्रकाशित नहीं होता।
callout-closed = यह पेज अभी पाठकों से कुछ नहीं माँग रहा।
callout-unreadable = फ़ॉर्म पढ़ा नहीं जा सका; कुछ नहीं भेजा गया।
callout-thanks = धन्यवाद: आपका संदेश न्यूज़रूम तक पहुँच गया है।
callout-too-many = आपने पिछले कुछ मिनटों में कई संदेश भेजे हैं; थोड़ी देर बाद कोशिश करें।
callout-sent-title = आपका संदेश
callout-failed = आपका संदेश भेजा नहीं जा सका। थोड़ी देर में फिर कोशिश करें।
push-on = मुख्य घटनाओं की सूचना दें
push-off = सूचनाएँ बंद करें
push-turned-on = इस पेज की मुख्य घटनाओं की सूचना आपको मिलेगी।
push-turned-off = सूचनाएँ बंद हैं।
push-refused = इस ब्राउज़र में सूचनाएँ चालू नहीं हो सकीं।
