; Inno Setup script for QClinic on Windows. Run on Windows after the bundle is built:
;     python build_installer.py            (builds dist\QClinic with PyInstaller)
;     iscc /DAppVersion=0.1.0 installer\windows\qclinic.iss
; On Linux, `python build_installer.py --check-scripts` checks that every file named here exists
; (with the Linux bundle standing in for the Windows one: qclinic.exe and qclinic-cli.exe -> qclinic).
; Relative paths are relative to this file's folder.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\QClinic"
#endif
#define RepoRoot "..\.."
#define AppExe "qclinic.exe"
#define CliExe "qclinic-cli.exe"

[Setup]
AppId={{6E0B5C43-2B8E-4E55-9C1A-0C5A1E7B7A15}
AppName=QClinic
AppVerName=QClinic {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=QClinic developers
DefaultDirName={autopf}\QClinic
DefaultGroupName=QClinic
OutputDir={#RepoRoot}\dist
OutputBaseFilename=QClinic-{#AppVersion}-windows-setup
SetupIconFile={#RepoRoot}\resources\icons\qclinic.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#RepoRoot}\resources\icons\qclinic.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\QClinic"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\qclinic.ico"
Name: "{group}\{cm:UninstallProgram,QClinic}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\QClinic"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\qclinic.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,QClinic}"; Flags: nowait postinstall skipifsilent
