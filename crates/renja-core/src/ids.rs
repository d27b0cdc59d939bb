//! Newtype row ids, one per table, so a `TahapanId` can never be passed where a `ProgramId`
//! is meant. Row ids are local to one file; the stable identity across copies is the `uuid`
//! column every row also has.

macro_rules! row_id {
    ($($name:ident),* $(,)?) => {$(
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        #[serde(transparent)]
        #[ts(type = "number")]
        pub struct $name(pub i64);

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.0.into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    )*};
}

// `BuktiBerkasId` is one file of a piece of evidence (a `bukti_berkas` row: its name, its
// place in the list). The contents it points at (a `berkas` row, shared by every file with the
// same SHA-256) never leave `storage` and `bukti`, so they keep a plain `i64`.
row_id!(
    ProgramId,
    OutcomeId,
    KegiatanId,
    OutputId,
    TahapanId,
    AnggotaId,
    BuktiId,
    BuktiBerkasId,
    ButirId,
);
