#!/bin/sh
# Tools the build and the tests need, installed from the system's packages when missing
# (Debian/Ubuntu): perl and make for the build, and Xvfb, the virtual screen tests/data_file.rs
# opens the real window on. The papers are read back in Rust (tests/support/pdf.rs), with
# nothing installed.
exec sh "$(dirname "$0")/../packaging/build-tools.sh" Xvfb "xvfb xauth"
