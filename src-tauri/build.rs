//! Declares the app's own commands so that capabilities must grant each one by name: the
//! window can call exactly what `capabilities/default.json` lists, nothing else.

const COMMANDS: &[&str] = &[
    "startup_path",
    "recent_files",
    "forget_recent",
    "suggest_new_path",
    "choose_plan_file",
    "choose_new_path",
    "choose_copy_path",
    "create_plan",
    "open_plan",
    "open_contoh",
    "plan_overview",
    "update_identity",
    "save_copy",
    "close_plan",
    "plan_screen",
    "edit_plan",
    "get_realisasi",
    "choose_import_file",
    "import_read",
    "import_pasted",
    "import_view",
    "import_into_plan",
    "create_imported_plan",
    "import_forget",
    "bukti_list",
    "choose_bukti_files",
    "save_bukti_file",
    "preview_bukti_file",
    "open_bukti_file",
    "report_preview",
    "report_file_name",
    "choose_report_path",
    "write_report",
    "choose_paket_path",
    "export_paket",
    "open_folder",
    "ringkasan",
    "choose_merge_file",
    "merge_read",
    "merge_preview",
    "merge_apply",
    "merge_forget",
    "lke",
    "bukti_butir",
    "choose_lke_file",
    "choose_lke_path",
    "export_lke",
    "choose_logo_file",
    "logo_image",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
