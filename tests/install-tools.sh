#!/bin/sh
# Tools the build and the tests need, installed from the system's packages when missing
# (Debian/Ubuntu): perl (with its full module set: OpenSSL's Configure uses IPC::Cmd) and make,
# which build the OpenSSL that SQLCipher encrypts with (compiled in, see Cargo.toml), and Xvfb,
# the virtual screen tests/data_file.rs opens the real window on. The papers are read back in
# Rust (tests/support/pdf.rs), with nothing installed.
set -e
command -v Xvfb >/dev/null && command -v make >/dev/null && perl -MIPC::Cmd -e 1 2>/dev/null \
  && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Cần cài perl, make và Xvfb để biên dịch và chạy kiểm thử." >&2
  exit 1
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq perl make xvfb xauth >/dev/null
