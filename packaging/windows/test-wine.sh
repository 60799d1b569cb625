#!/usr/bin/env bash
# Tries the built Windows installer the way a secretary and IT staff would, under Wine on a
# virtual screen (CI runs it after build.sh):
#   - silent install per user; the Start-menu shortcut and the uninstaller are there;
#   - the installed ngayhoi.exe fills a demo into the default data file (%APPDATA%), exports the
#     program, the certificates and the report; the PDFs hold the Vietnamese text with their
#     fonts embedded (read back here with poppler);
#   - a data file, exports and backups on paths with Vietnamese letters and spaces, and a
#     restore from such a backup;
#   - saving over a PDF that another program holds open is refused with a clear message and
#     the old PDF stays as it was;
#   - the Vietnamese help text reaches the terminal;
#   - the window maps with its Vietnamese title (screenshot: target/windows/windows-wine.png);
#     Ctrl+P twice opens Windows' own save dialog, the PDF saved through it is whole, and
#     "Mở để in" opens it with the program registered for .pdf (a stand-in viewer);
#   - a second start on the same file is refused and says why;
#   - portable mode (`ngayhoi-data` beside the exe) wins over %APPDATA%;
#   - silent uninstall removes the program, the shortcut and the registration, never the data.
# Needs root for the Debian packages it installs when they are missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
version=$(sed -n '/^\[package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
setup=$root/target/windows/ngayhoi-$version-setup.exe
[ -f "$setup" ] || { echo "test-wine.sh: $setup is missing; run packaging/windows/build.sh first" >&2; exit 1; }

. packaging/windows/need.sh
need /usr/lib/wine/wine64:wine64 /usr/bin/Xvfb:xvfb /usr/bin/xdotool:xdotool /usr/bin/import:imagemagick \
    /usr/bin/pdftotext:poppler-utils /usr/bin/x86_64-w64-mingw32-gcc:gcc-mingw-w64-x86-64

work=$(mktemp -d)
export WINEPREFIX=$work/prefix WINEDEBUG=-all WINEARCH=win64
# No Mono/Gecko download prompts, no menu entries on this machine, and the stand-in below.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d;bcryptprimitives=n,b"
export DISPLAY=:$((40 + RANDOM % 20))
Xvfb "$DISPLAY" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null
    /usr/lib/wine/wineserver -k 2>/dev/null || true
    kill "$xvfb" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
wine() { /usr/lib/wine/wine64 "$@"; }
winpath() { /usr/lib/wine/wine64 winepath -w "$1" 2>/dev/null | tr -d '\r'; }
fail() { echo "test-wine.sh: LỖI: $*" >&2; exit 1; }
ok() { echo "test-wine.sh: ok: $*"; }
passed=0
check() { passed=$((passed + 1)); ok "$@"; }

start=$(date +%s)
wine wineboot --init >/dev/null 2>&1
/usr/lib/wine/wineserver -w
# Rust's standard library needs ProcessPrng from bcryptprimitives.dll, which Windows 10/11 have
# and Wine 8 does not: a test-only stand-in goes into the prefix, never into the installer.
sys32=$WINEPREFIX/drive_c/windows/system32
x86_64-w64-mingw32-gcc -O2 -shared -o "$sys32/bcryptprimitives.dll" \
    packaging/windows/wine/bcryptprimitives.c -ladvapi32
x86_64-w64-mingw32-gcc -O2 -municode -o "$work/hold.exe" packaging/windows/wine/hold.c
x86_64-w64-mingw32-gcc -O2 -municode -o "$work/record.exe" packaging/windows/wine/record.c
user_dir=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Roaming | grep -v /Public/ | head -n 1)
roaming=$user_dir
local_app=${user_dir%/Roaming}/Local
echo "test-wine.sh: Wine prefix ready in $(( $(date +%s) - start )) s"

# --- install -------------------------------------------------------------------------------
wine "$setup" /S
/usr/lib/wine/wineserver -w
instdir=$local_app/Programs/NgayHoi
exe=$instdir/ngayhoi.exe
[ -f "$exe" ] || fail "ngayhoi.exe không có trong $instdir"
[ -f "$instdir/uninstall.exe" ] || fail "không có uninstall.exe"
shortcut="$roaming/Microsoft/Windows/Start Menu/Programs/Ngày hội.lnk"
[ -f "$shortcut" ] || fail "không có lối tắt “Ngày hội” trong Start menu"
grep -q 'vn.ngayhoi.NgayHoi\]' "$WINEPREFIX/user.reg" || fail "trình gỡ cài đặt chưa được đăng ký"
grep -A12 'vn.ngayhoi.NgayHoi\]' "$WINEPREFIX/user.reg" | grep -q '"UninstallString"' \
    || fail "đăng ký gỡ cài đặt thiếu UninstallString"
check "cài đặt im lặng: chương trình, lối tắt Start menu, đăng ký gỡ cài đặt"

# --- the default data file, demo and exports -------------------------------------------------
out=$work/out
mkdir -p "$out"
wine "$exe" demo >"$work/demo.txt" 2>&1 || { cat "$work/demo.txt"; fail "ngayhoi.exe demo"; }
data=$roaming/NgayHoi/NgayHoi/data/ngayhoi.sqlite3
[ -f "$data" ] || fail "tệp dữ liệu mặc định không nằm ở %APPDATA%\\NgayHoi\\NgayHoi\\data"
for leftover in "$data-wal" "$data-journal"; do
    [ -e "$leftover" ] && fail "$(basename "$leftover") còn lại: tệp dữ liệu chưa giữ đủ mọi thay đổi"
done
check "tệp dữ liệu mặc định ở %APPDATA%\\NgayHoi\\NgayHoi\\data\\ngayhoi.sqlite3, tự chứa mọi thay đổi"

pdf_has() { # FILE TEXT...: the PDF's text holds every TEXT and every font is embedded
    local file=$1; shift
    [ -s "$file" ] || fail "$file không được tạo"
    pdftotext -layout "$file" "$file.txt"
    for text in "$@"; do grep -qF "$text" "$file.txt" || fail "$(basename "$file") thiếu “$text”"; done
    if pdffonts "$file" | tail -n +3 | awk '{ print $(NF-4) }' | grep -qv yes; then
        pdffonts "$file"; fail "$(basename "$file") có phông chữ không được nhúng"
    fi
}
for paper in program certificates report; do
    wine "$exe" export "$paper" --out "$(winpath "$out")\\$paper.pdf" >"$work/$paper.txt" 2>&1 \
        || { cat "$work/$paper.txt"; fail "export $paper"; }
done
pdf_has "$out/program.pdf" "CHƯƠNG TRÌNH" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc"
pdf_has "$out/certificates.pdf" "GIẤY KHEN" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
pdf_has "$out/report.pdf" "BÁO CÁO" "an ninh Tổ quốc"
check "demo và xuất chương trình, giấy khen, báo cáo: chữ tiếng Việt đúng, phông chữ được nhúng"

# --- Vietnamese letters and spaces in every path -----------------------------------------------
viet_dir="$WINEPREFIX/drive_c/users/Nguyễn Văn A/Tài liệu/Ngày hội 2026"
mkdir -p "$viet_dir"
db_w="$(winpath "$viet_dir")\\dữ liệu của xã.sqlite3"
wine "$exe" --db "$db_w" demo >/dev/null 2>&1 || fail "demo trên đường dẫn có dấu"
wine "$exe" --db "$db_w" export program --out "$(winpath "$viet_dir")\\Chương trình lễ.pdf" >/dev/null 2>&1 \
    || fail "xuất PDF vào thư mục có dấu"
pdf_has "$viet_dir/Chương trình lễ.pdf" "CHƯƠNG TRÌNH"
wine "$exe" --db "$db_w" backup --out "$(winpath "$viet_dir")\\Sao lưu tháng 12.sqlite3" >"$work/backup.txt" 2>&1 \
    || { cat "$work/backup.txt"; fail "sao lưu vào đường dẫn có dấu"; }
grep -q "Đã sao lưu" "$work/backup.txt" || fail "sao lưu không báo “Đã sao lưu”: $(cat "$work/backup.txt")"
wine "$exe" --db "$db_w" restore "$(winpath "$viet_dir")\\Sao lưu tháng 12.sqlite3" >"$work/restore.txt" 2>&1 \
    || { cat "$work/restore.txt"; fail "khôi phục từ đường dẫn có dấu"; }
[ -f "$viet_dir/dữ liệu của xã.sqlite3" ] || fail "tệp dữ liệu có dấu bị mất sau khi khôi phục"
# Each data file has its own backups folder: "sao-luu-" and the file's name.
ls "$viet_dir/sao-luu-dữ liệu của xã/" | grep -q . \
    || fail "không có bản sao lưu trước khi khôi phục trong sao-luu-dữ liệu của xã\\"
check "đường dẫn C:\\users\\Nguyễn Văn A\\Tài liệu\\...: dữ liệu, PDF, sao lưu, khôi phục"

# --- a province takes in a ward's report package (issue 14) -----------------------------------
prov_w="$(winpath "$viet_dir")\\Tỉnh Đồng Nai.sqlite3"
package_w="$(winpath "$viet_dir")\\Gói báo cáo của phường.xlsx"
wine "$exe" --db "$prov_w" demo --province >/dev/null 2>&1 || fail "demo --province"
wine "$exe" --db "$db_w" export report-package --out "$package_w" >/dev/null 2>&1 \
    || fail "phường xuất gói báo cáo"
wine "$exe" --db "$prov_w" consolidate "$package_w" >"$work/consolidate.txt" 2>&1 \
    || { cat "$work/consolidate.txt"; fail "tỉnh nhận gói báo cáo"; }
grep -q "Phường Chợ Quán" "$work/consolidate.txt" \
    || fail "dòng của tệp không nêu đơn vị: $(cat "$work/consolidate.txt")"
wine "$exe" --db "$prov_w" export consolidated --out "$(winpath "$viet_dir")\\Tổng hợp.pdf" \
    >/dev/null 2>&1 || fail "xuất báo cáo tổng hợp"
pdf_has "$viet_dir/Tổng hợp.pdf" "Tổng hợp kết quả" "Đồng Nai"
check "tỉnh nhận gói báo cáo của phường và xuất báo cáo tổng hợp"

# --- the optional password (issue 20): the file replaced whole under Windows' rules ----------
sealed="$viet_dir/có mật khẩu.sqlite3"
sealed_w="$(winpath "$viet_dir")\\có mật khẩu.sqlite3"
wine "$exe" --db "$sealed_w" demo >/dev/null 2>&1 || fail "demo cho tệp sẽ có mật khẩu"
grep -qaF "Phường Chợ Quán" "$sealed" || fail "tệp thường phải chứa tên đơn vị"
NGAYHOI_MAT_KHAU_MOI="mật khẩu 2026" wine "$exe" --db "$sealed_w" password set >"$work/pw.txt" 2>&1 \
    || { cat "$work/pw.txt"; fail "đặt mật khẩu"; }
grep -q "Đã đặt mật khẩu mới" "$work/pw.txt" || fail "đặt mật khẩu không báo: $(cat "$work/pw.txt")"
grep -qaF "Phường Chợ Quán" "$sealed" && fail "tệp có mật khẩu vẫn đọc được tên đơn vị"
wine "$exe" --db "$sealed_w" export program --out "$(winpath "$out")\\mk.pdf" >"$work/pw.txt" 2>&1 \
    && fail "tệp có mật khẩu mở được khi không có mật khẩu"
grep -q "có mật khẩu" "$work/pw.txt" || { cat "$work/pw.txt"; fail "lỗi thiếu mật khẩu không rõ ràng"; }
NGAYHOI_MAT_KHAU="mật khẩu 2026" wine "$exe" --db "$sealed_w" export program \
    --out "$(winpath "$out")\\mk.pdf" >"$work/pw.txt" 2>&1 || { cat "$work/pw.txt"; fail "mở bằng mật khẩu"; }
pdf_has "$out/mk.pdf" "CHƯƠNG TRÌNH"
NGAYHOI_MAT_KHAU="mật khẩu 2026" wine "$exe" --db "$sealed_w" password remove >"$work/pw.txt" 2>&1 \
    || { cat "$work/pw.txt"; fail "bỏ mật khẩu"; }
grep -qaF "Phường Chợ Quán" "$sealed" || fail "bỏ mật khẩu: tệp chưa trở lại tệp thường"
check "mật khẩu tệp dữ liệu: đặt, không có thì từ chối, có thì mở, bỏ mật khẩu"

# --- the terminal gets Vietnamese text ---------------------------------------------------------
wine "$exe" --help >"$work/help.txt" 2>&1 || true
grep -q "In hướng dẫn này" "$work/help.txt" || { cat "$work/help.txt"; fail "--help không in tiếng Việt đúng"; }
wine "$exe" export program --out "$(winpath "$out")\\x.pdf" --year hai >"$work/bad.txt" 2>&1 && fail "năm “hai” phải bị từ chối"
grep -q "[ắằẳẵặâấầẩẫậđêếềểễệôốồổỗộơớờởỡợưứừửữựảãáàạóòỏõọíìỉĩịúùủũụ]" "$work/bad.txt" \
    || { cat "$work/bad.txt"; fail "thông báo lỗi không có chữ tiếng Việt"; }
check "trợ giúp và thông báo lỗi ra terminal bằng tiếng Việt"

# --- saving over a PDF that a viewer holds open -------------------------------------------------
before=$(md5sum <"$out/program.pdf")
wine "$work/hold.exe" "$(winpath "$out")\\program.pdf" "$(winpath "$out")\\release" &
holder=$!
sleep 2
if wine "$exe" export program --out "$(winpath "$out")\\program.pdf" >"$work/held.txt" 2>&1; then
    touch "$out/release"; wait "$holder" || true
    echo "test-wine.sh: lưu đè lên tệp đang mở vẫn thành công (Wine cho phép; Windows không)"
else
    touch "$out/release"; wait "$holder" || true
    grep -q "đang được mở" "$work/held.txt" || { cat "$work/held.txt"; fail "lỗi lưu đè tệp đang mở không rõ ràng"; }
    [ "$(md5sum <"$out/program.pdf")" = "$before" ] || fail "tệp PDF cũ bị thay đổi khi lưu không thành"
    ls "$out" | grep -q '^\.tmp' && fail "tệp tạm còn sót lại"
    check "lưu đè lên PDF đang mở: thông báo rõ ràng, tệp cũ còn nguyên"
fi

# --- the window, its file dialog and the default PDF viewer --------------------------------------
# The stand-in viewer becomes the program Windows opens .pdf files with.
opened=$work/opened.txt
# (Wine's own machine-wide "pdffile" class wins over a per-user one, so that one is changed.)
wine reg add 'HKCR\pdffile\shell\open\command' /ve \
    /d "\"$(winpath "$work/record.exe")\" \"%1\" \"$(winpath "$opened")\"" /f >/dev/null 2>&1
wine "$exe" >"$work/window.txt" 2>&1 &
app=$!
wid=$(timeout 60 xdotool search --sync --onlyvisible --name "Ngày hội" 2>/dev/null | head -n 1) || true
[ -n "$wid" ] || { cat "$work/window.txt"; fail "cửa sổ “Ngày hội” không hiện trong 60 giây"; }
title=$(xdotool getwindowname "$wid")
case $title in *"Ngày hội"*) ;; *) fail "tiêu đề cửa sổ sai: $title" ;; esac
sleep 6
import -window "$wid" "$root/target/windows/windows-wine.png"
check "cửa sổ “$title” hiện lên (ảnh: target/windows/windows-wine.png)"

# Ctrl+P shows the papers, Ctrl+P again asks where to save: Windows' own save dialog.
# Without a window manager Wine gives the keyboard to the window clicked last: click the
# empty strip above the title first.
xdotool mousemove --window "$wid" 600 8 click 1
sleep 1
xdotool key --clearmodifiers ctrl+p
sleep 2
xdotool key --clearmodifiers ctrl+p
dialog=$(timeout 30 xdotool search --sync --onlyvisible --name "Lưu văn bản PDF" 2>/dev/null | head -n 1) || true
[ -n "$dialog" ] || fail "Ctrl+P không mở hộp thoại lưu tệp của Windows"
xdotool windowfocus --sync "$dialog" 2>/dev/null || true
xdotool key --clearmodifiers ctrl+a
xdotool type --delay 20 "$(winpath "$out")\\from-dialog.pdf"
xdotool key Return
for _ in $(seq 30); do [ -s "$out/from-dialog.pdf" ] && break; sleep 1; done
sleep 1
pdf_has "$out/from-dialog.pdf" "CHƯƠNG TRÌNH"
# "Mở để in": the banner's main button, found by its colour (the theme's accent) right of the
# sidebar and below the header, then clicked as a secretary would.
import -window "$wid" "$work/saved.png"
box=$(convert "$work/saved.png" -crop +500+150 +repage -fill black +opaque "#1D5C96" \
    -fill white -opaque "#1D5C96" -trim -format '%w %h %X %Y' info: 2>/dev/null) || true
read -r bw bh bx by <<<"${box:-0 0 0 0}"
cp "$work/saved.png" "$root/target/windows/wine-saved.png"
[ "${bw:-0}" -gt 20 ] || fail "không thấy nút “Mở để in” sau khi lưu (target/windows/wine-saved.png)"
xdotool mousemove --window "$wid" $((500 + bx + bw / 2)) $((150 + by + bh / 2)) click 1
for _ in $(seq 30); do [ -s "$opened" ] && break; sleep 1; done
[ -s "$opened" ] || fail "“Mở để in” (bấm ở $((500 + bx + bw / 2)),$((150 + by + bh / 2))) không mở tệp bằng trình xem PDF mặc định (target/windows/wine-saved.png)"
grep -qF "from-dialog.pdf" "$opened" || fail "trình xem PDF nhận sai tệp: $(cat "$opened")"
check "hộp thoại lưu của Windows, rồi “Mở để in” mở PDF bằng chương trình mặc định"

# A second start on the same file (a double click too many) is refused and says why.
timeout 60 /usr/lib/wine/wine64 "$exe" >"$work/second.txt" 2>&1 &
second=$!
for _ in $(seq 60); do grep -q "đang được mở" "$work/second.txt" && break; sleep 1; done
kill "$second" 2>/dev/null || true
grep -q "đang được mở trong một cửa sổ Ngày hội khác" "$work/second.txt" \
    || { cat "$work/second.txt"; fail "lần mở thứ hai trên cùng tệp không bị từ chối"; }
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
app=""
/usr/lib/wine/wineserver -k 2>/dev/null || true
/usr/lib/wine/wineserver -w 2>/dev/null || true
check "lần mở thứ hai trên cùng tệp bị từ chối, nói rõ lý do"

# --- portable mode --------------------------------------------------------------------------------
mkdir -p "$instdir/ngayhoi-data"
appdata_sum=$(md5sum <"$data")
wine "$exe" demo >/dev/null 2>&1 || fail "demo ở chế độ di động"
[ -f "$instdir/ngayhoi-data/ngayhoi.sqlite3" ] || fail "chế độ di động: dữ liệu không nằm trong ngayhoi-data"
[ "$(md5sum <"$data")" = "$appdata_sum" ] || fail "chế độ di động vẫn ghi vào %APPDATA%"
check "chế độ di động: thư mục ngayhoi-data bên cạnh chương trình được dùng"

# --- uninstall ----------------------------------------------------------------------------------
wine "$instdir/uninstall.exe" /S "_?=$(winpath "$instdir")"
/usr/lib/wine/wineserver -w
[ -f "$exe" ] && fail "gỡ cài đặt không xóa ngayhoi.exe"
[ -f "$shortcut" ] && fail "gỡ cài đặt không xóa lối tắt"
grep -q 'vn.ngayhoi.NgayHoi\]' "$WINEPREFIX/user.reg" && fail "gỡ cài đặt không xóa đăng ký"
[ -f "$data" ] || fail "gỡ cài đặt đã xóa dữ liệu trong %APPDATA%"
[ -f "$instdir/ngayhoi-data/ngayhoi.sqlite3" ] || fail "gỡ cài đặt đã xóa thư mục ngayhoi-data"
check "gỡ cài đặt: chương trình, lối tắt, đăng ký bị xóa; dữ liệu còn nguyên"

echo "test-wine.sh: cả $passed bước kiểm tra đều đạt, trong $(( $(date +%s) - start )) s"
