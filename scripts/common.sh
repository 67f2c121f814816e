# Shared by scripts/examples.sh and scripts/test.sh (sourced, not run).
#
# ndpp_install_missing PKG...: installs, with apt-get, those of the Debian
# packages PKG that `dpkg -s` does not report as installed; runs
# `apt-get update` only when something is missing. Needs root (or sudo) only
# then. On a system without dpkg it checks nothing and says so.
#
# ndpp_cmake_generator: prints "-G Ninja" arguments when ninja is installed,
# nothing otherwise (CMake then uses Unix Makefiles).

ndpp_packages=(cmake make g++ libopenblas-dev liblapacke-dev catch2 libbenchmark-dev)

ndpp_install_missing() {
    if ! command -v dpkg >/dev/null 2>&1; then
        echo "ndpp: no dpkg here; make sure these (or your system's equivalents) are installed: $*" >&2
        return 0
    fi
    local missing=() package
    for package in "$@"; do
        if ! dpkg -s "$package" 2>/dev/null | grep -q '^Status: install ok installed'; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "ndpp: all needed packages are installed"
        return 0
    fi
    echo "ndpp: installing ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "ndpp: missing packages (${missing[*]}) and not root; run as root or install them" >&2
            return 1
        fi
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

ndpp_cmake_generator() {
    if command -v ninja >/dev/null 2>&1; then
        echo "-G Ninja"
    fi
}
