//! `renja`: the command line over renja-core, for batch work and scripts. It parses
//! arguments, calls the core, and prints; every rule and every message lives in the core, so
//! a bad file is refused here with the same words as in the app.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;

use clap::{Parser, Subcommand};

mod merge;
use renja_core::generate::{self, GenerateSpec};
use renja_core::report::{Kertas, PaketRequest, ReportFormat, ReportKind, ReportRequest, Urut};
use renja_core::{Error, ErrorKind, NewPlan, OpenMode, Plan, SystemClock, Template};

#[derive(Parser)]
#[command(
    name = "renja",
    version,
    about = "Renja RB: rencana kerja Reformasi Birokrasi"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new plan file (from the built-in template unless --empty).
    New {
        file: PathBuf,
        /// Start with no programs instead of the template.
        #[arg(long, conflicts_with = "contoh")]
        empty: bool,
        /// The living example: the template with a schedule, realisasi up to today, a team and
        /// generated evidence, marked CONTOH.
        #[arg(long)]
        contoh: bool,
        /// Plan year (default: the current year).
        #[arg(long)]
        tahun: Option<i32>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the plan's identity, schema version and counts.
    Info {
        file: PathBuf,
        /// Print a JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Validate a plan file completely without changing it.
    Check { file: PathBuf },
    /// Print the whole plan as JSON (see README).
    Dump { file: PathBuf },
    /// Write a synthetic plan of N tahapan, for benchmarks.
    Generate {
        file: PathBuf,
        /// Number of tahapan to write (at most 200000).
        #[arg(long)]
        tahapan: u32,
        /// Seed of the random choices; the same seed gives the same plan.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Plan year (default: the current year).
        #[arg(long)]
        tahun: Option<i32>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// Pieces of evidence (bukti dukung) to add, each with one file (at most 100000).
        #[arg(long, default_value_t = 0)]
        evidence: u32,
        /// Size of each evidence file in bytes (at most 300 MB; at most 20 GB in total).
        #[arg(long, default_value_t = 200_000)]
        evidence_bytes: u64,
        /// Record realisasi up to this month (1–12): most scheduled months done, some done
        /// late, some in progress, not carried out or not recorded.
        #[arg(long, value_name = "BULAN")]
        realisasi: Option<String>,
    },
    /// Write a report: rencana-aksi, bulanan, triwulan, tahunan, bukti, ringkasan or
    /// laporan-tahunan (the whole yearly document). The format (PDF, XLSX, or DOCX for
    /// laporan-tahunan; ringkasan: PDF only) follows the extension of OUT. The plan is only
    /// read.
    Report {
        /// rencana-aksi, bulanan, triwulan, tahunan, bukti, ringkasan or laporan-tahunan.
        kind: String,
        file: PathBuf,
        /// The report file to write (.pdf, .xlsx or .docx).
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Month 1–12 (required for bulanan; for ringkasan, default the current month).
        #[arg(long)]
        bulan: Option<String>,
        /// Quarter 1–4 (required for triwulan).
        #[arg(long)]
        triwulan: Option<String>,
        /// Only this program (its number).
        #[arg(long)]
        program: Option<String>,
        /// Paper size: a4 or f4 (Folio).
        #[arg(long, default_value = "a4")]
        kertas: String,
        /// Date above the signature, YYYY-MM-DD (default: today; for the Rencana Aksi, the
        /// date of the decree).
        #[arg(long)]
        tanggal: Option<String>,
        /// Order of the Daftar Bukti Dukung (bukti): program (default) or lke (by LKE area,
        /// indikator and butir).
        #[arg(long, default_value = "program")]
        urut: String,
    },
    /// Import a Rencana Aksi table (.xlsx, .ods, .csv, .txt) into a new plan, with the
    /// column mapping guessed from the header. The source file is only read.
    Import {
        /// The table to import.
        source: PathBuf,
        /// The new plan file to write (not needed with --dry-run).
        #[arg(short, long, value_name = "PLAN")]
        output: Option<PathBuf>,
        /// The sheet to read (default: the first sheet with a recognisable header).
        #[arg(long)]
        sheet: Option<String>,
        /// Plan year (default: the year in the sheet's title, else the current year).
        #[arg(long)]
        tahun: Option<i32>,
        /// Replace PLAN if it exists.
        #[arg(long)]
        force: bool,
        /// Only print the mapping and the counts; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print JSON (mapping, counts, skipped rows with numbers and reasons).
        #[arg(long)]
        json: bool,
    },
    /// Merge a colleague's copy THEIRS into the plan OURS (THEIRS is only read). With
    /// conflicts and no --prefer, nothing changes and the exit code is 3.
    Merge {
        ours: PathBuf,
        theirs: PathBuf,
        /// Only print what would change; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the change list as JSON.
        #[arg(long)]
        json: bool,
        /// Settle every conflict with ours or theirs.
        #[arg(long, value_name = "ours|theirs")]
        prefer: Option<String>,
        /// THEIRS has another plan code but is the same plan (e.g. started separately from
        /// the template): match rows by name.
        #[arg(long)]
        same_plan: bool,
    },
    /// Write the evidence package (ZIP): folders per program and kegiatan with every evidence
    /// file, and an index (XLSX and HTML). The plan is only read.
    ExportBukti {
        file: PathBuf,
        /// The ZIP file to write.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// Only evidence for this month (1–12).
        #[arg(long)]
        bulan: Option<String>,
        /// Only evidence for this quarter (1–4).
        #[arg(long)]
        triwulan: Option<String>,
        /// Only this program (its number).
        #[arg(long)]
        program: Option<String>,
    },
    /// Write the LKE package (ZIP): folders per LKE area / indikator / butir with the evidence
    /// answering each butir, and an index (XLSX and HTML) listing every butir, those without
    /// evidence as "belum ada". The plan is only read.
    ExportLke {
        file: PathBuf,
        /// The ZIP file to write.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
    },
}

/// Print `text` and a newline. A reader that stops early (`renja dump f | head`) is not an
/// error worth a panic.
fn out(text: &str) -> Result<(), Error> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::Internal(e.to_string())),
        _ => Ok(()),
    }
}

fn open_read_only(file: &std::path::Path) -> Result<Plan, Error> {
    Plan::open(file, OpenMode::ReadOnly, Arc::new(SystemClock))
}

/// A number given on the command line, or the Indonesian refusal `message`.
fn number<T: FromStr>(
    field: &'static str,
    value: Option<&str>,
    message: &str,
) -> Result<Option<T>, Error> {
    value
        .map(|v| {
            v.trim().parse().map_err(|_| Error::Invalid {
                field,
                reason: message.to_owned(),
            })
        })
        .transpose()
}

fn bulan(value: Option<&str>) -> Result<Option<u8>, Error> {
    number(
        "bulan",
        value,
        "Bulan harus berupa angka 1 (Januari) sampai 12 (Desember).",
    )
}

fn triwulan(value: Option<&str>) -> Result<Option<u8>, Error> {
    number(
        "triwulan",
        value,
        "Triwulan harus berupa angka 1 (I) sampai 4 (IV).",
    )
}

fn program(value: Option<&str>) -> Result<Option<u32>, Error> {
    number(
        "program",
        value,
        "Nomor program harus berupa angka, misalnya 1.",
    )
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// "12,3 MB", or "820 KB" below a megabyte.
fn megabytes(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB {
        format!("{:.1} MB", bytes as f64 / MB).replace('.', ",")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

fn json(value: &impl serde::Serialize) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Internal(e.to_string()))
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Merge {
            ours,
            theirs,
            dry_run,
            json,
            prefer,
            same_plan,
        } => {
            let args = merge::Args {
                ours: &ours,
                theirs: &theirs,
                dry_run,
                json,
                prefer: prefer.as_deref(),
                same_plan,
            };
            return merge::run(args, &out);
        }
        Command::New {
            file,
            empty,
            contoh,
            tahun,
            force,
        } => {
            use chrono::Datelike;
            let tahun = tahun.unwrap_or_else(|| chrono::Local::now().year());
            let template = if empty {
                Template::Empty
            } else {
                Template::Seed
            };
            let plan = if contoh {
                generate::contoh::contoh(&file, tahun, force, Arc::new(SystemClock))?
            } else {
                Plan::create(
                    &file,
                    NewPlan { template, tahun },
                    force,
                    Arc::new(SystemClock),
                )?
            };
            let t = plan.info()?.counts;
            out(&format!(
                "Rencana dibuat: {} ({} program, {} kegiatan, {} tahapan)",
                file.display(),
                t.programs,
                t.kegiatan,
                t.tahapan
            ))?;
            plan.close()
        }
        Command::Info {
            file,
            json: as_json,
        } => {
            let info = open_read_only(&file)?.info()?;
            if as_json {
                out(&json(&info)?)?;
            } else {
                let id = &info.identity;
                let c = &info.counts;
                let lines = [
                    format!("Berkas        : {}", info.path),
                    format!("Format        : {}", info.schema_version),
                    format!("Instansi      : {} — {}", id.instansi, id.pemerintah_daerah),
                    format!("Tahun         : {}", id.tahun),
                    format!(
                        "Keputusan     : {} ({})",
                        id.nomor_keputusan, id.tanggal_keputusan
                    ),
                    format!(
                        "Isi           : {} program, {} outcome, {} kegiatan, {} output, \
                         {} tahapan, {} anggota tim",
                        c.programs, c.outcomes, c.kegiatan, c.outputs, c.tahapan, c.anggota
                    ),
                ];
                out(&lines.join("\n"))?;
            }
            Ok(())
        }
        Command::Check { file } => {
            let report = renja_core::check_file(&file)?;
            let upgrade = if report.needs_upgrade {
                ", akan diperbarui saat dibuka"
            } else {
                ""
            };
            if let Some(recovery) = &report.recovery {
                out(recovery)?;
            }
            if !report.damaged_evidence.is_empty() {
                return Err(Error::DamagedEvidence {
                    path: report.path,
                    names: report.damaged_evidence,
                });
            }
            out(&format!(
                "Berkas baik: {} (format {}{upgrade}, {} bita)",
                report.path.display(),
                report.schema_version,
                report.bytes
            ))
        }
        Command::Dump { file } => out(&json(&open_read_only(&file)?.dump()?)?),
        Command::Generate {
            file,
            tahapan,
            seed,
            tahun,
            force,
            evidence,
            evidence_bytes,
            realisasi,
        } => {
            use chrono::Datelike;
            let realisasi = bulan(realisasi.as_deref())?;
            if realisasi.is_some_and(|b| !(1..=12).contains(&b)) {
                return Err(Error::Invalid {
                    field: "realisasi",
                    reason: "Bulan realisasi harus berupa angka 1 (Januari) sampai 12 (Desember)."
                        .to_owned(),
                });
            }
            let spec = GenerateSpec {
                tahapan,
                tahun: tahun.unwrap_or_else(|| chrono::Local::now().year()),
                seed,
                evidence,
                evidence_bytes,
                realisasi: realisasi.unwrap_or(0),
            };
            let plan = generate::generate(&file, &spec, force, Arc::new(SystemClock))?;
            let t = plan.info()?.counts;
            let mut bukti = if evidence == 0 {
                String::new()
            } else {
                format!(", {evidence} bukti dukung @ {evidence_bytes} byte")
            };
            if let Some(b) = realisasi {
                bukti.push_str(&format!(", realisasi s.d. bulan {b}"));
            }
            out(&format!(
                "Rencana sintetis dibuat: {} ({} program, {} outcome, {} kegiatan, {} output, \
                 {} tahapan{bukti})",
                file.display(),
                t.programs,
                t.outcomes,
                t.kegiatan,
                t.outputs,
                t.tahapan
            ))?;
            plan.close()
        }
        Command::Report {
            kind,
            file,
            output,
            bulan: b,
            triwulan: t,
            program: p,
            kertas,
            tanggal,
            urut,
        } => {
            let kind = ReportKind::from_code(kind.trim()).ok_or_else(|| Error::Invalid {
                field: "kind",
                reason: format!(
                    "Jenis laporan \"{kind}\" tidak dikenal. Pilih salah satu: {}.",
                    ReportKind::ALL.map(ReportKind::code).join(", ")
                ),
            })?;
            let format = ReportFormat::from_path(&output).ok_or_else(|| Error::Invalid {
                field: "output",
                reason: format!(
                    "Nama berkas laporan \"{}\" harus berakhiran .pdf, .xlsx atau .docx.",
                    name_of(&output)
                ),
            })?;
            let kertas = Kertas::from_code(kertas.trim()).ok_or_else(|| Error::Invalid {
                field: "kertas",
                reason: format!("Ukuran kertas \"{kertas}\" tidak dikenal. Pilih a4 atau f4."),
            })?;
            let urut = Urut::from_code(urut.trim()).ok_or_else(|| Error::Invalid {
                field: "urut",
                reason: format!("Urutan \"{urut}\" tidak dikenal. Pilih program atau lke."),
            })?;
            let request = ReportRequest {
                kind,
                bulan: bulan(b.as_deref())?,
                triwulan: triwulan(t.as_deref())?,
                program: program(p.as_deref())?,
                kertas,
                tanggal,
                urut,
            };
            open_read_only(&file)?.write_report(&request, format, &output)?;
            out(&format!("Laporan ditulis: {}", output.display()))
        }
        Command::Import {
            source,
            output,
            sheet,
            tahun,
            force,
            dry_run,
            json: as_json,
        } => import(
            &source,
            output.as_deref(),
            sheet.as_deref(),
            tahun,
            force,
            dry_run,
            as_json,
        ),
        Command::ExportBukti {
            file,
            output,
            bulan: b,
            triwulan: t,
            program: p,
        } => {
            let request = PaketRequest {
                bulan: bulan(b.as_deref())?,
                triwulan: triwulan(t.as_deref())?,
                program: program(p.as_deref())?,
            };
            let plan = open_read_only(&file)?;
            let summary = plan.export_bukti_package(&request, &output, &mut |_| {})?;
            out(&format!(
                "Paket bukti dukung ditulis: {} ({} bukti dukung, {} berkas, {})",
                output.display(),
                summary.bukti,
                summary.berkas,
                megabytes(summary.bytes)
            ))
        }
        Command::ExportLke { file, output } => {
            let plan = open_read_only(&file)?;
            let summary = plan.export_lke_package(&output, &mut |_| {})?;
            out(&format!(
                "Paket LKE ditulis: {} ({} bukti dukung, {} berkas, {})",
                output.display(),
                summary.bukti,
                summary.berkas,
                megabytes(summary.bytes)
            ))
        }
    }
    .map(|()| ExitCode::SUCCESS)
}

fn import(
    source: &Path,
    output: Option<&Path>,
    sheet: Option<&str>,
    tahun: Option<i32>,
    force: bool,
    dry_run: bool,
    as_json: bool,
) -> Result<(), Error> {
    use renja_core::import;
    let read = import::read_file(source)?;
    let (chosen, mapping) = match sheet {
        Some(name) => {
            let s = import::sheet(&read, name)?;
            (s, import::checked_mapping(&read.nama, s)?)
        }
        None => import::choose_sheet(&read)?,
    };
    let preview = import::build(chosen, &mapping)?;
    let summary = preview.summary();
    let lines = |written: Option<&Path>| {
        let mut lines = vec![
            match written {
                Some(p) => format!("Rencana dibuat: {}", p.display()),
                None => "Uji coba: tidak ada yang ditulis.".to_owned(),
            },
            format!(
                "Lembar \"{}\", judul kolom di baris {}: {} program, {} outcome, {} kegiatan, \
                 {} output, {} tahapan ({} terjadwal)",
                summary.sheet,
                summary.mapping.header_row,
                summary.programs,
                summary.outcomes,
                summary.kegiatan,
                summary.outputs,
                summary.tahapan,
                summary.scheduled_tahapan
            ),
        ];
        if !summary.skipped_rows.is_empty() {
            lines.push(format!("{} baris dilewati:", summary.skipped_rows.len()));
            for s in &summary.skipped_rows {
                lines.push(format!("  baris {}: {}", s.row, s.reason));
            }
        }
        lines.join("\n")
    };
    if dry_run {
        return if as_json {
            out(&json(&summary)?)
        } else {
            out(&lines(None))
        };
    }
    let output = output.ok_or_else(|| Error::Invalid {
        field: "output",
        reason: "Sebutkan berkas rencana yang akan dibuat dengan -o BERKAS.renjarb \
                 (atau pakai --dry-run untuk melihat hasilnya saja)."
            .to_owned(),
    })?;
    use chrono::Datelike;
    let tahun = tahun
        .or(preview.tahun)
        .unwrap_or_else(|| chrono::Local::now().year());
    let plan = Plan::create_imported(output, tahun, &preview, force, Arc::new(SystemClock))?;
    plan.close()?;
    if as_json {
        out(&json(&summary)?)
    } else {
        out(&lines(Some(output)))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // For the commands that take a period, a refused value is a usage error, like a bad
    // argument: exit 2, as clap does.
    let usage = matches!(
        cli.command,
        Command::Report { .. }
            | Command::ExportBukti { .. }
            | Command::ExportLke { .. }
            | Command::Import { .. }
            | Command::Merge { .. }
    );
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", e.message());
            match e.kind() {
                ErrorKind::BadFile | ErrorKind::NotFound => ExitCode::from(2),
                ErrorKind::Invalid if usage => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}
