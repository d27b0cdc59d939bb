//! Rules for the plan identity as the user types it: trimmed text within its length limit
//! (see `limits`), a sensible year, a real date, NIPs of 18 digits. Each refusal names the
//! field so the form can show it in place.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::limits::{self, MAX_ALAMAT, MAX_IDENTITAS as MAX};
use crate::model::PlanIdentity;

pub const TAHUN_MIN: i32 = 2000;
pub const TAHUN_MAX: i32 = 2100;

pub(crate) fn check_tahun(tahun: i32) -> Result<i32> {
    if (TAHUN_MIN..=TAHUN_MAX).contains(&tahun) {
        Ok(tahun)
    } else {
        Err(Error::invalid(
            "tahun",
            format!("Tahun harus di antara {TAHUN_MIN} dan {TAHUN_MAX}."),
        ))
    }
}

/// A text as typed: trimmed, at most `max` characters, line breaks and tabs the only control
/// characters.
pub(crate) fn text(field: &'static str, label: &str, value: &str, max: usize) -> Result<String> {
    let value = value.trim();
    limits::text(field, label, value, max)?;
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(Error::invalid(
            field,
            format!("{label} berisi karakter yang tidak sah."),
        ));
    }
    Ok(value.to_owned())
}

/// A NIP is 18 digits; people write it with spaces ("19700101 199003 1 001").
pub(crate) fn nip(field: &'static str, value: &str) -> Result<String> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() || (digits.len() == 18 && digits.chars().all(|c| c.is_ascii_digit())) {
        Ok(digits)
    } else {
        Err(Error::invalid(field, "NIP harus terdiri dari 18 angka."))
    }
}

fn tanggal(value: &str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() || NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok() {
        Ok(value.to_owned())
    } else {
        Err(Error::invalid(
            "tanggal_keputusan",
            "Tanggal keputusan tidak valid.",
        ))
    }
}

/// Check and tidy an identity before it is stored.
pub(crate) fn normalize(id: &PlanIdentity) -> Result<PlanIdentity> {
    let email = text("email", "Email", &id.email, MAX)?;
    if !email.is_empty()
        && !email
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
    {
        return Err(Error::invalid("email", "Alamat email tidak valid."));
    }
    Ok(PlanIdentity {
        pemerintah_daerah: text(
            "pemerintah_daerah",
            "Pemerintah daerah",
            &id.pemerintah_daerah,
            MAX,
        )?,
        instansi: text("instansi", "Instansi", &id.instansi, MAX)?,
        unit_kerja: text("unit_kerja", "Unit kerja", &id.unit_kerja, MAX)?,
        alamat: text("alamat", "Alamat", &id.alamat, MAX_ALAMAT)?,
        telepon: text("telepon", "Telepon", &id.telepon, MAX)?,
        email,
        laman: text("laman", "Laman", &id.laman, MAX)?,
        kode_pos: text("kode_pos", "Kode pos", &id.kode_pos, MAX)?,
        tahun: check_tahun(id.tahun)?,
        nomor_keputusan: text(
            "nomor_keputusan",
            "Nomor keputusan",
            &id.nomor_keputusan,
            MAX,
        )?,
        tanggal_keputusan: tanggal(&id.tanggal_keputusan)?,
        tempat_penetapan: text(
            "tempat_penetapan",
            "Tempat penetapan",
            &id.tempat_penetapan,
            MAX,
        )?,
        kepala_nama: text("kepala_nama", "Nama kepala", &id.kepala_nama, MAX)?,
        kepala_nip: nip("kepala_nip", &id.kepala_nip)?,
        kepala_pangkat: text(
            "kepala_pangkat",
            "Pangkat/golongan kepala",
            &id.kepala_pangkat,
            MAX,
        )?,
        ketua_nama: text("ketua_nama", "Nama ketua Tim RB", &id.ketua_nama, MAX)?,
        ketua_nip: nip("ketua_nip", &id.ketua_nip)?,
        ketua_pangkat: text(
            "ketua_pangkat",
            "Pangkat/golongan ketua Tim RB",
            &id.ketua_pangkat,
            MAX,
        )?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn field_of(e: Error) -> &'static str {
        assert_eq!(e.kind(), ErrorKind::Invalid);
        match e {
            Error::Invalid { field, .. } => field,
            _ => unreachable!(),
        }
    }

    #[test]
    fn tidies_and_accepts_spaced_nip() {
        let id = PlanIdentity {
            instansi: "  Dinas Perkebunan ".into(),
            tahun: 2024,
            kepala_nip: "19700101 199003 1 001".into(),
            tanggal_keputusan: "2023-12-01".into(),
            ..Default::default()
        };
        let n = normalize(&id).expect("valid");
        assert_eq!(n.instansi, "Dinas Perkebunan");
        assert_eq!(n.kepala_nip, "197001011990031001");
    }

    #[test]
    fn refuses_each_bad_field_by_name() {
        let base = PlanIdentity {
            tahun: 2024,
            ..Default::default()
        };
        let cases: Vec<(PlanIdentity, &str)> = vec![
            (
                PlanIdentity {
                    tahun: 1999,
                    ..base.clone()
                },
                "tahun",
            ),
            (
                PlanIdentity {
                    kepala_nip: "12345".into(),
                    ..base.clone()
                },
                "kepala_nip",
            ),
            (
                PlanIdentity {
                    ketua_nip: "19700101199003100X".into(),
                    ..base.clone()
                },
                "ketua_nip",
            ),
            (
                PlanIdentity {
                    tanggal_keputusan: "2023-02-30".into(),
                    ..base.clone()
                },
                "tanggal_keputusan",
            ),
            (
                PlanIdentity {
                    email: "bukan-email".into(),
                    ..base.clone()
                },
                "email",
            ),
            (
                PlanIdentity {
                    instansi: "x".repeat(501),
                    ..base.clone()
                },
                "instansi",
            ),
            (
                PlanIdentity {
                    ketua_pangkat: "x".repeat(501),
                    ..base.clone()
                },
                "ketua_pangkat",
            ),
            (
                PlanIdentity {
                    alamat: "Jl.\u{0}Raya".into(),
                    ..base.clone()
                },
                "alamat",
            ),
        ];
        for (id, want) in cases {
            assert_eq!(field_of(normalize(&id).expect_err(want)), want);
        }
    }

    #[test]
    fn keeps_markup_as_plain_text() {
        let id = PlanIdentity {
            instansi: "<script>alert(1)</script>".into(),
            tahun: 2024,
            ..Default::default()
        };
        assert_eq!(
            normalize(&id).expect("text is text").instansi,
            "<script>alert(1)</script>"
        );
    }
}
