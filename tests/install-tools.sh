#!/bin/sh
# Tools the tests need, installed from the system's packages when missing (Debian/Ubuntu):
# pdftotext, pdffonts, pdfinfo (poppler-utils) that the document tests read PDFs back with, and
# Xvfb, the virtual screen tests/data_file.rs opens the real window on.
set -e
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && command -v Xvfb >/dev/null && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Cần cài poppler (pdftotext, pdffonts, pdfinfo) và Xvfb để chạy kiểm thử." >&2
  exit 1
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq poppler-utils xvfb xauth >/dev/null
