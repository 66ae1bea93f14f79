# What readers see: the live page, its embed and teaser, and the page of one entry.
# The keys starting "js-" are read by the page's scripts (reader.js and live.js).

skip-to-content = 跳至正文
# The badge of a live page while it is open, and once it has ended.
live-badge = 直播
page-ended = 本场直播已结束
# After the page's title, on the second and later pages of the stream.
title-page-number = （第{ $number }页）
last-updated = 最后更新：{ $time }
# A time of publication: the date, the clock time and the time zone's abbreviation.
published-time = { $date } { $time } ({ $zone })
pages-of-updates = 直播动态分页
newer-updates = 较新动态
earlier-updates = 此前动态
older-updates = 较早动态
later-updates = 此后动态
page-of-pages = 第{ $number }页，共{ $count }页
summary = 摘要
key-events = 重要进展
pinned = 置顶
latest-updates = 最新动态
no-updates-yet = 暂无动态，新内容将在此显示。
pause-live = 暂停实时更新
resume-live = 恢复实时更新
show-new-updates = 显示新动态
new-updates =
    { $count ->
       *[other] { $count }条新动态
    }
published-at = 发布于
updated-at = 更新于 { $time }
image-source = 图片来源，{ $credit }
video-source = 视频来源，{ $credit }
audio-source = 音频来源，{ $credit }
clip-captions = 字幕
clip-download = 下载文件
corrections =
    { $count ->
       *[other] { $count }处更正
    }
# The box an entry's "[!NOTE]" quote becomes.
for-context = 背景
label-breaking = 突发
label-analysis = 分析
label-explainer = 解读
label-fact-check = 事实核查
label-watch = 视频
# Over the title of an entry marked as a key event.
key-event = 重要进展
all-updates = 在直播页面查看全部动态
see-latest = 查看最新动态
js-new-since-last-visit = 上次访问后的新内容
js-share = 分享
js-show-all = 显示全部
js-show-less = 收起
js-embed-show = 显示来自 { $provider } 的内容
js-embed-always = 始终显示来自 { $provider } 的内容
js-embed-privacy = 显示后，{ $provider } 可以设置 Cookie 并得知你在阅读此页面。
js-other-updates = 此视图之外的新更新：{ $count }
js-gallery-previous = 上一张
js-gallery-next = 下一张
embed-view-on = 在 { $provider } 上查看
entry-tags = 标签
gallery-role = 图集
gallery-slide = 图片
gallery-of = 图片：{ $count } 张
gallery-place = 第 { $number } 张，共 { $count } 张
tagged-updates = 标签为“{ $tag }”的更新
key-events-only = 仅看要点
show-all-updates = 查看全部更新
tag-feed = “{ $tag }”的订阅源
js-share-entry = 分享：{ $title }
js-link-copied = 链接已复制
js-link-to-entry = 本条动态的链接
js-new-update = 新动态：{ $title }
js-page-reopened = 本场直播已重新开始。
js-page-ended = 本场直播已结束。
js-just-now = 刚刚
poll-vote = 投票
poll-see-results = 查看结果
poll-closes = 投票于 { $time } 截止
poll-closed = 投票已结束。
poll-share = { $percent }%（{ $count } 票）
poll-total = 目前共 { $count } 票
poll-final = 最终结果：共 { $count } 票
poll-counted = 谢谢：您的投票已计入。
poll-already-voted = 此浏览器已在本次投票中投过票。
poll-too-many = 本次投票中来自您所在网络的票数过多；您的投票未被计入。
poll-choose = 请先选择一个答案。
poll-failed = 您的投票未能发送。请稍后再试。
poll-back = 返回直播页面
poll-voted = 您已在本次投票中投票。
callout-questions = 向我们提问
callout-pictures = 把您的照片发给我们
callout-sightings = 告诉我们您看到了什么
callout-text = 您的留言
callout-name = 您的名字
callout-place = 您所在的地方（可选）
callout-photo = 一张照片（可选）
callout-contact = 电子邮件或电话，仅供我们的记者使用（可选）
callout-contact-hint = 绝不公开；30 天后删除。
callout-leave-empty = 请留空
callout-send = 发送
callout-not-published = 您发送的任何内容在编辑阅读之前都不会发布。
callout-closed = 此页面目前没有向读者征集内容。
callout-unreadable = 无法读取表单；未发送任何内容。
callout-thanks = 谢谢：您的留言已送达编辑部。
callout-too-many = 您在几分钟内发送了多条留言；请稍后再试。
callout-sent-title = 您的留言
callout-failed = 您的留言未能发送。请稍后再试。
push-on = 重要进展通知我
push-off = 停止通知
push-turned-on = 本页面有重要进展时会通知您。
push-turned-off = 通知已关闭。
push-refused = 无法在此浏览器中开启通知。
