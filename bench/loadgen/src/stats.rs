//! Percentiles of durations, by the nearest-rank method.

use std::time::Duration;

/// Sorted durations, in nanoseconds.
pub struct Sample {
    sorted: Vec<u64>,
}

impl Sample {
    pub fn new(mut nanos: Vec<u64>) -> Sample {
        nanos.sort_unstable();
        Sample { sorted: nanos }
    }

    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// The `p`-th percentile (0 < p ≤ 100), or nothing for an empty sample.
    pub fn percentile(&self, p: f64) -> Option<Duration> {
        let n = self.sorted.len();
        if n == 0 {
            return None;
        }
        let rank = (p / 100.0 * n as f64).ceil().clamp(1.0, n as f64) as usize;
        Some(Duration::from_nanos(self.sorted[rank - 1]))
    }

    pub fn max(&self) -> Option<Duration> {
        self.sorted.last().copied().map(Duration::from_nanos)
    }
}

/// A duration in milliseconds, for the report; `null` in JSON when there is none.
pub fn ms(duration: Option<Duration>) -> Option<f64> {
    duration.map(|d| (d.as_secs_f64() * 1e6).round() / 1e3)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::Sample;

    #[test]
    fn nearest_rank_percentiles() {
        let sample = Sample::new((1..=100).rev().collect());
        assert_eq!(sample.percentile(50.0), Some(Duration::from_nanos(50)));
        assert_eq!(sample.percentile(99.0), Some(Duration::from_nanos(99)));
        assert_eq!(sample.percentile(100.0), Some(Duration::from_nanos(100)));
        assert_eq!(sample.max(), Some(Duration::from_nanos(100)));
        assert_eq!(
            Sample::new(vec![7]).percentile(1.0),
            Some(Duration::from_nanos(7))
        );
        assert_eq!(Sample::new(Vec::new()).percentile(50.0), None);
    }
}
