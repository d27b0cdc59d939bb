//! The Renja RB desktop shell. This file only wires: state, commands, the window. Commands
//! live in `commands/<area>.rs` and are one-line adapters over renja-core.

mod commands;
mod instance;
mod state;
mod webview;
mod window;

use state::AppState;

pub fn run() {
    if !webview::available() {
        webview::explain_missing();
        std::process::exit(1);
    }
    tauri::Builder::default()
        // First: a second start hands its file to the running window and stops here.
        .plugin(instance::single())
        .plugin(window::remembered())
        .setup(|app| {
            // Copies of crashed plans a killed app left in the temporary folder (only this,
            // the first instance, gets here).
            std::thread::spawn(|| {
                renja_core::file::sweep_stale_scratch(
                    &std::env::temp_dir(),
                    std::time::SystemTime::now(),
                    renja_core::file::SCRATCH_AGE,
                )
            });
            let state = AppState::new(app.handle(), std::env::args_os().skip(1))?;
            tauri::Manager::manage(app, state);
            window::setup(app.handle());
            Ok(())
        })
        // Closing the window closes the plan properly (dropping evidence contents that
        // nothing refers to any more); every edit was already committed.
        .on_window_event(|window, event| {
            window::on_event(window, event);
            if let tauri::WindowEvent::Destroyed = event
                && let Some(state) = tauri::Manager::try_state::<AppState>(window)
            {
                state.close_on_exit();
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::start::startup_path,
            commands::start::recent_files,
            commands::start::forget_recent,
            commands::start::suggest_new_path,
            commands::dialog::choose_plan_file,
            commands::dialog::choose_new_path,
            commands::dialog::choose_copy_path,
            commands::plan::create_plan,
            commands::plan::open_plan,
            commands::plan::open_contoh,
            commands::plan::plan_overview,
            commands::plan::update_identity,
            commands::plan::save_copy,
            commands::plan::close_plan,
            commands::edit::plan_screen,
            commands::edit::edit_plan,
            commands::realisasi::get_realisasi,
            commands::import::choose_import_file,
            commands::import::import_read,
            commands::import::import_pasted,
            commands::import::import_view,
            commands::import::import_into_plan,
            commands::import::create_imported_plan,
            commands::import::import_forget,
            commands::bukti::bukti_list,
            commands::bukti::choose_bukti_files,
            commands::bukti::save_bukti_file,
            commands::bukti::preview_bukti_file,
            commands::bukti::open_bukti_file,
            commands::report::report_preview,
            commands::report::report_file_name,
            commands::report::choose_report_path,
            commands::report::write_report,
            commands::report::choose_paket_path,
            commands::report::export_paket,
            commands::report::open_folder,
            commands::report::choose_logo_file,
            commands::report::logo_image,
            commands::ringkasan::ringkasan,
            commands::merge::choose_merge_file,
            commands::merge::merge_read,
            commands::merge::merge_preview,
            commands::merge::merge_apply,
            commands::merge::merge_forget,
            commands::lke::lke,
            commands::lke::bukti_butir,
            commands::lke::choose_lke_file,
            commands::lke::choose_lke_path,
            commands::lke::export_lke,
        ])
        .run(tauri::generate_context!())
        .expect("Renja RB gagal dijalankan");
}
