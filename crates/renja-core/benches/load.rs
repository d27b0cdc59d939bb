//! Load time of a plan in the core: open (header check, quick_check, schema check), the
//! overview and the grid's rows, i.e. everything the first screen needs from the file.
//! `cargo bench -p renja-core --bench load` prints the median of repeated runs.

use std::sync::Arc;
use std::time::{Duration, Instant};

use renja_core::generate::{GenerateSpec, generate};
use renja_core::{OpenMode, Plan, SystemClock};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    println!(
        "{:>8} {:>10} {:>12} {:>12} {:>12} {:>10}",
        "tahapan", "file KB", "open ms", "overview ms", "grid ms", "grid KB"
    );
    for n in [106u32, 1_000, 10_000] {
        let path = dir.path().join(format!("plan-{n}.renjarb"));
        let spec = GenerateSpec {
            tahapan: n,
            tahun: 2026,
            seed: 7,
            evidence: 0,
            evidence_bytes: 0,
            realisasi: 0,
        };
        generate(&path, &spec, true, Arc::new(SystemClock))
            .expect("generate")
            .close()
            .expect("close");
        let size = std::fs::metadata(&path).expect("size").len() / 1024;
        let (mut open, mut overview, mut grid) = (Vec::new(), Vec::new(), Vec::new());
        let mut json = 0;
        for _ in 0..15 {
            let t = Instant::now();
            let plan = Plan::open(&path, OpenMode::Edit, Arc::new(SystemClock)).expect("open");
            open.push(t.elapsed());
            let t = Instant::now();
            std::hint::black_box(plan.overview().expect("overview"));
            overview.push(t.elapsed());
            let t = Instant::now();
            let g = plan.grid().expect("grid");
            grid.push(t.elapsed());
            json = serde_json::to_vec(&g).expect("json").len() / 1024;
            plan.close().expect("close");
        }
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{n:>8} {size:>10} {:>12.2} {:>12.2} {:>12.2} {json:>10}",
            ms(median(open)),
            ms(median(overview)),
            ms(median(grid))
        );
    }
}
