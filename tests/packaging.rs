//! The installers agree with the crate: one name, one version, one application id, one
//! executable, and every icon they point at exists and is what its name says. Plain text
//! reading only (no tool, no parser crate), so it runs in `cargo test` on any machine.
//!
//! Files checked: Cargo.toml, packaging/linux/*.desktop and *.metainfo.xml,
//! packaging/windows/ngayhoi.nsi, build.sh, ngayhoi.rc and ngayhoi.exe.manifest,
//! packaging/macos/Info.plist, the icons in assets/ and packaging/.

use std::path::{Path, PathBuf};

/// The reverse-DNS id: desktop file and metainfo names, macOS bundle id, installer id.
const APP_ID: &str = "vn.ngayhoi.NgayHoi";
/// What every installer calls the app.
const NAME: &str = "Ngày hội";
const EXE: &str = "ngayhoi";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The lines of one `[section]` of an INI-like or TOML file (headers start a line), without
/// the header.
fn section<'a>(text: &'a str, header: &str) -> Vec<&'a str> {
    text.lines()
        .skip_while(|line| line.trim() != header)
        .skip(1)
        .take_while(|line| !line.starts_with('['))
        .collect()
}

/// `key = "value"` in a TOML section.
fn toml_string(lines: &[&str], key: &str) -> String {
    lines
        .iter()
        .find_map(|line| {
            let (k, v) = line.split_once('=')?;
            (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
        })
        .unwrap_or_else(|| panic!("no {key} in Cargo.toml"))
}

struct Package {
    name: String,
    version: String,
    description: String,
}

fn package() -> Package {
    let cargo = read("Cargo.toml");
    let lines = section(&cargo, "[package]");
    Package {
        name: toml_string(&lines, "name"),
        version: toml_string(&lines, "version"),
        description: toml_string(&lines, "description"),
    }
}

/// `Key=value` of a desktop file (the exact key, so `Name` is not `Name[en]`).
fn desktop_value<'a>(desktop: &'a str, key: &str) -> &'a str {
    desktop
        .lines()
        .find_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("no {key}= in the desktop file"))
}

/// The text of the first `<tag>` or `<tag attributes>` element.
fn xml_element<'a>(xml: &'a str, tag: &str) -> &'a str {
    let open = [format!("<{tag}>"), format!("<{tag} ")]
        .iter()
        .filter_map(|open| xml.find(open.as_str()))
        .min()
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let start = open + xml[open..].find('>').unwrap() + 1;
    let end = start + xml[start..].find(&format!("</{tag}>")).unwrap();
    xml[start..end].trim()
}

/// The value of attribute `name` in the first element that starts with `element`.
fn xml_attribute<'a>(xml: &'a str, element: &str, name: &str) -> &'a str {
    let at = xml.find(element).unwrap_or_else(|| panic!("no {element}"));
    let tag = &xml[at..at + xml[at..].find('>').unwrap()];
    let value = tag
        .split_once(&format!(" {name}=\""))
        .unwrap_or_else(|| panic!("no {name} in {tag}"))
        .1;
    &value[..value.find('"').unwrap()]
}

/// `<key>K</key><string>V</string>` in a property list.
fn plist_string<'a>(plist: &'a str, key: &str) -> &'a str {
    let after = plist
        .split_once(&format!("<key>{key}</key>"))
        .unwrap_or_else(|| panic!("no {key} in Info.plist"))
        .1;
    xml_element(after, "string")
}

/// `!define NAME "value"` in the NSIS script.
fn nsi_define(nsi: &str, name: &str) -> String {
    nsi.lines()
        .find_map(|line| {
            let rest = line.trim().strip_prefix("!define")?.trim();
            let value = rest.strip_prefix(name)?.strip_prefix(' ')?;
            Some(value.trim().trim_matches('"').to_string())
        })
        .unwrap_or_else(|| panic!("no !define {name} in ngayhoi.nsi"))
}

/// The lines of an NSIS `Section "name"` up to its `SectionEnd`.
fn nsi_section<'a>(nsi: &'a str, name: &str) -> Vec<&'a str> {
    let header = format!("Section \"{name}\"");
    nsi.lines()
        .skip_while(|line| !line.starts_with(&header))
        .skip(1)
        .take_while(|line| line.trim() != "SectionEnd")
        .map(str::trim)
        .collect()
}

/// Whether a file exists; a `*` in the file name matches any text (`fonts/OFL-*.txt`).
fn exists(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy();
    let Some((prefix, suffix)) = name.split_once('*') else {
        return path.is_file();
    };
    std::fs::read_dir(path.parent().unwrap())
        .map(|entries| {
            entries.filter_map(|entry| entry.ok()).any(|entry| {
                let found = entry.file_name().to_string_lossy().into_owned();
                found.starts_with(prefix) && found.ends_with(suffix)
            })
        })
        .unwrap_or(false)
}

/// The PNG's width and height, after checking its signature.
fn png_size(path: &Path) -> (u32, u32) {
    let data = bytes(path);
    assert!(
        data.starts_with(b"\x89PNG\r\n\x1a\n") && &data[12..16] == b"IHDR",
        "{} is not a PNG",
        path.display()
    );
    let word = |at: usize| u32::from_be_bytes(data[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn the_crate_is_the_app_the_installers_describe() {
    let package = package();
    assert_eq!(package.name, EXE);
    assert!(
        package
            .description
            .starts_with("Ngày hội toàn dân bảo vệ an ninh Tổ quốc"),
        "{}",
        package.description
    );
    let cargo = read("Cargo.toml");
    let bin = section(&cargo, "[[bin]]");
    assert_eq!(toml_string(&bin, "name"), EXE);
    // The window's X11 class / Wayland app id is what the desktop file expects.
    let desktop = read("packaging/linux/vn.ngayhoi.NgayHoi.desktop");
    assert_eq!(
        desktop_value(&desktop, "StartupWMClass"),
        ngayhoi::gui::APP_ID
    );
}

#[test]
fn the_linux_desktop_file_and_metainfo_agree() {
    let package = package();
    let desktop = read(&format!("packaging/linux/{APP_ID}.desktop"));
    assert!(desktop.starts_with("[Desktop Entry]\n"));
    assert_eq!(desktop_value(&desktop, "Type"), "Application");
    assert_eq!(desktop_value(&desktop, "Name"), NAME);
    assert_eq!(desktop_value(&desktop, "Name[vi]"), NAME);
    assert!(desktop_value(&desktop, "Name[en]").starts_with("Ngay hoi"));
    assert_eq!(desktop_value(&desktop, "Exec"), EXE);
    assert_eq!(desktop_value(&desktop, "Icon"), APP_ID);
    assert_eq!(desktop_value(&desktop, "Terminal"), "false");
    assert_eq!(
        desktop_value(&desktop, "Categories"),
        "Office;ProjectManagement;"
    );
    for key in ["GenericName", "GenericName[en]", "Comment", "Comment[en]"] {
        assert!(!desktop_value(&desktop, key).is_empty(), "{key}");
    }
    let topic = package.description.split(':').next().unwrap();
    assert!(desktop_value(&desktop, "GenericName[vi]").contains(topic));

    let metainfo = read(&format!("packaging/linux/{APP_ID}.metainfo.xml"));
    assert_eq!(xml_element(&metainfo, "id"), APP_ID);
    assert_eq!(xml_element(&metainfo, "name"), NAME);
    assert_eq!(
        xml_element(&metainfo, "launchable"),
        format!("{APP_ID}.desktop")
    );
    assert_eq!(xml_element(&metainfo, "binary"), EXE);
    assert_eq!(
        xml_element(&metainfo, "project_license"),
        toml_string(&section(&read("Cargo.toml"), "[package]"), "license")
    );
    // The newest release (listed first) is the crate's version.
    assert_eq!(
        xml_attribute(&metainfo, "<release ", "version"),
        package.version
    );
}

#[test]
fn the_debian_package_installs_the_files_the_desktop_needs() {
    let cargo = read("Cargo.toml");
    let deb = section(&cargo, "[package.metadata.deb]");
    let assets: Vec<(String, String)> = deb
        .iter()
        .filter_map(|line| line.trim().strip_prefix("[\""))
        .map(|line| {
            let parts: Vec<&str> = line.split('"').collect();
            (parts[0].to_string(), parts[2].to_string())
        })
        .collect();
    assert!(assets.len() > 10, "{assets:?}");
    for (source, _) in &assets {
        if !source.starts_with("target/") {
            assert!(exists(&root().join(source)), "{source} does not exist");
        }
    }
    let dest = |source: &str| {
        assets
            .iter()
            .find(|(s, _)| s == source)
            .map(|(_, d)| d.as_str())
            .unwrap_or_else(|| panic!("{source} is not packaged"))
    };
    assert_eq!(dest(&format!("target/release/{EXE}")), "usr/bin/");
    assert_eq!(
        dest(&format!("packaging/linux/{APP_ID}.desktop")),
        "usr/share/applications/"
    );
    assert_eq!(
        dest(&format!("packaging/linux/{APP_ID}.metainfo.xml")),
        "usr/share/metainfo/"
    );
    // The themed icon the desktop file names, in every size drawn.
    for size in [16, 32, 48, 64, 128, 256, 512] {
        assert_eq!(
            dest(&format!("assets/icon-{size}.png")),
            format!("usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
        );
    }
    assert_eq!(
        dest("assets/icon.svg"),
        format!("usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg")
    );
    assert!(dest("README.md").starts_with("usr/share/doc/ngayhoi/"));
    assert!(dest("fonts/OFL-*.txt").starts_with("usr/share/doc/ngayhoi/"));
    assert!(dest("fonts/README.md").starts_with("usr/share/doc/ngayhoi/"));
    // The runtime libraries winit and the file dialogs load with dlopen.
    let depends = toml_string(&deb, "depends");
    for library in [
        "libx11-6",
        "libxkbcommon-x11-0",
        "libwayland-client0",
        "libdbus-1-3",
    ] {
        assert!(depends.contains(library), "{library} missing in {depends}");
    }
}

#[test]
fn the_windows_installer_resources_and_manifest_agree() {
    let package = package();
    let nsi = read("packaging/windows/ngayhoi.nsi");
    assert_eq!(nsi_define(&nsi, "APPNAME"), NAME);
    assert_eq!(nsi_define(&nsi, "EXE"), format!("{EXE}.exe"));
    assert_eq!(nsi_define(&nsi, "APPID"), APP_ID);
    // The version is not written in the script: build.sh passes Cargo.toml's.
    assert!(read("packaging/windows/build.sh").contains("-DVERSION=\"$version\""));
    // 64-bit, Unicode, per user without administrator rights, wizard in Vietnamese.
    for line in [
        "Unicode true",
        "Target amd64-unicode",
        "RequestExecutionLevel user",
        "InstallDir \"$LOCALAPPDATA\\Programs\\NgayHoi\"",
        "!insertmacro MUI_LANGUAGE \"Vietnamese\"",
    ] {
        assert!(
            nsi.lines().any(|l| l.trim() == line),
            "{line} missing in ngayhoi.nsi"
        );
    }
    // Every file the installer copies from the repository exists (the .exe is built), and the
    // uninstaller deletes each of them by name.
    let install = nsi_section(&nsi, "${APPNAME}");
    let uninstall = nsi_section(&nsi, "Uninstall");
    let mut folder = String::new();
    for line in &install {
        if let Some(out) = line.strip_prefix("SetOutPath ") {
            folder = out
                .trim_matches('"')
                .replace("$INSTDIR", "")
                .replace('\\', "/");
            continue;
        }
        let Some(source) = line.strip_prefix("File \"${ROOT}/") else {
            continue;
        };
        let source = source.trim_end_matches('"');
        let name = source.rsplit('/').next().unwrap();
        if source.starts_with("target/") {
            assert_eq!(source, "target/windows/${EXE}");
        } else {
            assert!(exists(&root().join(source)), "{source} does not exist");
        }
        let installed = format!("$INSTDIR{folder}/{name}").replace('/', "\\");
        assert!(
            uninstall.contains(&format!("Delete \"{installed}\"").as_str()),
            "the uninstaller does not delete {installed}"
        );
    }
    assert!(
        install
            .iter()
            .any(|l| l
                .starts_with(r#"CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}""#)),
        "no Start menu shortcut"
    );
    assert!(
        install
            .iter()
            .any(|l| l.starts_with(r#"WriteRegStr HKCU "${UNINSTKEY}" "UninstallString""#))
    );
    // The uninstaller never removes a folder with what is inside it, nor goes near the data.
    for line in uninstall.iter().filter(|l| !l.starts_with(';')) {
        assert!(
            !line.contains("/r") && !line.contains("APPDATA") && !line.contains("ngayhoi-data"),
            "{line}"
        );
    }

    // Resources compiled into ngayhoi.exe: icon, version, manifest.
    let rc = read("packaging/windows/ngayhoi.rc");
    let numbers = format!("{},0", package.version.replace('.', ","));
    assert!(rc.contains(&format!("FILEVERSION {numbers}\n")));
    assert!(rc.contains(&format!("PRODUCTVERSION {numbers}\n")));
    for key in ["FileVersion", "ProductVersion"] {
        assert!(rc.contains(&format!("VALUE \"{key}\", \"{}\"", package.version)));
    }
    assert!(rc.contains(&format!("VALUE \"ProductName\", \"{NAME}\"")));
    assert!(rc.contains(&format!("VALUE \"OriginalFilename\", \"{EXE}.exe\"")));
    for file in ["ngayhoi.ico", "ngayhoi.exe.manifest"] {
        assert!(
            rc.contains(&format!("\"{file}\"")),
            "{file} not in ngayhoi.rc"
        );
    }

    let manifest = read("packaging/windows/ngayhoi.exe.manifest");
    assert_eq!(
        xml_attribute(&manifest, "<assemblyIdentity type=\"win32\" name", "name"),
        APP_ID
    );
    assert_eq!(
        xml_attribute(
            &manifest,
            "<assemblyIdentity type=\"win32\" name",
            "version"
        ),
        format!("{}.0", package.version)
    );
    assert!(manifest.contains(r#"level="asInvoker""#));
    assert!(manifest.contains(">PerMonitorV2"));
    assert!(manifest.contains(">UTF-8</activeCodePage>"));
}

#[test]
fn the_macos_bundle_description_agrees() {
    let package = package();
    let plist = read("packaging/macos/Info.plist");
    assert_eq!(plist_string(&plist, "CFBundleIdentifier"), APP_ID);
    assert_eq!(plist_string(&plist, "CFBundleName"), NAME);
    assert_eq!(plist_string(&plist, "CFBundleExecutable"), EXE);
    assert_eq!(plist_string(&plist, "CFBundlePackageType"), "APPL");
    assert_eq!(
        plist_string(&plist, "CFBundleShortVersionString"),
        package.version
    );
    assert_eq!(plist_string(&plist, "CFBundleVersion"), package.version);
    // The build instructions compile for the oldest macOS the bundle claims to run on.
    let minimum = plist_string(&plist, "LSMinimumSystemVersion");
    assert!(
        read("packaging/macos/README.md")
            .contains(&format!("export MACOSX_DEPLOYMENT_TARGET={minimum} ")),
        "packaging/macos/README.md builds for another macOS than {minimum}"
    );
    assert!(plist.contains("<key>NSHighResolutionCapable</key>\n  <true/>"));
    let icon = plist_string(&plist, "CFBundleIconFile");
    assert!(root().join("packaging/macos").join(icon).is_file());
}

#[test]
fn the_icons_exist_in_every_size_and_format() {
    for size in [16, 32, 48, 64, 128, 256, 512] {
        let path = root().join(format!("assets/icon-{size}.png"));
        assert_eq!(png_size(&path), (size, size), "{}", path.display());
    }
    for svg in ["assets/icon.svg", "assets/icon-small.svg"] {
        assert!(read(svg).contains("<svg "), "{svg}");
    }
    // The window icon compiled into the binary.
    assert!(read("src/gui/mod.rs").contains("include_bytes!(\"../../assets/icon-64.png\")"));

    // Windows .ico: reserved 0, type 1, then one 16-byte entry per image.
    let ico = bytes(&root().join("packaging/windows/ngayhoi.ico"));
    assert_eq!(&ico[..4], b"\0\0\x01\0", "not an .ico");
    let count = u16::from_le_bytes([ico[4], ico[5]]) as usize;
    let mut sizes = Vec::new();
    for entry in ico[6..6 + 16 * count].chunks(16) {
        let side = |b: u8| if b == 0 { 256 } else { u32::from(b) };
        let length = u32::from_le_bytes(entry[8..12].try_into().unwrap()) as usize;
        let offset = u32::from_le_bytes(entry[12..16].try_into().unwrap()) as usize;
        let image = &ico[offset..offset + length];
        assert!(
            image.starts_with(b"\x89PNG") || image.starts_with(&[40, 0, 0, 0]),
            "an .ico entry is neither PNG nor BMP"
        );
        sizes.push((side(entry[0]), side(entry[1])));
    }
    for size in [16, 32, 48, 256] {
        assert!(sizes.contains(&(size, size)), "no {size} px in the .ico");
    }

    // macOS .icns: magic, then the whole length, then typed chunks.
    let icns = bytes(&root().join("packaging/macos/ngayhoi.icns"));
    assert_eq!(&icns[..4], b"icns", "not an .icns");
    assert_eq!(
        u32::from_be_bytes(icns[4..8].try_into().unwrap()) as usize,
        icns.len()
    );
    let mut at = 8;
    let mut types = Vec::new();
    while at < icns.len() {
        let length = u32::from_be_bytes(icns[at + 4..at + 8].try_into().unwrap()) as usize;
        assert!(
            length >= 8 && at + length <= icns.len(),
            "broken .icns chunk"
        );
        types.push(String::from_utf8_lossy(&icns[at..at + 4]).into_owned());
        at += length;
    }
    for kind in ["ic07", "ic08", "ic09", "ic10"] {
        assert!(types.iter().any(|t| t == kind), "no {kind} in {types:?}");
    }
}
