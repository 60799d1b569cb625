#!/usr/bin/env bash
# How soon the window appears (issue 16): the time from starting `ngayhoi` to its window being
# mapped on a virtual screen, for the demo and for a large file (10,000 households and 2,000
# recipients). Each case runs RUNS times; the median is printed.
#
# Usage: bash benches/window.sh [RUNS]                   (default 7)
# Env:   NGAYHOI  the binary (default target/release/ngayhoi; `cargo build --release` first)
# Needs: Xvfb, xwininfo (x11-utils), python3.
#
# "Mapped" is when X shows the window (polled every 2 ms with xwininfo); "showing the year" is
# when its title names the unit and the year, which the app sets once the year is loaded.
set -euo pipefail

RUNS="${1:-7}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NGAYHOI="${NGAYHOI:-$ROOT/target/release/ngayhoi}"
WORK="$(mktemp -d /tmp/ngayhoi-window-XXXX)"
[[ -x "$NGAYHOI" ]] || { echo "no binary at $NGAYHOI (cargo build --release)" >&2; exit 1; }

DISPLAY_NO=$((90 + RANDOM % 100))
Xvfb ":$DISPLAY_NO" -screen 0 1366x768x24 -nolisten tcp > /dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null; rm -rf "$WORK"' EXIT
export DISPLAY=":$DISPLAY_NO"
for _ in $(seq 100); do xwininfo -root > /dev/null 2>&1 && break; sleep 0.05; done

# The demo, and the demo with 10,000 households and 2,000 recipients more.
"$NGAYHOI" --db "$WORK/demo.sqlite3" demo > /dev/null
cp "$WORK/demo.sqlite3" "$WORK/large.sqlite3"
python3 - "$WORK" <<'EOF'
import csv, sys
work = sys.argv[1]
family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi"]
middle = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh"]
given = ["An", "Bình", "Cường", "Dũng", "Hằng", "Hương", "Khánh", "Lan", "Mai", "Tâm"]
kinds = ["Hộ nghèo", "Hộ cận nghèo", "Gia đình liệt sĩ", "Thương binh", "Người có công"]
def name(i):
    return f"{family[i % 10]} {middle[i // 10 % 6]} {given[i // 60 % 10]} {i}"
with open(f"{work}/households.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Họ và tên", "Địa chỉ", "Diện"])
    for i in range(10_000):
        w.writerow([name(i), f"Số {i % 300 + 1}, Khu phố {i % 9 + 1}", kinds[i % 5]])
with open(f"{work}/recipients.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Hình thức", "Đối tượng", "Họ và tên", "Chức vụ, đơn vị", "Thành tích",
                "Số quyết định", "Ngày quyết định"])
    for i in range(2_000):
        w.writerow(["Giấy khen", "Cá nhân", name(i), f"Tổ dân phố {i % 40 + 1}",
                    "Có thành tích xuất sắc trong phong trào", "130/QĐ-UBND", "20/08/2026"])
EOF
"$NGAYHOI" --db "$WORK/large.sqlite3" import households "$WORK/households.csv" > /dev/null
"$NGAYHOI" --db "$WORK/large.sqlite3" import recipients "$WORK/recipients.csv" > /dev/null

# Polls until the window's title matches $2; prints the seconds since $1 (ns).
seen_after() {
    local t0="$1" pattern="$2" pid="$3"
    until xwininfo -root -tree 2>/dev/null | grep -q "$pattern"; do
        kill -0 "$pid" 2>/dev/null || { echo "ngayhoi exited before its window" >&2; return 1; }
        sleep 0.002
    done
    echo "($(date +%s%N) - $t0) / 1000000000" | bc -l
}

# One start: prints the seconds until the window is mapped, and until it shows the year's data
# (its title names the unit and the year), then closes the app.
start_once() {
    local db="$1" t0 pid mapped ready
    t0=$(date +%s%N)
    "$NGAYHOI" --db "$db" > /dev/null 2>&1 &
    pid=$!
    mapped=$(seen_after "$t0" '"Ngày hội' "$pid")
    ready=$(seen_after "$t0" '"Ngày hội.*năm 20' "$pid")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo "$mapped $ready"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

for case in demo large; do
    start_once "$WORK/$case.sqlite3" > /dev/null # warm-up: page cache, font cache
    runs=$(for _ in $(seq "$RUNS"); do start_once "$WORK/$case.sqlite3"; done)
    printf '%-6s window mapped after %.3fs, showing the year after %.3fs (medians of %s; mapped: %s)\n' \
        "$case" "$(echo "$runs" | cut -d' ' -f1 | median)" "$(echo "$runs" | cut -d' ' -f2 | median)" \
        "$RUNS" "$(echo "$runs" | cut -d' ' -f1 | xargs printf '%.3f ')"
done
