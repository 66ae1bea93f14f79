//! Plain newsroom prose of a chosen length, the same for the same seed: the filler that
//! makes a benchmark's events and entries about the size of real ones.

const WORDS: &[&str] = &[
    "storm",
    "coast",
    "river",
    "bridge",
    "council",
    "residents",
    "emergency",
    "services",
    "flooding",
    "warning",
    "evacuation",
    "shelter",
    "power",
    "outage",
    "roads",
    "closed",
    "rain",
    "wind",
    "gusts",
    "tide",
    "harbour",
    "ferry",
    "crossing",
    "school",
    "hospital",
    "ambulance",
    "firefighters",
    "police",
    "mayor",
    "minister",
    "spokesperson",
    "statement",
    "update",
    "morning",
    "afternoon",
    "evening",
    "overnight",
    "hours",
    "minutes",
    "people",
    "families",
    "homes",
    "streets",
    "district",
    "village",
    "town",
    "city",
    "region",
    "north",
    "south",
    "east",
    "west",
    "water",
    "levels",
    "rising",
    "falling",
    "expected",
    "reported",
    "confirmed",
    "according",
    "officials",
    "forecast",
    "meteorologists",
    "volunteers",
    "sandbags",
    "trains",
    "cancelled",
    "delayed",
    "airport",
    "flights",
    "crews",
    "repair",
    "damage",
    "trees",
    "fallen",
    "lines",
    "network",
    "supply",
    "drinking",
    "advice",
    "stay",
    "indoors",
    "travel",
    "only",
    "necessary",
    "caution",
    "area",
    "between",
    "after",
    "before",
    "during",
    "while",
    "still",
    "again",
    "already",
    "about",
    "around",
    "more",
    "than",
    "fewer",
    "several",
    "many",
    "most",
    "some",
    "local",
    "national",
    "regional",
    "agency",
    "response",
    "team",
    "teams",
    "rescue",
    "boats",
    "helicopter",
    "search",
    "missing",
    "safe",
    "injured",
    "treated",
    "released",
    "count",
    "figures",
    "latest",
    "earlier",
    "later",
    "today",
    "tonight",
    "tomorrow",
    "week",
    "return",
    "reopen",
    "schools",
    "businesses",
    "shops",
    "market",
    "square",
    "quay",
    "embankment",
    "dyke",
    "pumping",
    "station",
    "engineers",
    "inspect",
    "structure",
    "safety",
    "checks",
];

/// A small, fast, seeded generator: enough to vary the prose, nothing more.
pub struct Prose {
    state: u64,
}

impl Prose {
    pub fn new(seed: u64) -> Prose {
        Prose {
            state: seed ^ 0x9E37_79B9_7F4A_7C15,
        }
    }

    fn next(&mut self, below: usize) -> usize {
        // SplitMix64.
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        let below = u64::try_from(below.max(1)).unwrap_or(u64::MAX);
        usize::try_from(z % below).unwrap_or(0)
    }

    fn word(&mut self) -> &'static str {
        WORDS[self.next(WORDS.len())]
    }

    /// A sentence of a few words, capitalised, ending with a full stop.
    pub fn sentence(&mut self) -> String {
        let count = 6 + self.next(12);
        let mut sentence = String::new();
        for i in 0..count {
            let word = self.word();
            if i == 0 {
                let mut letters = word.chars();
                if let Some(first) = letters.next() {
                    sentence.extend(first.to_uppercase());
                    sentence.push_str(letters.as_str());
                }
            } else {
                sentence.push(' ');
                sentence.push_str(word);
            }
        }
        sentence.push('.');
        sentence
    }

    /// Sentences on one line, cut to exactly `bytes` bytes (ASCII throughout).
    pub fn line(&mut self, bytes: usize) -> String {
        let mut text = String::with_capacity(bytes + 120);
        while text.len() < bytes {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&self.sentence());
        }
        text.truncate(bytes);
        text
    }

    /// A title of about `words` words, without a full stop.
    pub fn title(&mut self, words: usize) -> String {
        let mut sentence = self.sentence();
        sentence.pop();
        sentence
            .split(' ')
            .take(words.max(1))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// One item of a short list.
    pub fn phrase(&mut self) -> String {
        let count = 3 + self.next(5);
        (0..count)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::Prose;

    #[test]
    fn lines_have_the_length_asked_for() {
        let mut prose = Prose::new(1);
        for bytes in [0, 1, 50, 1500, 4000] {
            assert_eq!(prose.line(bytes).len(), bytes);
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_prose() {
        assert_eq!(Prose::new(7).line(300), Prose::new(7).line(300));
        assert_ne!(Prose::new(7).line(300), Prose::new(8).line(300));
    }
}
