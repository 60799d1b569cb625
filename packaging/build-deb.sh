#!/usr/bin/env bash
# Builds the Debian/Ubuntu package, installs it on this machine and proves that the installed
# program opens its window:
#
#     bash packaging/build-deb.sh      (as root, or with sudo rights for apt-get)
#
# 1. `cargo deb --locked` builds the release binary and target/debian/ngayhoi_<version>-1_<arch>.deb
#    (cargo-deb is installed with `cargo install cargo-deb --locked` if it is missing);
# 2. apt-get installs the .deb with its dependencies (no recommends: no portal on a test box);
# 3. /usr/bin/ngayhoi starts once on a virtual X screen (Xvfb) with an empty data file; the
#    window must appear, be titled "Ngày hội...", carry the WM_CLASS of the desktop file and an
#    icon, and close cleanly when asked to (WM_DELETE_WINDOW, like the title bar's ×);
# 4. `dpkg -L ngayhoi` must list the binary, the desktop file, the metainfo and the icons.
#
# Exits non-zero with a one-line reason on the first failure. Needs Xvfb, xauth, xprop and
# xdotool (installed with apt-get when missing) and python3 for the polite close (without it
# the program is stopped with SIGTERM instead).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "build-deb: FAILED: $*" >&2; exit 1; }
step() { echo "build-deb: $*"; }

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"

# --- tools ---------------------------------------------------------------------------------
if ! cargo deb --version >/dev/null 2>&1; then
  step "installing cargo-deb"
  cargo install cargo-deb --locked || fail "cannot install cargo-deb"
fi
missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
command -v xprop >/dev/null || missing+=(x11-utils)
command -v xdotool >/dev/null || missing+=(xdotool)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; } \
    || fail "cannot install ${missing[*]}"
fi

# --- build ---------------------------------------------------------------------------------
step "cargo deb (release build; several minutes on a small machine)"
start=$(date +%s)
deb=$(cargo deb --locked | tail -n 1)
[ -f "$deb" ] || fail "cargo deb did not report a .deb file (got: $deb)"
case "$deb" in /*) ;; *) deb="./$deb" ;; esac  # apt-get takes a file only as a path
step "built $deb in $(($(date +%s) - start)) s: $(du -h "$deb" | cut -f1) package, binary $(stat -c %s "${CARGO_TARGET_DIR:-target}/release/ngayhoi") bytes"

# --- install -------------------------------------------------------------------------------
step "installing $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  --reinstall "$deb" >/dev/null || fail "apt-get could not install $deb"
[ -x /usr/bin/ngayhoi ] || fail "/usr/bin/ngayhoi is missing after installing"
installed=$(dpkg-query -W -f='${Version}' ngayhoi) || fail "dpkg does not know the package"
step "installed ngayhoi $installed"

# --- the installed files -------------------------------------------------------------------
files=$(dpkg -L ngayhoi)
for f in /usr/bin/ngayhoi \
         /usr/share/applications/vn.ngayhoi.NgayHoi.desktop \
         /usr/share/metainfo/vn.ngayhoi.NgayHoi.metainfo.xml \
         /usr/share/icons/hicolor/16x16/apps/vn.ngayhoi.NgayHoi.png \
         /usr/share/icons/hicolor/48x48/apps/vn.ngayhoi.NgayHoi.png \
         /usr/share/icons/hicolor/256x256/apps/vn.ngayhoi.NgayHoi.png \
         /usr/share/icons/hicolor/scalable/apps/vn.ngayhoi.NgayHoi.svg \
         /usr/share/doc/ngayhoi/README.md; do
  grep -qxF "$f" <<<"$files" || fail "dpkg -L ngayhoi does not list $f"
  [ -s "$f" ] || fail "$f is listed but missing or empty"
done
icons=$(grep -c '^/usr/share/icons/hicolor/.*/apps/vn.ngayhoi.NgayHoi\.' <<<"$files" || true)
step "dpkg -L lists the binary, desktop file, metainfo, README and $icons icons"
# The validators, where this machine has them (desktop-file-utils, appstream); not installed here.
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate /usr/share/applications/vn.ngayhoi.NgayHoi.desktop \
    || fail "desktop-file-validate rejects the desktop file"
  step "desktop-file-validate: the desktop file is valid"
fi
if command -v appstreamcli >/dev/null; then
  report=$(appstreamcli validate --no-net /usr/share/metainfo/vn.ngayhoi.NgayHoi.metainfo.xml 2>&1) \
    || { echo "$report" >&2; fail "appstreamcli rejects the metainfo"; }
  step "appstreamcli: the metainfo is valid"
fi
wmclass=$(sed -n 's/^StartupWMClass=//p' /usr/share/applications/vn.ngayhoi.NgayHoi.desktop)
[ -n "$wmclass" ] || fail "the desktop file has no StartupWMClass"

# --- start it once -------------------------------------------------------------------------
work=$(mktemp -d)
disp=":$((50 + RANDOM % 40))"
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null
  kill "$xvfb" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 50); do
  DISPLAY=$disp xprop -root >/dev/null 2>&1 && break
  sleep 0.1
done
DISPLAY=$disp xprop -root >/dev/null 2>&1 || fail "Xvfb did not start on $disp"

step "starting /usr/bin/ngayhoi --db $work/t.sqlite3 on Xvfb $disp"
env -u WAYLAND_DISPLAY DISPLAY="$disp" ICED_BACKEND=tiny-skia \
  /usr/bin/ngayhoi --db "$work/t.sqlite3" >"$work/app.log" 2>&1 &
app=$!
wid=$(DISPLAY=$disp timeout 30 xdotool search --sync --onlyvisible --pid "$app" 2>/dev/null | head -n 1) || true
if [ -z "$wid" ]; then
  tail -n 20 "$work/app.log" >&2
  fail "no window appeared within 30 s (the program's output is above)"
fi

title=$(DISPLAY=$disp xprop -id "$wid" _NET_WM_NAME | sed -n 's/^_NET_WM_NAME(UTF8_STRING) = "\(.*\)"$/\1/p')
case "$title" in
  *"Ngày hội"*) step "window $wid is titled \"$title\"" ;;
  *) fail "the window title is \"$title\", not \"Ngày hội...\"" ;;
esac
class=$(DISPLAY=$disp xprop -id "$wid" WM_CLASS)
case "$class" in
  *"\"$wmclass\", \"$wmclass\""*) step "WM_CLASS matches StartupWMClass=$wmclass" ;;
  *) fail "the window's $class does not match StartupWMClass=$wmclass of the desktop file" ;;
esac
# Read the whole property first: cutting xprop's output short would kill it with SIGPIPE,
# which pipefail reports as a failure.
icon=$(DISPLAY=$disp xprop -id "$wid" _NET_WM_ICON 2>/dev/null || true)
grep -q 'Icon (' <<<"$icon" || fail "the window has no icon (_NET_WM_ICON)"
step "the window has its icon"

# Close it like the title bar's × does: a WM_DELETE_WINDOW message (no window manager runs on
# Xvfb, so send it ourselves through libX11).
close_window() {
  DISPLAY=$disp python3 - "$1" <<'EOF'
import ctypes, ctypes.util, sys
x = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11") or "libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]

class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5)]

class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

display = x.XOpenDisplay(None)
if not display:
    sys.exit("cannot open the X display")
event = XEvent()
event.xclient.type = 33  # ClientMessage
event.xclient.window = int(sys.argv[1])
event.xclient.message_type = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
if not x.XSendEvent(display, int(sys.argv[1]), 0, 0, ctypes.byref(event)):
    sys.exit("XSendEvent failed")
x.XFlush(display)
x.XCloseDisplay(display)
EOF
}

if command -v python3 >/dev/null; then
  close_window "$wid" || fail "could not ask the window to close"
  for _ in $(seq 100); do
    kill -0 "$app" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$app" 2>/dev/null && fail "the program did not exit within 10 s of closing its window"
  status=0
  wait "$app" || status=$?
  app=""
  [ "$status" = 0 ] || { tail -n 20 "$work/app.log" >&2; fail "the program exited with status $status after closing its window"; }
  step "closed the window; the program exited with status 0"
else
  kill "$app"
  wait "$app" 2>/dev/null || true
  app=""
  step "python3 is missing: stopped the program with SIGTERM instead of closing its window"
fi
[ -s "$work/t.sqlite3" ] || fail "the program did not create its data file $work/t.sqlite3"
step "the data file was created"

step "OK: $deb installs and its program opens a window titled \"$title\""
