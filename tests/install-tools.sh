#!/bin/sh
# Tools the document tests read PDFs back with: pdftotext, pdffonts, pdfinfo (poppler-utils).
# Installed from the system's packages when missing (Debian/Ubuntu; elsewhere install poppler).
set -e
command -v pdftotext >/dev/null && command -v pdffonts >/dev/null && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Cần cài poppler (pdftotext, pdffonts, pdfinfo) để chạy kiểm thử văn bản PDF." >&2
  exit 1
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
$sudo apt-get install -y -qq poppler-utils >/dev/null
