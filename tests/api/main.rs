//! One integration-test binary: each test starts the real server and uses it over HTTP.
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic is a failed test.

mod access;
mod auth;
mod bombs;
mod cluster;
mod cms;
mod commands;
mod corrections;
mod desk;
mod direct;
mod drafts;
mod durable;
mod editor;
mod embed;
mod feed;
mod hardening;
mod helpers;
mod history;
mod instances;
mod json_api;
mod languages;
mod live;
mod live_pages;
mod malformed;
mod metrics;
mod nginx;
mod openapi;
mod people;
mod postgres;
mod posts;
mod reader;
mod restore;
mod schedule;
mod share;
mod snippets;
mod uploads;
