//! Windows 10 without updates may lack the Microsoft Edge WebView2 Runtime that draws the
//! window. Tauri would then show an English message (release builds only) and stop; Renja RB
//! says in Indonesian what is missing and where the offline installer is, in a native message
//! box, before any window is made. On Linux WebKitGTK is a dependency of the package, always
//! there.

/// What the user reads when WebView2 is missing.
pub const MISSING: &str = "Renja RB tidak dapat dibuka karena Microsoft Edge WebView2 Runtime \
belum terpasang di komputer ini. Renja RB memerlukannya untuk menampilkan jendelanya.\n\n\
Pasang WebView2 Runtime versi luring: di komputer yang terhubung ke internet, unduh \
\"Evergreen Standalone Installer\" (x64) dari\n\
https://developer.microsoft.com/microsoft-edge/webview2/\n\
lalu salin ke komputer ini (misalnya lewat flashdisk) dan jalankan. Bila perlu, minta bantuan \
pengelola TI kantor Anda.\n\n\
Setelah terpasang, buka Renja RB lagi. Berkas rencana Anda tidak terpengaruh.";

/// Whether the window can be drawn: on Windows, whether WebView2's loader finds a runtime.
pub fn available() -> bool {
    #[cfg(windows)]
    {
        tauri::webview_version().is_ok()
    }
    #[cfg(not(windows))]
    {
        true
    }
}

/// Say that WebView2 is missing, and wait until the user has read it.
pub fn explain_missing() {
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("Renja RB")
        .set_description(MISSING)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
}
