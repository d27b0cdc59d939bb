//! Time enters the core only through a [`Clock`] handed in by the caller, so tests are
//! deterministic and no domain rule reads the system time behind the user's back.

use chrono::{DateTime, NaiveDate, Utc};

/// A source of "now".
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date where the user is: what "this month" and "late" are judged by.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
}

/// The real wall clock, for the shell and the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
}

/// A clock that always answers the same instant, for tests.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The one textual form of a timestamp stored in a plan file: RFC 3339, UTC, milliseconds.
/// Lexical order equals time order, which merging relies on.
pub(crate) fn stamp(clock: &dyn Clock) -> String {
    clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
