-- The newsroom's labels, kept by editors: each with its key (what forms and the API
-- send) and its names by language as JSON ({"en": "Breaking", "fr": "Dernière minute"}),
-- in the order the form offers them. They start as the five every newsroom had. An
-- entry keeps its label's names as they were when it was saved, in `label_names`;
-- entries saved before keep only the key (NULL names: named by the words).
CREATE TABLE labels (
    key        TEXT PRIMARY KEY,
    names      TEXT NOT NULL,
    position   INTEGER NOT NULL UNIQUE,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
INSERT INTO labels (key, names, position, updated_by, updated_at) VALUES
    ('breaking', '{"ar": "عاجل", "de": "Eilmeldung", "en": "Breaking", "es": "Última hora", "fr": "Dernière minute", "hi": "ब्रेकिंग", "zh-Hans": "突发"}', 0, 'liveblog', '2026-12-03T00:00:00.000000Z'),
    ('analysis', '{"ar": "تحليل", "de": "Analyse", "en": "Analysis", "es": "Análisis", "fr": "Analyse", "hi": "विश्लेषण", "zh-Hans": "分析"}', 1, 'liveblog', '2026-12-03T00:00:00.000000Z'),
    ('explainer', '{"ar": "شرح", "de": "Hintergrund", "en": "Explainer", "es": "Claves", "fr": "Décryptage", "hi": "एक्सप्लेनर", "zh-Hans": "解读"}', 2, 'liveblog', '2026-12-03T00:00:00.000000Z'),
    ('fact-check', '{"ar": "تقصّي الحقائق", "de": "Faktencheck", "en": "Fact check", "es": "Verificación", "fr": "Vérification", "hi": "फ़ैक्ट चेक", "zh-Hans": "事实核查"}', 3, 'liveblog', '2026-12-03T00:00:00.000000Z'),
    ('watch', '{"ar": "شاهد", "de": "Video", "en": "Watch", "es": "Vídeo", "fr": "Vidéo", "hi": "वीडियो", "zh-Hans": "视频"}', 4, 'liveblog', '2026-12-03T00:00:00.000000Z');
ALTER TABLE entries ADD COLUMN label_names TEXT;
