//! liveblog: a web server that hosts live pages, the rolling coverage a newsroom runs
//! during a breaking story.
//!
//! A change travels one way: `web` (a form or the API) hands it to the `newsroom`,
//! which checks it against the `domain` rules, commits it to the `store`, puts it in
//! the `read_model` and sends it through the `live` hub. With several instances,
//! `sync` brings the others' changes in the same way.
//!
//! One word for each idea: a **live page** is the coverage of one story (`domain::Blog`
//! as it is kept, `read_model::LivePage` as it is served); its **stream** is its entries
//! in reading order, shown twenty to a **stream page** (`?page=N`). An **entry** is one
//! post; `EntryContent` is what an entry says once every rule is checked; a **draft**
//! is an entry not yet published (written, submitted for approval, sent back, or
//! scheduled). A **change** is one committed step in a live page's change log, with the
//! page's next sequence number (`Seq`); a browser that reconnects is sent its
//! **backlog**, the changes it missed; an instance that hears of changes made on
//! another **catches up** from the change log.
//!
//! The modules, each in a line:

/// Accounts, passwords and sign-in sessions.
pub mod accounts;
/// How many readers have each live page open, on every instance.
pub mod audience;
/// `liveblog backup` and `restore`: everything, in a folder, and back.
pub mod backup;
/// What each command of the command line does.
pub mod commands;
/// The command line and environment.
pub mod config;
/// What readers send through a page's callout, for the desk.
pub mod contributions;
/// The demo live page an empty store starts with.
pub mod demo;
/// Live pages, entries, bylines and the rules they follow; Markdown and times.
pub mod domain;
/// `liveblog export` and `import`: the whole record as JSON.
pub mod dump;
/// Readers over the day, and each entry's views and shares, for the desk.
pub mod figures;
/// The entry and summary HTML, rendered once per change.
pub mod fragments;
/// The headers every answer carries, from the HTTP stack and the direct writers alike.
pub mod headers;
/// Accepts connections; sends event streams straight to the live hub's writers.
pub mod listener;
/// One broadcast channel per live page, with replay for reconnecting browsers, and
/// the writers that send each event to every subscriber.
pub mod live;
/// Uploaded images, kept by content hash.
pub mod media;
/// The one door every change goes through, drafts and the approval queue included.
pub mod newsroom;
/// A shared post's author and title, asked of its platform.
pub mod oembed;
/// Caps per client address on live streams and connections.
pub mod per_address;
/// Readers' votes in polls, and their counts kept moving on every page.
pub mod polls;
/// Who has which entry open for correcting.
pub mod presence;
/// Web Push: key events sent to the browsers that asked.
pub mod push;
/// Every live page in memory, ready to serve.
pub mod read_model;
/// Entries scheduled to publish themselves, published at their time.
pub mod schedule;
/// Builds the whole server from its settings; used by `main` and by the tests.
pub mod server;
/// HMAC-SHA256 for cookies and webhooks.
pub mod signing;
/// The durable record: one SQL store for SQLite and PostgreSQL, a file per area.
pub mod store;
/// With several instances on one PostgreSQL: following the others' changes.
pub mod sync;
/// Sign-in failures counted per account and per address.
pub mod throttle;
/// Routes, handlers, templates and the middleware stack.
pub mod web;
/// Every change POSTed, signed, to the addresses an admin registers.
pub mod webhooks;
/// The words of every page in its language: catalogues, dates and numbers.
pub mod words;
