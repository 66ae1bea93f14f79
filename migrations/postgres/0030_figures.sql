-- How the day went. Each instance's readers of each page, once a minute: the compose
-- page draws their sum over the last hours. Kept two days.
CREATE TABLE reader_minutes (
    blog_id  BIGINT NOT NULL,
    minute   TEXT NOT NULL,
    instance TEXT NOT NULL,
    readers  BIGINT NOT NULL,
    PRIMARY KEY (blog_id, minute, instance)
);
-- Each entry's views on its own page and the times readers shared it, added to by
-- every instance about once a minute.
CREATE TABLE entry_figures (
    entry_id BIGINT PRIMARY KEY,
    views    BIGINT NOT NULL DEFAULT 0,
    shares   BIGINT NOT NULL DEFAULT 0
);
