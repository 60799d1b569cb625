#!/usr/bin/env bash
# Paired comparison with the peer (issue 16): N certificates into one PDF by
# `ngayhoi export certificates` against LibreOffice converting the same names merged
# (../shared/bench/peer/run.sh). Runs alternate (peer, ngayhoi, peer, ngayhoi, ...) so that the
# machine's drift hits both; each side's median wall time, peak memory and PDF size are printed,
# then the ratio of the medians.
#
# Usage: bash benches/peer.sh [N] [RUNS]        (default 1000 certificates, 5 runs each)
# Env:   NGAYHOI   the binary to measure (default target/release/ngayhoi; build it first with
#                  `cargo build --release`, or point at target/profiling/ngayhoi)
#        PEER      the peer's folder (default ../shared/bench/peer)
#        NGAYHOI_ONLY=1  skip LibreOffice (the ngayhoi side alone, e.g. for N=10000)
# Needs: /usr/bin/time, python3, and for the peer libreoffice-writer-nogui, fonts-liberation2,
#        poppler-utils.
#
# The ngayhoi data file holds the peer's names (make_names.py, same seed) as Giấy khen of one
# decision, imported once before timing; the import is not timed, as the peer's merge is not.
set -euo pipefail

N="${1:-1000}"
RUNS="${2:-5}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NGAYHOI="${NGAYHOI:-$ROOT/target/release/ngayhoi}"
PEER="${PEER:-$ROOT/../shared/bench/peer}"
PY="${PYTHON:-$(command -v /usr/bin/python3 || command -v python3)}"
WORK="$(mktemp -d /tmp/ngayhoi-peer-XXXX)"
trap 'rm -rf "$WORK"' EXIT

[[ -x "$NGAYHOI" ]] || { echo "no binary at $NGAYHOI (cargo build --release)" >&2; exit 1; }

# The peer's names as an import file: one decision, all Giấy khen.
"$PY" "$PEER/make_names.py" "$N" --out "$WORK/names.csv"
"$PY" - "$WORK/names.csv" "$WORK/recipients.csv" <<'EOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f, \
     open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
    w = csv.writer(out)
    w.writerow(["Hình thức", "Đối tượng", "Họ và tên", "Chức vụ, đơn vị", "Thành tích",
                "Số quyết định", "Ngày quyết định"])
    # The peer's names repeat; a decision lists each recipient once, so each row gets a unit.
    for i, row in enumerate(csv.DictReader(f), 1):
        w.writerow(["Giấy khen", row["kind"], row["name"], f"Tổ dân phố {i}", row["reason"],
                    "125/QĐ-UBND", "18/08/2026"])
EOF
DB="$WORK/ngayhoi.sqlite3"
"$NGAYHOI" --db "$DB" init --unit "Phường Chợ Quán" --level phường \
    --province "Thành phố Hồ Chí Minh" --place "Chợ Quán" --year 2026 > /dev/null
"$NGAYHOI" --db "$DB" import recipients "$WORK/recipients.csv" > /dev/null

# One timed call: prints "wall_s peak_kib". Wall time from the clock in nanoseconds (time's
# %e has 10 ms steps); the peak resident memory of the largest process from time's %M.
timed() {
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$WORK/time" "$@" > /dev/null 2> "$WORK/stderr" || {
        cat "$WORK/stderr" >&2; return 1; }
    end=$(date +%s%N)
    printf '%s %s\n' "$(echo "($end - $start) / 1000000000" | bc -l)" "$(tail -1 "$WORK/time")"
}
ours() { timed "$NGAYHOI" --db "$DB" export certificates --force --out "$WORK/ngayhoi.pdf"; }
theirs() { WORKDIR="$WORK/peer" timed bash "$PEER/run.sh" "$N"; }

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# One warm-up each, not counted (page cache, LibreOffice's first start).
ours > /dev/null
[[ -n "${NGAYHOI_ONLY:-}" ]] || theirs > /dev/null
: > "$WORK/ours"; : > "$WORK/theirs"
for _ in $(seq "$RUNS"); do
    [[ -n "${NGAYHOI_ONLY:-}" ]] || theirs >> "$WORK/theirs"
    ours >> "$WORK/ours"
done

pages=$(pdfinfo "$WORK/ngayhoi.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}' || echo "?")
o_wall=$(cut -d' ' -f1 "$WORK/ours" | median)
o_mem=$(cut -d' ' -f2 "$WORK/ours" | median)
printf 'load: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'ngayhoi      N=%s pages=%s wall_median=%.3fs peak=%.1fMiB pdf=%s bytes (runs: %s)\n' \
    "$N" "$pages" "$o_wall" "$(echo "$o_mem/1024" | bc -l)" "$(stat -c %s "$WORK/ngayhoi.pdf")" \
    "$(cut -d' ' -f1 "$WORK/ours" | tr '\n' ' ')"
if [[ -z "${NGAYHOI_ONLY:-}" ]]; then
    t_wall=$(cut -d' ' -f1 "$WORK/theirs" | median)
    t_mem=$(cut -d' ' -f2 "$WORK/theirs" | median)
    printf 'libreoffice  N=%s wall_median=%.3fs peak=%.1fMiB pdf=%s bytes (runs: %s)\n' \
        "$N" "$t_wall" "$(echo "$t_mem/1024" | bc -l)" \
        "$(stat -c %s "$WORK/peer/out/certificates.pdf")" \
        "$(cut -d' ' -f1 "$WORK/theirs" | tr '\n' ' ')"
    # Pair by pair, so that drift cancels; the median of the per-pair ratios.
    ratio=$(paste -d' ' <(cut -d' ' -f1 "$WORK/theirs") <(cut -d' ' -f1 "$WORK/ours") \
        | awk '{ printf "%f\n", $1 / ($2 > 0 ? $2 : 0.005) }' | median)
    printf 'ratio (median of paired LibreOffice/ngayhoi wall times): %.1fx\n' "$ratio"
fi
