#!/usr/bin/env bash
# Installs what building, running and testing Renja RB need on Debian/Ubuntu, and only what
# is missing: system packages (apt), the UI's npm packages, and tauri-driver for the
# end-to-end tests. Sourced by scripts/start and scripts/test; safe to run again.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/target/tools"

APT_PACKAGES=(
  build-essential pkg-config libwebkit2gtk-4.1-dev   # compile the Tauri shell
  xvfb xauth webkit2gtk-driver xdotool               # drive the real window in tests
  imagemagick poppler-utils file fonts-dejavu-core   # look at screenshots and reports
  python3-openpyxl unzip                             # read XLSX reports and ZIP packages back in tests
  strace                                             # kill the crash-test editor at exact writes
  libreoffice-writer-nogui                           # convert the Laporan Tahunan DOCX in a test
  dbus-daemon                                        # a session bus for the single-instance test
  gcc-mingw-w64-x86-64 wine64                        # build Windows programs, run their tests
  nsis p7zip-full                                    # the Windows installer, and listing it
)

# Each step with the seconds since the script started, to see where a run's time goes.
say() { printf '\033[1m==> %s\033[0m (%d s)\n' "$*" "$SECONDS"; }
die() { printf 'renja: %s\n' "$*" >&2; exit 1; }

ensure_system() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "paket sistem belum ada (${missing[*]}) dan apt-get tidak tersedia; pasang secara manual."
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "perlu root atau sudo untuk memasang: ${missing[*]}"
    sudo=(sudo)
  fi
  say "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

ensure_toolchains() {
  command -v cargo >/dev/null || die "Rust (cargo) tidak ditemukan; pasang lewat https://rustup.rs lalu ulangi."
  command -v node >/dev/null || die "Node.js tidak ditemukan; perlu Node.js 20.19 atau lebih baru."
  local v; v="$(node -p 'process.versions.node')"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js $v terlalu lama; perlu 20.19 atau lebih baru."
}

# The Rust standard library for 64-bit Windows (MinGW), for the cross-built tests and packages.
ensure_windows_target() {
  if ! rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu; then
    command -v rustup >/dev/null || die "rustup tidak ditemukan; pasang target x86_64-pc-windows-gnu secara manual."
    say "Installing the Rust target x86_64-pc-windows-gnu"
    rustup target add x86_64-pc-windows-gnu
  fi
}

ensure_node_modules() {
  local stamp="$ROOT/ui/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$ROOT/ui/package-lock.json" -nt "$stamp" ]; then
    say "Installing the UI's npm packages"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_tauri_driver() {
  if [ ! -x "$TOOLS/bin/tauri-driver" ]; then
    say "Installing tauri-driver (WebDriver for the end-to-end tests)"
    cargo install tauri-driver --locked --version '^2' --root "$TOOLS" --quiet
  fi
}

build_ui() {
  say "Building the UI"
  (cd "$ROOT/ui" && npm run --silent build -- --logLevel warn)
}

build_app() {
  say "Building Renja RB"
  (cd "$ROOT" && cargo build --workspace --bins --quiet)
}
