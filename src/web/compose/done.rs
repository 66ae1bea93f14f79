//! What the compose page says after a change went through: one word in the address
//! (`?done=published`) that a redirect carries, and the sentence it stands for.

use axum::response::Redirect;

use crate::words::Words;

/// What the compose page says after a change went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Published,
    Approved,
    Corrected,
    Marked,
    Deleted,
    Submitted,
    Scheduled,
    Unscheduled,
    SentBack,
    Discarded,
    /// A reader's contribution set aside.
    SetAside,
    /// A draft kept.
    Saved,
    /// A draft that was published or discarded already (a second click, a colleague).
    Gone,
    /// The page's settings.
    SettingsSaved,
    /// A deleted entry put back.
    Restored,
}

impl Done {
    const ALL: [(&'static str, Done); 15] = [
        ("published", Done::Published),
        ("approved", Done::Approved),
        ("corrected", Done::Corrected),
        ("marked", Done::Marked),
        ("deleted", Done::Deleted),
        ("submitted", Done::Submitted),
        ("scheduled", Done::Scheduled),
        ("unscheduled", Done::Unscheduled),
        ("sent-back", Done::SentBack),
        ("discarded", Done::Discarded),
        ("set-aside", Done::SetAside),
        ("saved", Done::Saved),
        ("gone", Done::Gone),
        ("settings-saved", Done::SettingsSaved),
        ("restored", Done::Restored),
    ];

    pub fn parse(value: &str) -> Option<Done> {
        Done::ALL.iter().find(|(k, _)| *k == value).map(|(_, d)| *d)
    }

    pub fn key(self) -> &'static str {
        Done::ALL
            .iter()
            .find(|(_, d)| *d == self)
            .map(|(k, _)| *k)
            .expect("every outcome has a key")
    }

    /// The compose page after this, for a redirect.
    pub fn to(self, slug: &str) -> Redirect {
        Redirect::to(&format!("/editor/live/{slug}?done={}", self.key()))
    }

    /// The key of what the page says, in the newsroom's catalogue.
    pub fn message_key(self) -> &'static str {
        match self {
            Done::Published => "done-published",
            Done::Approved => "done-approved",
            Done::Corrected => "done-corrected",
            Done::Marked => "done-marked",
            Done::Deleted => "done-deleted",
            Done::Submitted => "done-submitted",
            Done::Scheduled => "done-scheduled",
            Done::Unscheduled => "done-unscheduled",
            Done::SentBack => "done-sent-back",
            Done::Discarded => "done-discarded",
            Done::SetAside => "done-set-aside",
            Done::Saved => "done-saved",
            Done::Gone => "done-gone",
            Done::SettingsSaved => "done-settings-saved",
            Done::Restored => "done-restored",
        }
    }

    /// What the page says, in `words`.
    pub fn message(self, words: &Words) -> String {
        words.get(self.message_key())
    }
}
