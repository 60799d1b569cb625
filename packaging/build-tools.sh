#!/bin/sh
# What building the program needs besides the Rust toolchain, installed from the system's
# packages when missing (Debian/Ubuntu): perl (with its full module set: OpenSSL's Configure
# uses IPC::Cmd) and make, which build the OpenSSL that SQLCipher encrypts the data file with
# (compiled in, see Cargo.toml).
#
# Usage: sh packaging/build-tools.sh [COMMAND PACKAGES]   also installs PACKAGES (one word, or
#        several quoted together) when COMMAND is missing; tests/install-tools.sh adds Xvfb so.
set -e
extra_command=${1:-}
extra_packages=${2:-}
if command -v make >/dev/null && perl -MIPC::Cmd -e 1 2>/dev/null \
  && { [ -z "$extra_command" ] || command -v "$extra_command" >/dev/null; }; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Cần cài perl, make ${extra_packages:+và $extra_packages }để biên dịch và chạy chương trình." >&2
  exit 1
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
# shellcheck disable=SC2086 # several packages in one argument are meant to split
$sudo apt-get install -y -qq perl make $extra_packages >/dev/null
