#!/usr/bin/env bash
# Builds the Windows program and its installer on Debian, cross-compiled with Debian's own
# Rust (rustup has no Windows target here) and mingw-w64:
#   target/windows/ngayhoi.exe                     release, GUI subsystem, icon + version + manifest
#   target/windows/ngayhoi-<version>-setup.exe     per-user NSIS installer (packaging/windows/ngayhoi.nsi)
# Installs what it needs from Debian's packages when it is missing (needs root, as in CI).
# Debian's toolchain is kept apart from the normal one: PATH=/usr/bin:/bin for its commands
# and its own target directory, so `cargo` of the project is never mixed up with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
out=$root/target/windows
build=${WINDOWS_TARGET_DIR:-$root/target/windows-build}
mkdir -p "$out"

. packaging/windows/need.sh
need /usr/bin/cargo:cargo-web /usr/bin/rustc:rustc-web /usr/lib/rustlib/src/rust/library:rust-web-src \
    /usr/bin/x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64 /usr/bin/makensis:nsis

version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)

# 1. Icon, version information and manifest, as an object file the linker takes as it is.
(cd packaging/windows && x86_64-w64-mingw32-windres --codepage=65001 -O coff \
    -i ngayhoi.rc -o "$out/ngayhoi.res.o")

# 2. The release build. The standard library is built from source (-Zbuild-std, hence
# RUSTC_BOOTSTRAP) because Debian ships no prebuilt one for this target.
start=$(date +%s)
env PATH=/usr/bin:/bin HOME="$HOME" RUSTC_BOOTSTRAP=1 \
    CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" \
    CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
    /usr/bin/cargo rustc --locked --release --bin ngayhoi \
    -Zbuild-std=std,panic_unwind --target x86_64-pc-windows-gnu --target-dir "$build" \
    -- -C "link-arg=$out/ngayhoi.res.o"
cp "$build/x86_64-pc-windows-gnu/release/ngayhoi.exe" "$out/ngayhoi.exe"
echo "build.sh: ngayhoi.exe $(stat -c %s "$out/ngayhoi.exe") bytes, built in $(( $(date +%s) - start )) s"

# 3. The installer.
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DROOT="$root" packaging/windows/ngayhoi.nsi
echo "build.sh: $(ls "$out"/ngayhoi-"$version"-setup.exe) $(stat -c %s "$out/ngayhoi-$version-setup.exe") bytes"
