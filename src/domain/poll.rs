//! A poll an entry carries: a question, two to six answers, open until a time after
//! the entry was published or until an editor closes it. Readers' votes are counted in
//! the store (`store::polls`); the counts shown are the latest the page was given.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::errors::{FieldErrors, optional_text};

/// The most characters of a poll's question.
pub const MAX_POLL_QUESTION_CHARS: usize = 200;
/// The most characters of one answer.
pub const MAX_POLL_ANSWER_CHARS: usize = 100;
/// The fewest and most answers a poll offers.
pub const MIN_POLL_ANSWERS: usize = 2;
pub const MAX_POLL_ANSWERS: usize = 6;
/// The longest a poll may stay open by itself: a week.
pub const MAX_POLL_OPEN_MINUTES: u32 = 7 * 24 * 60;

/// An entry's poll.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Poll {
    pub question: String,
    /// In the order readers see them; a vote names an answer by its place here.
    pub answers: Vec<String>,
    /// Minutes after the entry's publication when voting ends by itself; `None`: open
    /// until an editor closes it.
    pub open_minutes: Option<u32>,
    /// When an editor closed it.
    #[serde(default)]
    pub closed_at: Option<DateTime<Utc>>,
    /// The votes for each answer as last counted, in `answers`' order (empty before
    /// any count): read from the store with the entry, never kept in its row.
    #[serde(skip)]
    pub counts: Vec<u64>,
}

impl Poll {
    /// When voting ends by itself, for an entry published at `published_at`.
    pub fn closes_at(&self, published_at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.open_minutes
            .map(|minutes| published_at + Duration::minutes(i64::from(minutes)))
    }

    /// Whether readers may vote at `now`.
    pub fn is_open(&self, published_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        self.closed_at.is_none() && self.closes_at(published_at).is_none_or(|at| now < at)
    }

    /// The votes for answer `n`, as last counted.
    pub fn count(&self, n: usize) -> u64 {
        self.counts.get(n).copied().unwrap_or(0)
    }

    pub fn total(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// Answer `n`'s share of the votes, in whole percent (0 before any vote).
    pub fn percent(&self, n: usize) -> u64 {
        match self.total() {
            0 => 0,
            total => (self.count(n) * 100 + total / 2) / total,
        }
    }
}

/// Reads the poll fields of a form: a question and answers (one per line), and how
/// long it stays open. All empty means no poll.
pub fn parse_poll(
    errors: &mut FieldErrors,
    question: &str,
    answers: &str,
    open_minutes: &str,
) -> Option<Poll> {
    let lines: Vec<&str> = answers
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let question = optional_text(
        errors,
        "poll_question",
        "The poll's question",
        question,
        MAX_POLL_QUESTION_CHARS,
    );
    let open_minutes = match open_minutes.trim() {
        "" => None,
        minutes => match minutes.parse::<u32>() {
            Ok(minutes) if (1..=MAX_POLL_OPEN_MINUTES).contains(&minutes) => Some(minutes),
            _ => {
                errors.add(
                    "poll_open_minutes",
                    format!(
                        "How long the poll stays open is a number of minutes from 1 to {MAX_POLL_OPEN_MINUTES}."
                    ),
                );
                None
            }
        },
    };
    let Some(question) = question else {
        if !lines.is_empty() {
            errors.add("poll_question", "A poll with answers needs a question.");
        }
        return None;
    };
    if !(MIN_POLL_ANSWERS..=MAX_POLL_ANSWERS).contains(&lines.len()) {
        errors.add(
            "poll_answers",
            format!(
                "A poll has {MIN_POLL_ANSWERS} to {MAX_POLL_ANSWERS} answers, one per line; this one has {}.",
                lines.len()
            ),
        );
    }
    let mut kept: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        let mut problems = FieldErrors::default();
        let answer = optional_text(
            &mut problems,
            "poll_answers",
            "An answer",
            line,
            MAX_POLL_ANSWER_CHARS,
        );
        errors.merge(problems);
        if let Some(answer) = answer {
            if kept
                .iter()
                .any(|other| other.to_lowercase() == answer.to_lowercase())
            {
                errors.add(
                    "poll_answers",
                    format!("\u{201c}{answer}\u{201d} is there twice."),
                );
            }
            kept.push(answer);
        }
    }
    Some(Poll {
        question,
        answers: kept,
        open_minutes,
        closed_at: None,
        counts: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(question: &str, answers: &str, minutes: &str) -> Result<Option<Poll>, FieldErrors> {
        let mut errors = FieldErrors::default();
        let poll = parse_poll(&mut errors, question, answers, minutes);
        errors.into_result(poll)
    }

    #[test]
    fn a_question_with_answers_one_per_line_is_a_poll() {
        let poll = parse("Who wins?", "Red\r\n\r\n  Blue \n", "30")
            .expect("a good poll")
            .expect("a poll");
        assert_eq!(poll.answers, ["Red", "Blue"]);
        assert_eq!(poll.open_minutes, Some(30));
        assert_eq!(parse("", "", "").expect("no poll"), None);
    }

    #[test]
    fn each_problem_is_named_by_its_field() {
        let errors = parse("Who?", "Only one", "").expect_err("one answer");
        assert!(errors.get("poll_answers").is_some());
        let errors = parse("", "Red\nBlue", "").expect_err("no question");
        assert!(errors.get("poll_question").is_some());
        let errors = parse("Who?", "Red\nred", "").expect_err("the same twice");
        assert!(
            errors
                .get("poll_answers")
                .is_some_and(|m| m.contains("twice"))
        );
        let errors = parse("Who?", "A\nB\nC\nD\nE\nF\nG", "").expect_err("seven");
        assert!(errors.get("poll_answers").is_some());
        let errors = parse("Who?", "A\nB", "0").expect_err("no time");
        assert!(errors.get("poll_open_minutes").is_some());
    }

    #[test]
    fn shares_are_whole_percents_of_the_votes_counted() {
        let poll = Poll {
            question: "Q".into(),
            answers: vec!["A".into(), "B".into(), "C".into()],
            open_minutes: Some(10),
            closed_at: None,
            counts: vec![1, 1, 1],
        };
        assert_eq!((poll.percent(0), poll.total()), (33, 3));
        let published = DateTime::<Utc>::UNIX_EPOCH;
        assert!(poll.is_open(published, published + Duration::minutes(9)));
        assert!(!poll.is_open(published, published + Duration::minutes(10)));
    }
}
