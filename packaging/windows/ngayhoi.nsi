; Windows installer of Ngày hội, built with NSIS 3 (Debian package `nsis`) by
; packaging/windows/build.sh, which passes /DVERSION and /DROOT (the repository root):
;
;     makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DROOT=$PWD packaging/windows/ngayhoi.nsi
;
; Output: target/windows/ngayhoi-<version>-setup.exe, one file to hand to the secretary.
; A 64-bit, Unicode installer (64-bit Windows 10/11 only, as the program), per user, no
; administrator rights, wizard in Vietnamese:
;   program     %LOCALAPPDATA%\Programs\NgayHoi\ngayhoi.exe (+ icon, README, font licences)
;   shortcuts   Start menu "Ngày hội", desktop "Ngày hội"
;   uninstall   Settings > Apps > Ngày hội (HKCU ...\Uninstall\vn.ngayhoi.NgayHoi)
; The data is never touched: it lives in %APPDATA%\NgayHoi\NgayHoi\data\ (or in a portable
; `ngayhoi-data` folder beside the program, which the uninstaller leaves in place), and the
; uninstaller deletes only the files it installed, by name.
; Silent install for IT staff: ngayhoi-<version>-setup.exe /S ; silent removal: uninstall.exe /S

Unicode true
Target amd64-unicode
ManifestSupportedOS all
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!define APPNAME "Ngày hội"
!define APPID "vn.ngayhoi.NgayHoi"
!define EXE "ngayhoi.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!ifndef VERSION
  !error "pass -DVERSION=x.y.z (Cargo.toml's version)"
!endif
!ifndef ROOT
  !error "pass -DROOT=<repository root>"
!endif

Name "${APPNAME}"
OutFile "${ROOT}/target/windows/ngayhoi-${VERSION}-setup.exe"
InstallDir "$LOCALAPPDATA\Programs\NgayHoi"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"
BrandingText "${APPNAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} – trình cài đặt"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT License"

!include "MUI2.nsh"
!include "x64.nsh"

!define MUI_ICON "${ROOT}/packaging/windows/ngayhoi.ico"
!define MUI_UNICON "${ROOT}/packaging/windows/ngayhoi.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "Trình cài đặt sẽ cài ${APPNAME} ${VERSION} cho người dùng này, không cần quyền quản trị.$\r$\n$\r$\nDữ liệu của bạn (trong thư mục %APPDATA%\NgayHoi) không bị thay đổi khi cài đặt, cập nhật hay gỡ bỏ chương trình.$\r$\n$\r$\nBấm Tiếp để tiếp tục."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Chương trình ${APPNAME} sẽ được gỡ khỏi máy. Dữ liệu (thư mục %APPDATA%\NgayHoi, các bản sao lưu và thư mục ngayhoi-data nếu có) được giữ nguyên."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APPNAME} cần Windows 64-bit (Windows 10 hoặc 11)."
    Abort
  ${EndIf}
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "${APPNAME}" Main
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; Over an older version: the same files are replaced, nothing else in the folder is touched.
  File "${ROOT}/target/windows/${EXE}"
  File "${ROOT}/packaging/windows/ngayhoi.ico"
  File "${ROOT}/README.md"
  SetOutPath "$INSTDIR\fonts"
  File "${ROOT}/fonts/README.md"
  File "${ROOT}/fonts/OFL-*.txt"
  File "${ROOT}/fonts/LICENSE-*.txt"
  SetOutPath "$INSTDIR"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\ngayhoi.ico" 0 \
    SW_SHOWNORMAL "" "Lập kế hoạch Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\ngayhoi.ico" 0

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\ngayhoi.ico"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ; In KiB, for "Apps & features".
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" 24000
SectionEnd

Section "Uninstall"
  ; By name only: a portable `ngayhoi-data` folder or anything else the secretary put in the
  ; program folder stays, and the folder is removed only when it is empty.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\ngayhoi.ico"
  Delete "$INSTDIR\README.md"
  Delete "$INSTDIR\fonts\README.md"
  Delete "$INSTDIR\fonts\OFL-*.txt"
  Delete "$INSTDIR\fonts\LICENSE-*.txt"
  RMDir "$INSTDIR\fonts"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd
