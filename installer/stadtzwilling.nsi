; Stadtzwilling – Installer für den angemeldeten Benutzer (keine Administratorrechte nötig).
;
; Übersetzt von build_installer.py (makensis -INPUTCHARSET UTF8 -DAPP_VERSION=… -DBUNDLE_DIR=… …):
;   APP_VERSION          z. B. 0.1.0
;   APP_VERSION_NUMERIC  z. B. 0.1.0.0 (VIProductVersion)
;   BUNDLE_DIR           der App-Ordner von PyInstaller (stadtzwilling.exe + _internal\)
;   OUT_FILE             Pfad der erzeugten Setup-Datei
;   LICENSE_FILE         Lizenztext (EUPL-1.2)
;   EXE_NAME             stadtzwilling.exe
;   ESTIMATED_SIZE_KB    Größe des App-Ordners (Anzeige in „Apps & Features“)

Unicode true
SetCompressor /SOLID lzma
ManifestDPIAware true

!ifndef APP_VERSION
  !error "APP_VERSION fehlt (build_installer.py übergibt es)"
!endif
!ifndef BUNDLE_DIR
  !error "BUNDLE_DIR fehlt (build_installer.py übergibt es)"
!endif
!ifndef EXE_NAME
  !define EXE_NAME "stadtzwilling.exe"
!endif
!ifndef APP_VERSION_NUMERIC
  !define APP_VERSION_NUMERIC "0.0.0.0"
!endif
!ifndef ESTIMATED_SIZE_KB
  !define ESTIMATED_SIZE_KB 0
!endif
!ifndef OUT_FILE
  !define OUT_FILE "Stadtzwilling-${APP_VERSION}-setup.exe"
!endif

!define APP_NAME "Stadtzwilling"
!define PUBLISHER "Stadtzwilling contributors"
!define APP_REGKEY "Software\Stadtzwilling"
!define UNINSTALL_REGKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Stadtzwilling"
!define PROGID "Stadtzwilling.Paket"

Name "${APP_NAME} ${APP_VERSION}"
OutFile "${OUT_FILE}"
; per user: no UAC prompt, everything below the user's profile and HKCU
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Stadtzwilling"
InstallDirRegKey HKCU "${APP_REGKEY}" "InstallDir"
BrandingText "${APP_NAME} ${APP_VERSION}"

VIProductVersion "${APP_VERSION_NUMERIC}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Installer ${APP_NAME} – digitaler Zwilling für Kommunen"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "EUPL-1.2"

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "open"
!define MUI_FINISHPAGE_RUN_NOTCHECKED

!insertmacro MUI_PAGE_WELCOME
!ifdef LICENSE_FILE
  !insertmacro MUI_PAGE_LICENSE "${LICENSE_FILE}"
!endif
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; German first (default), English second; NSIS picks the one of the Windows display language
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "English"

LangString DESC_PACKAGE ${LANG_GERMAN} "Stadtzwilling-Paket"
LangString DESC_PACKAGE ${LANG_ENGLISH} "Stadtzwilling package"

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

!macro REGISTER_EXTENSION EXT
  ; remember another program's association so the uninstaller can restore it
  ReadRegStr $0 HKCU "Software\Classes\${EXT}" ""
  ${If} $0 != ""
  ${AndIf} $0 != "${PROGID}"
    WriteRegStr HKCU "Software\Classes\${EXT}" "Stadtzwilling.Vorher" "$0"
  ${EndIf}
  WriteRegStr HKCU "Software\Classes\${EXT}" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}" ""
!macroend

!macro UNREGISTER_EXTENSION EXT
  DeleteRegValue HKCU "Software\Classes\${EXT}\OpenWithProgids" "${PROGID}"
  ReadRegStr $0 HKCU "Software\Classes\${EXT}" ""
  ${If} $0 == "${PROGID}"
    ReadRegStr $1 HKCU "Software\Classes\${EXT}" "Stadtzwilling.Vorher"
    ${If} $1 != ""
      WriteRegStr HKCU "Software\Classes\${EXT}" "" "$1"
      DeleteRegValue HKCU "Software\Classes\${EXT}" "Stadtzwilling.Vorher"
    ${Else}
      DeleteRegKey HKCU "Software\Classes\${EXT}"
    ${EndIf}
  ${EndIf}
!macroend

Section "Stadtzwilling" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; an older version's libraries must not mix with the new ones
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  ; start menu (current user): the shortcut opens the start page of the app
  CreateShortCut "$SMPROGRAMS\Stadtzwilling.lnk" "$INSTDIR\${EXE_NAME}" "open" "$INSTDIR\${EXE_NAME}" 0 \
      SW_SHOWNORMAL "" "Stadtzwilling – digitaler Zwilling für Kommunen"

  ; packages (.szpkg; .twinpkg as named in the issue) open read-only in Stadtzwilling
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(DESC_PACKAGE)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE_NAME},0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE_NAME}" open "%1"'
  !insertmacro REGISTER_EXTENSION ".szpkg"
  !insertmacro REGISTER_EXTENSION ".twinpkg"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; "Apps & Features" of this user
  WriteRegStr HKCU "${APP_REGKEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME},0"
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_REGKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_REGKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_REGKEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_REGKEY}" "EstimatedSize" ${ESTIMATED_SIZE_KB}
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  ; only what the installer put there: never RMDir /r on $INSTDIR itself (the user may have chosen a shared folder)
  Delete "$SMPROGRAMS\Stadtzwilling.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  !insertmacro UNREGISTER_EXTENSION ".szpkg"
  !insertmacro UNREGISTER_EXTENSION ".twinpkg"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTALL_REGKEY}"
  DeleteRegKey HKCU "${APP_REGKEY}"
SectionEnd
