; The Windows installer of Renja RB: `Renja RB_<versi>_x64-setup.exe`. Built offline by
; scripts/package (makensis from Debian's nsis package; no plugin is downloaded, unlike Tauri's
; own NSIS bundler). makensis is given:
;   /DVERSION=0.1.0              the version in src-tauri/tauri.conf.json
;   /DSTAGE=<folder>             holds "Renja RB.exe", renja.exe, WebView2Loader.dll, renjarb.ico
;   /DOUTFILE=<path>             where the setup program is written
;
; What it does, for one user and without administrator rights (office laptops rarely grant
; them): installs into %LOCALAPPDATA%\Programs\Renja RB, adds a Start-menu entry, registers
; `.renjarb` (double-click opens it in Renja RB, with its own icon) and the uninstaller under
; HKCU only, and puts the command line `renja.exe` beside the app. Texts are Indonesian.

Unicode true
Target amd64-unicode
RequestExecutionLevel user
; One LZMA stream over all files with a dictionary larger than either program: the app and
; renja.exe share the core, typst and the fonts, so the second costs little (measured: 17.6 MB
; for both, against 28.7 MB compressed one by one).
SetCompressor /SOLID lzma
SetCompressorDictSize 64
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !error "makensis needs /DVERSION=…"
!endif
!ifndef STAGE
  !error "makensis needs /DSTAGE=…"
!endif
!ifndef OUTFILE
  !error "makensis needs /DOUTFILE=…"
!endif

!define PRODUCT "Renja RB"
!define PUBLISHER "Tim Pengembang Renja RB"
!define APP_EXE "Renja RB.exe"
!define PROGID "RenjaRB.Rencana"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\RenjaRB"
; WebView2 Evergreen Runtime's client id, as Microsoft documents for detecting it.
!define WEBVIEW2_ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1057 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1057 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1057 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1057 "FileDescription" "Instalasi ${PRODUCT}"
VIAddVersionKey /LANG=1057 "LegalCopyright" "Lisensi MIT"

!define MUI_ICON "${STAGE}/renjarb.ico"
!define MUI_UNICON "${STAGE}/renjarb.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"

Section "Renja RB" SecApp
  SetShellVarContext current
  SetRegView 64
  SetOutPath "$INSTDIR"
  File "${STAGE}/${APP_EXE}"
  File "${STAGE}/renja.exe"
  File "${STAGE}/WebView2Loader.dll"
  File "${STAGE}/renjarb.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; The file association, for this user only (HKCU\Software\Classes needs no administrator).
  WriteRegStr HKCU "Software\Classes\.renjarb" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.renjarb" "Content Type" "application/x-renjarb"
  WriteRegStr HKCU "Software\Classes\.renjarb\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Berkas rencana Renja RB"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\renjarb.ico,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell" "" "open"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "Buka dengan Renja RB"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  ; Tell Explorer the associations changed (SHCNE_ASSOCCHANGED), so icons update at once.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  SectionGetSize ${SecApp} $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

; Windows 10 without updates may lack the WebView2 runtime the window needs. The app itself
; says so when it starts; the installer says it first, pointing to the offline installer.
Function .onInstSuccess
  IfSilent done
  SetRegView 64
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${If} $0 == ""
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_ICONINFORMATION|MB_OK "Renja RB memerlukan Microsoft Edge WebView2 Runtime, yang belum terpasang di komputer ini.$\r$\n$\r$\nMinta pengelola TI memasang WebView2 Runtime versi luring (Evergreen Standalone Installer, x64) dari situs Microsoft:$\r$\nhttps://developer.microsoft.com/microsoft-edge/webview2/$\r$\n$\r$\nSetelah itu Renja RB dapat dibuka."
  ${EndIf}
  done:
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  SetRegView 64
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\renja.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\renjarb.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"

  ; Remove the association only while it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\.renjarb" ""
  ${If} $0 == "${PROGID}"
    DeleteRegValue HKCU "Software\Classes\.renjarb" ""
  ${EndIf}
  DeleteRegValue HKCU "Software\Classes\.renjarb" "Content Type"
  DeleteRegValue HKCU "Software\Classes\.renjarb\OpenWithProgids" "${PROGID}"
  DeleteRegKey /IfEmpty HKCU "Software\Classes\.renjarb\OpenWithProgids"
  DeleteRegKey /IfEmpty HKCU "Software\Classes\.renjarb"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
