; Windows installer of Ngày hội, for Inno Setup 6.3 or later (https://jrsoftware.org/isinfo.php).
; Build it on Windows from the repository root, after the release build described in
; packaging/README.md:
;
;     "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" packaging\windows\ngayhoi.iss
;
; Output: target\windows\ngayhoi-<version>-setup.exe, one file to hand to the secretary.
; It installs for the current user only and never asks for administrator rights:
;   program     %LOCALAPPDATA%\Programs\NgayHoi\ngayhoi.exe (+ icon, README, font licences)
;   shortcuts   Start menu "Ngày hội" (and, if ticked, one on the desktop)
;   uninstall   Settings > Apps > Ngày hội, or the uninstaller in the program folder
; The data file is NOT in the program folder and uninstalling never removes it:
;   %APPDATA%\NgayHoi\NgayHoi\data\ngayhoi.sqlite3 (backups in the "sao-luu" folder beside it).
; Keep the version equal to Cargo.toml (tests/packaging.rs checks), or pass /DAppVersion=x.y.z.

#define AppName "Ngày hội"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "ngayhoi.exe"
#define AppId "vn.ngayhoi.NgayHoi"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Lập kế hoạch Ngày hội toàn dân bảo vệ an ninh Tổ quốc
; Version information of the setup program itself.
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} – trình cài đặt
; Per-user install: no administrator rights, no UAC prompt. {autopf} then means
; %LOCALAPPDATA%\Programs and {autoprograms} the user's own Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\NgayHoi
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=ngayhoi.ico
UninstallDisplayIcon={app}\ngayhoi.ico
UninstallDisplayName={#AppName}
OutputDir=..\..\target\windows
OutputBaseFilename=ngayhoi-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Closes a running Ngày hội (asking first) before replacing the program.
CloseApplications=yes
; With Vietnamese.isl present: Vietnamese on Vietnamese Windows, no language question.
ShowLanguageDialog=auto

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Vietnamese wizard texts: Inno Setup ships Vietnamese only as an unofficial translation.
; Download Vietnamese.isl from https://jrsoftware.org/files/istrans/ into this folder and it
; is used automatically (and chosen on Vietnamese Windows).
#if FileExists(AddBackslash(SourcePath) + "Vietnamese.isl")
Name: "vietnamese"; MessagesFile: "Vietnamese.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\target\release\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "ngayhoi.ico"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\README.md"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\fonts\README.md"; DestDir: "{app}\fonts"; Flags: ignoreversion
Source: "..\..\fonts\OFL-*.txt"; DestDir: "{app}\fonts"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\ngayhoi.ico"; Comment: "Lập kế hoạch Ngày hội toàn dân bảo vệ an ninh Tổ quốc"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\ngayhoi.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
