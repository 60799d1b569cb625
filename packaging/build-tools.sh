#!/bin/sh
# What building the program needs besides the Rust toolchain, installed from the system's
# packages when missing (Debian/Ubuntu): perl (with its full module set: OpenSSL's Configure
# uses IPC::Cmd) and make, which build the OpenSSL that SQLCipher encrypts the data file with
# (compiled in, see Cargo.toml).
set -e
command -v make >/dev/null && perl -MIPC::Cmd -e 1 2>/dev/null && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Cần cài perl và make để biên dịch chương trình." >&2
  exit 1
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq perl make >/dev/null
