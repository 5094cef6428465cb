# SPDX-License-Identifier: Apache-2.0
# Shared by scripts/run and scripts/test: installs the Debian 12 packages HSM Admin needs
# (only the missing ones, through sudo when not root) and configures/builds into build/.
# Sourced, not run.

HSM_ADMIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HSM_ADMIN_BUILD="${HSM_ADMIN_BUILD:-$HSM_ADMIN_ROOT/build}"

HSM_ADMIN_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libgl-dev fonts-dejavu-core
    # Qt's own translations (qtbase_<lang>.qm), loaded beside HSM Admin's (docs/translating.md).
    qt6-translations-l10n
    # Qt's SVG icon engine: the icons (resources/icons) are SVG.
    libqt6svg6
    libssl-dev libp11-kit-dev
    softhsm2 opensc python3-yaml
    # openCryptoki: the tests' second real PKCS#11 module (its soft token). Its daemon,
    # pkcsslotd, is started by the tests themselves, as root; without root they skip
    # (docs/testing.md).
    opencryptoki
    # The .deb (scripts/package and its test): dpkg-shlibdeps with file for its Depends;
    # the validators of the desktop entry and the AppStream metainfo; groff for the man pages.
    dpkg-dev file desktop-file-utils appstream groff-base
)
# kubectl checks the Kubernetes export's secret commands (a client-side dry run). Debian's
# kubernetes-client only when no kubectl is there: one installed from elsewhere (the
# upstream kubectl package) conflicts with it.
if ! command -v kubectl >/dev/null 2>&1; then
    HSM_ADMIN_PACKAGES+=(kubernetes-client)
fi

hsm_admin_install_packages() {
    local missing=()
    local pkg
    for pkg in "${HSM_ADMIN_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "Installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null; then
            echo "error: these packages are missing and sudo is not available: ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# hsm_admin_build [extra cmake arguments...]; builds every target, or only those named in
# HSM_ADMIN_TARGETS (space-separated) when it is set.
hsm_admin_build() {
    cmake -S "$HSM_ADMIN_ROOT" -B "$HSM_ADMIN_BUILD" -G Ninja "$@" >/dev/null || return 1
    local targets=()
    if [ -n "${HSM_ADMIN_TARGETS:-}" ]; then
        read -r -a targets <<<"$HSM_ADMIN_TARGETS"
        targets=(--target "${targets[@]}")
    fi
    cmake --build "$HSM_ADMIN_BUILD" -j "$(nproc)" "${targets[@]}"
}

# hsm_admin_sanitizer address|thread: switches to a clang build with sanitizers in its own
# folder (build-asan with the libFuzzer targets, or build-tsan), adds the packages it
# needs and exports the sanitizers' options with the suppressions in tests/sanitizers.
# Sets HSM_ADMIN_SANITIZER_CMAKE_ARGS for hsm_admin_build.
hsm_admin_sanitizer() {
    # The benchmarks are never run under a sanitizer: not building them keeps CI shorter.
    HSM_ADMIN_SANITIZER_CMAKE_ARGS=(-DCMAKE_CXX_COMPILER=clang++ "-DHSM_ADMIN_SANITIZE=$1"
                                    -DHSM_ADMIN_BUILD_BENCH=OFF)
    case "$1" in
    address)
        HSM_ADMIN_BUILD="$HSM_ADMIN_ROOT/build-asan"
        HSM_ADMIN_SANITIZER_CMAKE_ARGS+=(-DHSM_ADMIN_FUZZ=ON)
        ;;
    thread)
        HSM_ADMIN_BUILD="$HSM_ADMIN_ROOT/build-tsan"
        ;;
    *)
        echo "error: --sanitize takes address or thread, not '$1'" >&2
        return 2
        ;;
    esac
    # clang with the sanitizer runtimes and libFuzzer, and llvm-symbolizer for the reports.
    HSM_ADMIN_PACKAGES+=(clang libclang-rt-14-dev llvm-14)
    local supp="$HSM_ADMIN_ROOT/tests/sanitizers"
    local symbolizer="external_symbolizer_path=/usr/lib/llvm-14/bin/llvm-symbolizer"
    export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:$symbolizer"
    export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$supp/ubsan.supp:$symbolizer"
    export TSAN_OPTIONS="suppressions=$supp/tsan.supp:second_deadlock_stack=1:$symbolizer"
}
