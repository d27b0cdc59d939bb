//! Randomness without a dependency (splitmix64), seeded from `--seed` so that a run's choices
//! of delays, syscalls and open modes can be replayed. Not for anything but picking.

pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// One of `counts` (name, count), more likely the more calls it has (weight √count, so
    /// a syscall made once is still picked now and then), and a call number in 1..=count.
    pub fn pick(&mut self, counts: &[(String, u64)]) -> (String, u64, u64) {
        let weights: Vec<f64> = counts.iter().map(|(_, c)| (*c as f64).sqrt()).collect();
        let mut r = (self.next() >> 11) as f64 / (1u64 << 53) as f64 * weights.iter().sum::<f64>();
        let mut chosen = counts.len() - 1;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                chosen = i;
                break;
            }
            r -= w;
        }
        let (name, count) = counts[chosen].clone();
        let when = 1 + self.below(count);
        (name, when, count)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
