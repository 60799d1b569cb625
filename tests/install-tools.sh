#!/bin/sh
# Tools the build and the tests need, installed from the system's packages when missing
# (Debian/Ubuntu): perl and make for the build (packaging/build-tools.sh), and Xvfb, the virtual
# screen tests/data_file.rs opens the real window on. The papers are read back in Rust
# (tests/support/pdf.rs), with nothing installed.
set -e
sh "$(dirname "$0")/../packaging/build-tools.sh"
command -v Xvfb >/dev/null && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Cần cài Xvfb để chạy kiểm thử." >&2
  exit 1
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq xvfb xauth >/dev/null
