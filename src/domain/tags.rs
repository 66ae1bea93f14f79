//! The threads of a story an entry belongs to ("Kursk", "G7 talks"): readers follow
//! one by its link, `?tag=Kursk`. A tag is told apart from another by its words in any
//! case: "kursk" is "Kursk".

use super::errors::{FieldErrors, optional_text};

/// The most tags an entry may have.
pub const MAX_TAGS: usize = 8;
/// The most characters of one tag.
pub const MAX_TAG_CHARS: usize = 40;

/// The commas tags are separated by: the Latin one, and those of Chinese, Japanese and
/// Arabic, as their keyboards type them.
pub const TAG_COMMAS: [char; 4] = [',', '，', '、', '،'];

/// Reads the tags field: tags separated by commas. Blank ones are skipped and one given
/// twice is kept once, as first written (but counts against [`MAX_TAGS`]).
pub fn parse_tags(errors: &mut FieldErrors, value: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    let mut given = 0;
    for part in value.split(TAG_COMMAS) {
        let Some(tag) = optional_text(errors, "tags", "A tag", part, MAX_TAG_CHARS) else {
            continue;
        };
        given += 1;
        let tag = tag.split_whitespace().collect::<Vec<_>>().join(" ");
        if !tags.iter().any(|kept| same_tag(kept, &tag)) {
            tags.push(tag);
        }
    }
    if given > MAX_TAGS {
        errors.add(
            "tags",
            format!("{given} tags: an entry may have {MAX_TAGS} at the most."),
        );
    }
    tags
}

/// Whether two tags are one: the same words in any case.
pub fn same_tag(a: &str, b: &str) -> bool {
    tag_key(a) == tag_key(b)
}

/// A tag as it is compared and written in the page for scripts: in lower case.
pub fn tag_key(tag: &str) -> String {
    tag.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(value: &str) -> Result<Vec<String>, FieldErrors> {
        let mut errors = FieldErrors::default();
        let tags = parse_tags(&mut errors, value);
        errors.into_result(tags)
    }

    #[test]
    fn tags_are_split_at_commas_and_kept_once() {
        assert_eq!(
            parsed(" Kursk ,G7   talks,, kursk ,").unwrap(),
            ["Kursk", "G7 talks"]
        );
        assert_eq!(parsed("").unwrap(), Vec::<String>::new());
        assert_eq!(parsed("港口，疏散").unwrap(), ["港口", "疏散"]);
        assert_eq!(parsed("الميناء، الإخلاء").unwrap(), ["الميناء", "الإخلاء"]);
        assert!(same_tag("Île-de-France", "ÎLE-DE-FRANCE"));
    }

    #[test]
    fn too_many_or_too_long_tags_are_refused() {
        let nine = (1..=9)
            .map(|n| format!("t{n}"))
            .collect::<Vec<_>>()
            .join(",");
        assert!(
            parsed(&nine)
                .unwrap_err()
                .get("tags")
                .unwrap()
                .contains("8")
        );
        let long = "x".repeat(MAX_TAG_CHARS + 1);
        assert!(parsed(&long).unwrap_err().get("tags").is_some());
        assert!(parsed("a\u{7}b").unwrap_err().get("tags").is_some());
    }
}
