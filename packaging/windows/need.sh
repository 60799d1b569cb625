# Sourced by build.sh and test-wine.sh: `need FILE:PACKAGE...` installs each Debian PACKAGE
# whose FILE is missing (as root, as in CI), in one apt-get call.
need() {
    local missing=() pair
    for pair in "$@"; do
        [ -e "${pair%%:*}" ] || missing+=("${pair#*:}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "$(basename "$0"): cài ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
