//! The index of the package as one self-contained HTML page, for an assessor without a
//! spreadsheet program: open it from the extracted folder and click through to each file.
//! No scripts, nothing remote (a CSP forbids both), styles inline, every user text escaped,
//! every link a relative, percent-encoded path inside the package.

use std::fmt::Write;

use chrono::NaiveDate;

use super::contents::{Berkas, Entry, Paket};
use super::index::keterangan;
use super::links::href;
use crate::report::daftar_bukti::ukuran;

/// `text` safe to place in HTML text and in quoted attribute values.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub(super) const STYLE: &str = "body{font-family:system-ui,'Segoe UI',Arial,sans-serif;margin:2em;color:#1a1a1a}\
h1{font-size:1.4em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em}\
h3{font-size:1em;margin:1.2em 0 .4em}p{margin:.2em 0}\
table{border-collapse:collapse;width:100%;font-size:.9em}\
th,td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left}\
th{background:#d9e2f3}td.n{white-space:nowrap}td.r{text-align:right;white-space:nowrap}\
code{font-size:.8em;word-break:break-all;color:#555}";

/// The start of an index page up to its table: the head (no scripts, nothing remote: a CSP
/// forbids both), [`STYLE`] and `more_style`, the title as heading, the lines above the table.
pub(super) fn page_start(
    title: &str,
    more_style: &str,
    lines: impl IntoIterator<Item = String>,
) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'\">\n<meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\">\n",
    );
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>{STYLE}{more_style}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    for line in lines {
        let _ = writeln!(out, "<p>{}</p>", escape(&line));
    }
    out
}

/// A file's cells in an index row, escaped: its link (the name, the path under it), its size
/// and its SHA-256; "(tanpa berkas)" for evidence without a file.
pub(super) fn berkas_cells(berkas: Option<&Berkas>) -> (String, String, &str) {
    match berkas {
        Some(f) => (
            format!(
                "<a href=\"{}\">{}</a><br><code>{}</code>",
                escape(&href(&f.path)),
                escape(&f.nama),
                escape(&f.path)
            ),
            escape(&ukuran(f.size)),
            f.sha256.as_str(),
        ),
        None => ("<em>(tanpa berkas)</em>".to_owned(), String::new(), ""),
    }
}

fn row(out: &mut String, b: &Entry) {
    let (berkas, size, sha) = berkas_cells(b.berkas.as_ref());
    let _ = writeln!(
        out,
        "<tr><td class=\"n\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
         <td class=\"n\">{}</td><td>{}</td><td>{}</td><td class=\"r\">{}</td>\
         <td><code>{}</code></td></tr>",
        escape(&b.nomor),
        escape(&b.tahapan),
        escape(&b.judul),
        escape(b.jenis),
        escape(&b.nomor_dokumen),
        escape(&b.tanggal),
        escape(&b.bulan),
        berkas,
        size,
        escape(sha),
    );
}

const HEAD: &str = "<table>\n<thead><tr><th>No</th><th>Tahapan</th><th>Judul</th><th>Jenis</th>\
<th>Nomor Dokumen</th><th>Tanggal</th><th>Bulan</th><th>Berkas</th><th>Ukuran</th>\
<th>SHA-256</th></tr></thead>\n<tbody>\n";

pub(super) fn html(paket: &Paket, today: NaiveDate) -> String {
    let mut out = page_start("Daftar Bukti Dukung", "", keterangan(paket, today));
    let (mut program, mut kegiatan) = (None, None);
    for b in &paket.entries {
        if program != Some(&b.program) {
            if program.is_some() {
                out.push_str("</tbody>\n</table>\n");
            }
            let _ = writeln!(out, "<h2>{}</h2>", escape(&b.program));
            program = Some(&b.program);
            kegiatan = None;
        }
        if kegiatan != Some(&b.kegiatan) {
            if kegiatan.is_some() {
                out.push_str("</tbody>\n</table>\n");
            }
            let _ = writeln!(out, "<h3>{}</h3>", escape(&b.kegiatan));
            out.push_str(HEAD);
            kegiatan = Some(&b.kegiatan);
        }
        row(&mut out, b);
    }
    if program.is_some() {
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
    }
}
