# The newsroom's own pages, in the language each person chooses on their account.

## Every page
newsroom = 编辑部
people = 成员
signed-in-as = 已登录：{ $user }
sign-out = 退出登录
live = 直播
ended = 已结束

## The newsroom's front page
waiting-for-approval-count = 待审核（{ $count }）
by-for-page = 作者：{ $user }，直播：{ $page }
start-live-page = 新建直播页面
live-pages = 直播页面
updates-count =
    { $count ->
       *[other] { $count }条动态
    }
readers-view = 读者视图

## Your account
your-account = 你的账户
language-heading = 语言
language-hint = 编辑部页面（这些菜单、表单和按钮）以此语言显示。每个直播页面面向读者的语言另行在其设置中指定。
language-label = 编辑部页面语言
save-language = 保存语言
language-saved = 编辑部页面已切换为简体中文。
change-password = 修改密码
password-sessions-end = 你的账户在所有设备上的会话都将结束：之后需要重新登录。
password-not-changed = 密码未修改。请更正下方标出的字段。
current-password = 当前密码
new-password = 新密码
password-hint = 至少 10 个字符
change-password-button = 修改密码

## The compose page
compose-readers-view = 本页面的读者视图
live-page-settings = 直播页面设置
compose-page-ended = 本场直播已结束：读者看到的是已结束的页面。更正仍会推送给读者，但在管理员重新开启之前，不会发布任何新内容。
# What an admin reads: { $settings } is a link to the page's settings, in the words of compose-settings-link.
compose-page-ended-admin = 本场直播已结束：读者看到的是已结束的页面。更正仍会推送给读者，但在管理员于{ $settings }中重新开启之前，不会发布任何新内容。
compose-settings-link = 页面设置

## What the compose page says after a change went through
done-published = 已发布。表单已就绪，可撰写下一条动态。
done-approved = 已审核通过并发布。
done-corrected = 更正已保存。
# After pinning, unpinning or marking a key event.
done-marked = 已保存。
done-deleted = 已删除。
done-submitted = 已提交审核。编辑会将其发布或退回。
done-scheduled = 已设为定时发布。自动发布之前，它会列在下方。
done-unscheduled = 已取消定时发布；内容保留在你的草稿中。
done-sent-back = 已连同你的意见退回给作者。
done-discarded = 草稿已丢弃。
done-saved = 草稿已保存。在你提交或发布之前，只有你能看到。
done-settings-saved = 设置已保存：读者立即看到新的标题、描述和摘要。
done-restored = 已恢复：这条更新已回到每位读者页面上的原位。
# A second click on a draft's button, or a colleague who acted on it first.
done-gone = 该草稿已无法操作：它已被发布、丢弃，或已被作者撤回。没有内容被重复发布。

## The entry form: a new entry, a draft, an entry under review, or a correction
form-new-entry = 新动态
form-review-entry = 审核 { $user } 提交的动态
form-scheduled-entry = 定时发布的动态
form-draft = 草稿
# { $id } is the entry's number.
form-correct-entry = 更正动态（编号 { $id }）
# { $names } are one or more colleagues' names, separated by commas; { $count } is how many.
form-others-editing =
    { $count ->
       *[other] { $names } 也正打开此条动态进行更正。
    }
# An editor sent the draft back to its author with a note, shown after this.
form-sent-back-by = { $user } 已退回，意见如下：
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
form-scheduled-for = 定于 { $time } 自动发布。
form-not-saved = 未保存任何内容。请更正下方标出的字段；你输入的文字仍保留着。
form-page-ended = 本场直播已结束，不会再发布新内容。你的动态仍保留在此表单中；你可以将其存为草稿，或请管理员重新开启页面。
# { $user } saved the draft again while this person had it open; the two versions are shown side by side below.
form-draft-saved-again = 在你打开此动态期间，{ $user } 再次保存了它。没有发布或退回任何内容。
form-draft-side-by-side = 对方的最新版本在左侧，你的版本仍在表单中：请按需修改后再次发送，或取消。
# A correction that a colleague saved first; the two versions are shown side by side below.
form-entry-saved-meanwhile = 在你编辑期间，其他人保存了此动态。你的修改均未保存。
form-entry-saved-meanwhile-by = 在你编辑期间，其他人（{ $user }）保存了此动态。你的修改均未保存。
form-entry-side-by-side = 对方的版本在左侧，你的版本仍在表单中：按需修改后再次保存，即可替换对方的版本；或取消，保留对方的版本。
form-their-version = 对方保存的版本
form-your-version = 你的版本
form-headline = 标题
form-text = 正文
# "> ", "- " and "[!NOTE]" are Markdown and stay as they are; "For context" is what readers see on such a note.
form-text-hint = Markdown：段落之间空一行，> 表示引用，- 表示列表，以 [!NOTE] 开头的引用显示为“背景”注释。按 Ctrl+Enter 发布。
form-label = 标签
form-tags = 标签
form-tags-hint = 读者可以关注的报道线索，用逗号分隔。
form-tags-in-use = 本页已用：{ $names }。
form-tags-example = 港口, 疏散
# No label on the entry.
form-label-none = 无
# The labels an entry can carry, as its readers see them.
entry-label-breaking = 突发
entry-label-analysis = 分析
entry-label-explainer = 解读
entry-label-fact-check = 事实核查
entry-label-watch = 视频
form-byline = 署名
form-profiles-hint = 编辑部成员，按其资料中的名字填写；嘉宾的名字写在下面。
form-profile = 资料 { $number }
form-byline-name = 姓名
form-byline-role = 职务
# An example of a byline's role, shown in the empty field.
form-byline-role-example = 直播记者
form-byline-kept = 沿用你上一条的署名。
form-image = 图片
form-upload-image = 上传图片
# { $size } is a number of megabytes.
form-upload-image-hint = JPEG、PNG、WebP 或 GIF，不超过 { $size } MB：选择文件、拖放到此处或粘贴到正文中；也可在下方填写图片地址
form-attached-image = 已附加的图片
form-image-address = 图片地址
form-alt-text = 替代文字
form-caption = 图片说明
form-credit = 图片来源
form-gallery = 图集
form-gallery-hint = 正文之后的图片，按此顺序，最多 { $limit } 张；读者可滑动浏览。空行不算图片。
form-gallery-picture = 图片 { $number }
form-gallery-add = 添加图片
form-clip = 视频或音频
form-clip-hint = MP4、WebM、MP3、AAC 或 Ogg 文件，在正文之后播放；读者按下播放前不加载任何内容。其标签（包括手机的位置）会被移除。
form-clip-file = 选择文件
form-clip-address = 已上传文件的地址
form-clip-captions-file = 字幕（WebVTT 文件）
form-clip-captions-address = 字幕的地址
form-post = 来自其他平台的帖子
form-post-hint = 正文中单独一行的帖子地址，或填在这里的地址，会变成读者自行选择打开的卡片。复制发帖人和帖子内容：即使帖子被删除，条目也会保留它们。
form-post-address = 帖子地址
form-post-author = 发帖人
form-post-author-example = 中国气象局 (@cma)
form-post-text = 帖子内容
form-correction-note = 更正说明
form-correction-note-hint = 选填，将公开显示，例如“更正了停电户数”。小的修改可留空。
form-published-at = 发布于（{ $zone } 时间）
form-published-at-hint = 设为更早的时间，这条更新便会在每位读者的直播流中移到相应位置：用于在此发布之前已报道的消息。
form-key-event = 重要进展
form-pin = 置顶在动态列表上方
form-save-correction = 保存更正
form-approve = 审核通过并发布
form-publish-now = 立即发布
form-publish = 发布
form-submit-again = 重新提交
form-submit = 提交审核
form-preview = 预览
form-save-draft-unscheduled = 存为草稿（取消定时）
form-save-draft = 保存草稿
form-cancel = 取消
form-discard-draft = 丢弃草稿…
form-discard-gone = 丢弃后将无法恢复。
form-discard-confirm = 确认丢弃
form-send-back-open = 附意见退回…
form-send-back-note = 需要修改的地方
form-send-back = 退回
form-schedule-open = 定时发布…
# { $zone } is the page's time zone, as in Europe/London.
form-publish-at = 发布时间（{ $zone } 时间）
form-schedule = 定时发布
form-preview-not-published = 预览：尚未发布
form-preview-waiting = 输入时，条目会按读者将看到的样子显示在这里。
form-choose-image = 请选择要附加的图片。
# Shown in the preview in place of what is not typed yet.
preview-no-headline = （尚无标题）
preview-no-text = （尚无正文）
# Before a list of what is wrong with the entry as typed.
preview-not-ready = 尚不能发布：

## The desk beside the entry form
desk-readers =
    { $count ->
       *[other] { $count }位读者正在浏览本页
    }
desk-queue-count =
    { $count ->
       *[other] { $count }条动态待审核
    }
desk-waiting = 待审核
alerts-sent-back = { $user } 退回了“{ $title }”（{ $page }）：
alerts-published = “{ $title }”已在{ $page }发布。
alerts-open-draft = 打开
alerts-see-entry = 以读者视角查看
alerts-dismiss = 关闭
alerts-label = 提醒
desk-by = 作者：{ $user }
desk-your-drafts = 我的草稿
desk-scheduled = 定时发布
# Where one of your drafts stands.
desk-state-waiting = 待审核
desk-state-saved-at = 保存于 { $time }
desk-state-sent-back = 已被 { $user } 退回
# { $time } is written as the page's readers read a time, as in "16:16 GMT 14 March".
desk-state-publishes-at = 将于 { $time } 发布
# A scheduled entry: when it publishes itself, and who wrote it.
desk-scheduled-by = 将于 { $time } 发布，作者：{ $user }
desk-unreadable = 无法读取
desk-unreadable-draft = 草稿 { $id }：{ $reason }。它保持原样，其他草稿照常进行。
desk-cancel-schedule = 取消定时
desk-published = 已发布
# Before the headline of the pinned entry.
desk-pinned = 置顶：
# Before the headline of an entry marked as a key event.
# Who wrote a published entry, and who corrected it last.
desk-by-changed-by = 作者：{ $user }，最后修改：{ $editor }
# An entry with no author on record, corrected by { $editor }.
desk-changed-by = 最后修改：{ $editor }
desk-correct = 更正
desk-pin = 置顶
desk-unpin = 取消置顶
desk-mark-key-event = 标为重要进展
desk-unmark-key-event = 取消重要进展标记
desk-delete = 删除…
desk-deleted = 最近 30 天内删除的
desk-deleted-by = 由 { $user } 于 { $time } 删除
desk-restore = 恢复
desk-history = 历史
history-heading = 更新的历史
history-version = 第 { $number } 版
history-saved = { $time }，{ $user }
history-published = 已发布。
history-first-kept = 保留的第一个版本。
history-nothing-shown = 再次保存，读者看到的内容没有变化。
history-older-not-kept = 在更新开始保留历史之前保存的版本不会列出。
history-yes = 是
history-no = 否
history-publication-time = 发布时间
history-correction-notes = 更正说明
snippets-heading = 常用文本
snippets-link-hint = 编辑部一键插入更新的文本
snippets-explained = 编辑部保存一次的文本，例如“目前已知情况”或安全提示，任何编辑都可以通过正文上方的“常用文本”按钮一键插入更新。最多 { $limit } 条。
snippets-saved-by = 最后由 { $user } 保存
snippets-name = 名称
snippets-name-hint = 按钮上显示的名称，例如“安全提示”
snippets-text = 正文
snippets-save = 保存文本
snippets-delete = 删除文本…
snippets-delete-explained = 已插入该文本的更新会保留其内容。
snippets-delete-confirm = 删除
snippets-add = 添加文本
snippets-add-button = 添加
snippets-not-saved = 未保存任何内容。请修改下面标出的字段；你的文本已保留。
snippets-done-saved = 文本已保存：它会出现在每条更新正文的上方。
snippets-done-deleted = 文本已删除。
labels-heading = 标签
labels-link-hint = 标题上方标注的条目类型，各语言
labels-explained = 编辑部在标题上方标注的条目类型，如“突发”或“分析”，每种都有各语言的名称。条目保存时的标签保持不变。最多 { $limit } 个。
labels-key = 键
labels-key-hint = 表单和 API 发送的值，用小写字母、数字和连字符，如 kursk-offensive；之后不能更改
labels-save = 保存标签
labels-delete = 移除标签…
labels-delete-explained = 已带此标签的条目保留它；新条目不再提供此标签。
labels-delete-confirm = 移除
labels-add = 添加标签
labels-add-button = 添加
labels-not-saved = 未保存任何内容。请修改下方标出的字段；您的文字已保留。
labels-done-saved = 标签已保存：条目表单中可选用。
labels-done-deleted = 标签已移除。
labels-language-en = 英语
labels-language-es = 西班牙语
labels-language-fr = 法语
labels-language-de = 德语
labels-language-ar = 阿拉伯语
labels-language-hi = 印地语
labels-language-zh-Hans = 简体中文
profiles-heading = 人员资料
profiles-link-hint = 编辑部成员，以及读者在署名中看到的头像
profiles-explained = 编辑部成员在署名中呈现给读者的样子：姓名、职务、照片、一句简介和一个链接。条目在署名中列出他们，并保留保存时的资料。
profiles-line = 一句简介
profiles-link = 链接
profiles-photo-url = 照片地址
profiles-photo = 照片
profiles-save = 保存资料
profiles-delete = 删除资料…
profiles-delete-explained = 列出此人的条目保留原来的署名。
profiles-add = 添加资料
profiles-add-button = 添加
profiles-done-saved = 资料已保存：每个条目的署名中都会提供此名字。
profiles-done-deleted = 资料已删除。

## Deleting an entry
delete-title = 删除动态
delete-question = 要删除这条动态吗？
delete-explained = 它将立即从所有读者的页面、订阅源和 API 中消失。30 天内，编辑可以在撰写页面将其恢复。
delete-confirm = 删除
delete-keep = 保留
delete-the-entry = 该条动态

## A live page's settings
settings-new-page = 新建直播页面
settings-back = 返回撰写页面
settings-not-saved = 未保存任何内容。请更正下方标出的字段。
settings-title = 标题
# The page's address on the site.
settings-address = 网址
settings-address-hint = /live/ 后接小写字母、数字和连字符，例如 storm-live
settings-description = 简介
settings-summary = 摘要
settings-summary-hint = 每行一个要点
settings-time-zone = 时区
settings-time-zone-hint = 页面上的时间按此时区显示，例如 Europe/London 或 America/New_York；也可只填城市名，例如 London
settings-reading-order = 阅读顺序
settings-newest-first = 最新在前
settings-oldest-first = 最早在前（适用于问答、时间线）
# The language the live page is written in, for its readers.
settings-language = 语言
settings-language-hint = 页面所用语言，以语言标签表示：en-GB, es, fr, de, ar, hi, zh-Hans…
settings-embed-origins = 可在其文章中显示本页面的网站
settings-embed-origins-hint = 填写网站地址，每行一个，例如 https://news.example；所有页面均允许的网站无需填写
settings-save = 保存设置
settings-create = 创建直播页面
settings-close = 结束本场直播…
settings-close-explained = 所有读者会立即得知直播已结束；页面仍可阅读，更正仍会推送给读者，在重新开启之前不能发布任何新内容。
settings-close-confirm = 确认结束
settings-ended = 本场直播已结束。
settings-reopen = 重新开启
embed-heading = 将本页面嵌入文章
embed-loader = 粘贴到文章中（须为上方所列网站）
embed-frame = 如果网站不允许使用脚本，请改用
embed-copy = 复制代码
# On the copy button, once the code is copied.
embed-copied = 已复制
# The title of the frame in the embed code, read out to the article's readers: it is taken in the live page's language, not the newsroom's.
embed-frame-title = 直播动态

## The newsroom's people
role-contributor = 供稿人
role-editor = 编辑
role-admin = 管理员
people-remove = 移除 { $user }…
people-remove-explained = 该成员将立即在所有设备上退出登录，且无法再登录。其已发布的内容会保留。
people-remove-confirm = 确认移除 { $user }
people-add-someone = 添加成员
people-not-added = 未添加任何成员。请更正下方标出的字段。
people-user-name = 用户名
people-role = 角色
# Each role as the form offers it: its name (as in role-contributor), then what it may do.
people-role-contributor = 供稿人：撰写动态，交由编辑审核
people-role-editor = 编辑：发布、更正、置顶和删除动态
people-role-admin = 管理员：还可管理直播页面和成员
people-password = 密码
people-password-hint = 至少 10 个字符；请当面告知对方
people-add = 添加

## What the compose page's script (editor.js) writes. It fills in each { $name } itself.
# { $link } is a link in the words of js-sign-in-again.
js-session-ended = 你的登录已失效。你输入的内容已保存在此浏览器中：{ $link }。
js-sign-in-again = 重新登录以继续
js-restored = 已恢复你在此浏览器中输入的内容。
# { $time } is when it was typed, as in 16:40.
js-restored-at = 已恢复你在此浏览器中输入的内容（{ $time }）。
js-saved-again = 在你输入这些内容之后，它已被再次保存：发送前请与已保存的版本核对。
# A button that throws away the text restored from the browser.
js-discard-restored = 丢弃
# Shown once a field's text is over its limit, which is 100 characters or more.
js-over-limit = { $used } 个字符：超出 { $limit } 字上限 { $over } 个
# { $name } is the image file's name.
js-attaching = 正在附加 { $name }…
js-attaching-image = 正在附加图片…
js-image-not-attached = 图片无法附加。
js-image-refused = “{ $name }”未能附加：{ $reason } 除非你另选一张图片，这条更新将不带图片发布。
js-clip-sending = 正在发送 { $name }：{ $percent }%
js-clip-making = 正在检查 { $name } 并移除其标签…
js-clip-attached = { $name } 已附加。
js-clip-refused = “{ $name }”未附加：{ $reason }
js-kept-aside = “{ $title }”未发布：无法连接编辑部。它保存在此浏览器中。
js-put-back = 放回表单
# { $titles } are the headlines of entries that have just arrived, separated by commas.
js-waiting-for-approval = 待审核：{ $titles }
# Before the headline of an entry that was deleted while it was being corrected.
js-deleted-meanwhile = 已在此期间被删除。
# { $status } is an HTTP status code, as in 500.
js-did-not-work = 操作未成功（{ $status }）；请重新加载页面后重试。
js-unreachable = 无法连接编辑部系统；未做任何更改。
js-close-correction = 关闭此更正？你输入的内容仍会保存在此浏览器中。
# { $status } is an HTTP status code, as in 404.
js-correction-not-saved = 更正未保存（{ $status }）。你输入的内容仍在表单中。
# { $reason } is the newsroom's explanation, in English.
js-correction-not-saved-because = 更正未保存（{ $status }：{ $reason }）。你输入的内容仍在表单中。
js-correction-kept = 无法连接编辑部系统；你的更正仍保留在表单中。
# { $title } is an entry's headline.
js-just-published = 刚刚发布：{ $title }
js-just-changed = 刚刚修改：{ $title }
js-entry-deleted = 刚刚有一条动态被删除。
js-kept-as-draft = 你发送的一条内容未能发布，已放回表单并标出问题。你之后输入的内容已保存在“你的草稿”中。
js-not-published = 你发送的一条内容未能发布：“{ $title }”。待能连上编辑部后请再次发送。
js-not-sent-kept = 这条内容未能发布（{ $status }），已放回表单。

# The formatting buttons above an entry's text (static/format.js). Each writes Markdown
# for the editor; "For context" is the same note readers see headed "For context".
js-format-toolbar = 文本格式
js-format-bold = 加粗
js-format-italic = 斜体
js-format-link = 链接
js-format-quote = 引用
js-format-list = 列表
js-format-context = 背景
js-format-picture = 图片
js-format-picture-alt = 描述这张图片
js-format-snippets = 常用文本
js-snippets-none = 编辑部还没有常用文本。
js-snippets-manage = 管理常用文本
form-poll = 投票
form-poll-hint = 读者一键即可回答的问题，两到六个答案，每行一个。每个打开的页面上票数都会更新；投票在设定时间或您在编辑台关闭时结束。
form-poll-question = 问题
form-poll-answers = 答案，每行一个
form-poll-open = 开放时间
form-poll-until-closed = 直到我关闭
form-poll-minutes = { $count } 分钟
form-poll-hours = { $count } 小时
desk-close-poll = 关闭投票
webhooks = Webhook
webhooks-explained = 页面的每一处变化（条目发布、更正、置顶或删除；页面修改、关闭或重新开启）都会按页面的顺序以 JSON 发送到下面的每个地址，并按 Standard Webhooks 规范签名。未以 2xx 回应的地址会在一天内重试，每次等待更久。
webhooks-added = 已添加 webhook。
webhooks-secret-once = 它的密钥（供接收方校验每个签名）只显示这一次：
webhooks-none = 还没有 webhook。
webhooks-every-page = 所有页面
webhooks-added-by = 由 { $user } 添加，{ $time }
webhooks-remove = 移除…
webhooks-remove-explained = 不再向此地址发送任何内容，等待发送的也将丢弃。
webhooks-remove-confirm = 是的，移除
webhooks-add = 添加 webhook
webhooks-not-added = 未添加 webhook：见下文。
webhooks-url = 地址
webhooks-page = 用于
webhooks-add-button = 添加 webhook
webhooks-log = 最近的发送
webhooks-log-empty = 尚未发送任何内容。
webhooks-log-change = 变化
webhooks-log-state = 状态
webhooks-log-tries = 尝试次数
webhooks-log-answer = 最后的回应
webhooks-state-waiting = 等待中
webhooks-state-delivered = 已送达
webhooks-state-failed = 已放弃
callout-ask = 向读者征集
callout-ask-explained = 直播页面摘要下方会出现带有您征集语的表单：读者可以发送留言、名字和所在地，或许还有照片和联系方式。编辑发布之前，读者看不到任何内容。
callout-kind = 向读者征集
callout-kind-questions = 他们的问题
callout-kind-pictures = 他们的照片
callout-kind-sightings = 他们看到的情况
callout-prompt = 您的征集语
callout-open = 在页面上开启
callout-change = 保存更改
callout-stop = 停止征集
answer-heading = 回复读者
answer-contact = 联系方式（仅编辑可见）：
answer-label = 您的回答
answer-publish = 连同回答一起发布
answer-discard = 搁置
answer-photo-alt = { $name } 发来的照片
answer-needed = 请写下要一并发布的回答。
answer-title-questions = 回答您的问题
answer-title-pictures = 您的照片
answer-title-sightings = 您看到的情况
done-set-aside = 已搁置。
desk-from-readers = 来自读者
desk-asking = 正在征集：{ $prompt }
desk-with-photo = 附照片
desk-answer = 回复
desk-from-readers-count = 来自读者 { $count } 条
desk-readers-chart = 过去 { $hours } 小时的读者，同时最多 { $peak } 人
desk-entry-figures = 其页面浏览 { $views } 次 · 分享 { $shares } 次
