//! How far adding evidence files has got, for a progress bar: files of up to 300 MB take
//! seconds to hash and store.
//!
//! Progress is counted in bytes of the files being added, over all files of one request, so
//! the bar ends exactly at the files' total size. Each file's bytes pass three times through
//! `berkas::store` (hashed to find duplicates, copied in while hashed again, read back and
//! hashed before commit); each pass counts as a third of the file, so the bar moves through
//! all of them instead of stopping while one runs. A file whose contents are already in the
//! plan is only hashed; the rest of its share is counted when it is found.
//!
//! The callback is called whenever `done` grows (every chunk of about 1 MiB) and once at the
//! start with `done` 0: callers that show it throttle it themselves.

use serde::Serialize;
use ts_rs::TS;

/// How far adding evidence files has got, in bytes of the files being added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct BuktiProgress {
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// The passes each file's bytes make through `berkas::store`.
const PASSES: u64 = 3;

/// The running count of one request, told to the caller's callback.
pub(crate) struct Progress<'a> {
    total: u64,
    /// Bytes of the files already stored.
    finished: u64,
    /// The expected size of the file being stored.
    current: u64,
    /// Bytes moved so far by the passes over the file being stored.
    passed: u64,
    /// The last `done` told.
    told: u64,
    report: &'a mut dyn FnMut(BuktiProgress),
}

impl<'a> Progress<'a> {
    /// Start counting towards `total` bytes (the sizes of all files of the request), telling
    /// the callback `done` 0 at once.
    pub(crate) fn start(total: u64, report: &'a mut dyn FnMut(BuktiProgress)) -> Self {
        report(BuktiProgress { done: 0, total });
        Progress {
            total,
            finished: 0,
            current: 0,
            passed: 0,
            told: 0,
            report,
        }
    }

    /// The next file, expected to be `size` bytes (its size when the request was counted).
    pub(crate) fn begin_file(&mut self, size: u64) {
        self.current = size;
        self.passed = 0;
    }

    /// `n` more bytes moved by one of the passes over the current file.
    pub(crate) fn advance(&mut self, n: u64) {
        self.passed = self.passed.saturating_add(n);
        self.tell();
    }

    /// The current file is stored (or found already stored): its whole share is done.
    pub(crate) fn end_file(&mut self) {
        self.finished = self.finished.saturating_add(self.current);
        self.current = 0;
        self.passed = 0;
        self.tell();
    }

    fn tell(&mut self) {
        // A file that grew since it was counted cannot push the bar past its share, nor the
        // whole past `total`; it is refused as changed anyway.
        let file = (self.passed / PASSES).min(self.current);
        let done = (self.finished + file).min(self.total);
        if done > self.told {
            self.told = done;
            (self.report)(BuktiProgress {
                done,
                total: self.total,
            });
        }
    }
}

/// A reader that counts what passes through it into [`Progress`].
pub(crate) struct Counted<'p, 'a, R> {
    pub(crate) inner: R,
    pub(crate) progress: &'p mut Progress<'a>,
}

impl<R: std::io::Read> std::io::Read for Counted<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(total: u64, steps: impl FnOnce(&mut Progress<'_>)) -> Vec<u64> {
        let mut seen = Vec::new();
        let mut report = |p: BuktiProgress| {
            assert_eq!(p.total, total);
            seen.push(p.done);
        };
        let mut progress = Progress::start(total, &mut report);
        steps(&mut progress);
        seen
    }

    #[test]
    fn each_pass_counts_a_third_and_a_file_ends_at_its_size() {
        let seen = run(10, |p| {
            p.begin_file(10);
            for _ in 0..3 {
                p.advance(5);
                p.advance(5);
            }
            p.end_file();
        });
        assert_eq!(seen, vec![0, 1, 3, 5, 6, 8, 10]);
    }

    #[test]
    fn a_file_found_stored_jumps_to_its_share() {
        let seen = run(30, |p| {
            p.begin_file(10);
            p.advance(10);
            p.end_file();
            p.begin_file(20);
            p.advance(20);
            p.advance(20);
            p.advance(20);
            p.end_file();
        });
        assert_eq!(seen, vec![0, 3, 10, 16, 23, 30]);
    }

    #[test]
    fn a_file_that_grew_stays_within_its_share_and_the_total() {
        let seen = run(10, |p| {
            p.begin_file(10);
            p.advance(100);
            p.end_file();
            p.begin_file(0);
            p.advance(50);
            p.end_file();
        });
        assert_eq!(seen, vec![0, 10]);
    }
}
