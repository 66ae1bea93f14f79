//! What the compose page says after a change went through: one word in the address
//! (`?done=published`) that a redirect carries, and the sentence it stands for.

use axum::response::Redirect;

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
    /// A draft kept.
    Saved,
    /// A draft that was published or discarded already (a second click, a colleague).
    Gone,
}

impl Done {
    const ALL: [(&'static str, Done); 12] = [
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
        ("saved", Done::Saved),
        ("gone", Done::Gone),
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

    pub fn message(self) -> &'static str {
        match self {
            Done::Published => "Published. The form is ready for the next entry.",
            Done::Approved => "Approved and published.",
            Done::Corrected => "Correction saved.",
            Done::Marked => "Saved.",
            Done::Deleted => "Deleted.",
            Done::Submitted => "Sent for approval. An editor will publish it or send it back.",
            Done::Scheduled => "Scheduled. It is listed below until it publishes itself.",
            Done::Unscheduled => "Taken off the schedule; it is kept in your drafts.",
            Done::SentBack => "Sent back to its author with your note.",
            Done::Discarded => "Draft discarded.",
            Done::Saved => "Draft saved. Only you can see it until you submit or publish it.",
            Done::Gone => {
                "That draft is no longer there to act on: it was published, discarded or taken back by its author already. Nothing was published twice."
            }
        }
    }
}
