//! Reports and the evidence package of a [`Plan`]. `crate::report` builds them from a read
//! handle and the plan's clock; what only the open plan knows is checked here: a report or
//! package may never be written over the plan file itself.

use std::path::Path;

use crate::error::{Error, Result};
use crate::plan::{Plan, same_file};
use crate::report::{
    self, PaketProgress, PaketRequest, PaketSummary, ReportData, ReportFormat, ReportRequest, paket,
};

impl Plan {
    /// The data a report is laid out from, with every text in its final wording.
    pub fn report_data(&self, request: &ReportRequest) -> Result<ReportData> {
        report::report_data(self.db(), self.clock(), request)
    }

    /// The report as a PDF document.
    pub fn report_pdf(&self, request: &ReportRequest) -> Result<Vec<u8>> {
        report::render(self.db(), self.clock(), request, ReportFormat::Pdf)
    }

    /// The report as a PDF for the preview on the Laporan page: an empty chapter of the
    /// Laporan Tahunan shows a placeholder there, never in a saved file.
    pub fn report_preview(&self, request: &ReportRequest) -> Result<Vec<u8>> {
        report::preview(self.db(), self.clock(), request)
    }

    /// The report as an XLSX workbook.
    pub fn report_xlsx(&self, request: &ReportRequest) -> Result<Vec<u8>> {
        report::render(self.db(), self.clock(), request, ReportFormat::Xlsx)
    }

    /// Write the report to `dest` in `format`: the whole file appears at once or not at all.
    pub fn write_report(
        &self,
        request: &ReportRequest,
        format: ReportFormat,
        dest: &Path,
    ) -> Result<()> {
        self.refuse_own_file(dest, "Laporan")?;
        let bytes = report::render(self.db(), self.clock(), request, format)?;
        crate::file::write_atomically(dest, &bytes)
    }

    /// The file name proposed when a report is saved, e.g.
    /// "Laporan Monev Bulanan Maret 2023 - Dinas Perkebunan.pdf".
    pub fn report_file_name(
        &self,
        request: &ReportRequest,
        format: ReportFormat,
    ) -> Result<String> {
        report::file_name(self.db(), self.clock(), request, format)
    }

    /// The file name proposed for the evidence package, e.g.
    /// "Paket Bukti Dukung Maret 2023 - Dinas Perkebunan.zip".
    pub fn paket_file_name(&self, request: &PaketRequest) -> Result<String> {
        paket::file_name(self.db(), request)
    }

    /// Write the evidence package (ZIP) to `dest`: folders per program and kegiatan with
    /// every evidence file, and the index as XLSX and HTML in the root. `progress` is called
    /// with the bytes of evidence copied so far, every few MiB and once at the end. The
    /// summary's `bytes` is the size of the ZIP written. Nothing is left at `dest` on failure.
    pub fn export_bukti_package(
        &self,
        request: &PaketRequest,
        dest: &Path,
        progress: &mut dyn FnMut(PaketProgress),
    ) -> Result<PaketSummary> {
        let periode = paket::periode(self.db(), request)?;
        self.refuse_own_file(dest, "Paket bukti dukung")?;
        paket::export(
            self.db(),
            self.clock(),
            request.program,
            periode,
            dest,
            progress,
        )
    }

    /// The file name proposed for the LKE package, e.g. "Paket LKE 2023 - Dinas Perkebunan.zip".
    pub fn lke_file_name(&self) -> Result<String> {
        paket::lke::file_name(self.db())
    }

    /// Write the LKE package (ZIP) to `dest`: a folder per area / indikator / butir with the
    /// evidence answering it, and the index as XLSX and HTML in the root. Nothing is left at
    /// `dest` on failure.
    pub fn export_lke_package(
        &self,
        dest: &Path,
        progress: &mut dyn FnMut(PaketProgress),
    ) -> Result<PaketSummary> {
        self.refuse_own_file(dest, "Paket LKE")?;
        paket::lke::export(self.db(), self.clock(), dest, progress)
    }

    /// Refuse a destination that is the open plan itself: renaming a report or package over
    /// it would replace the user's plan.
    fn refuse_own_file(&self, dest: &Path, what: &str) -> Result<()> {
        if same_file(self.path(), dest) {
            return Err(Error::invalid(
                "path",
                format!(
                    "{what} tidak boleh disimpan menimpa berkas rencana yang sedang dibuka. \
                     Pilih nama lain."
                ),
            ));
        }
        Ok(())
    }
}
