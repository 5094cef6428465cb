# Shared by scripts/run and scripts/test: installs the Debian 12 packages HSM Admin needs
# (only the missing ones, through sudo when not root) and configures/builds into build/.
# Sourced, not run.

HSM_ADMIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HSM_ADMIN_BUILD="${HSM_ADMIN_BUILD:-$HSM_ADMIN_ROOT/build}"

HSM_ADMIN_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-qpa-plugins libgl-dev fonts-dejavu-core
    libssl-dev libp11-kit-dev
    softhsm2 opensc python3-yaml
    # The .deb (scripts/package and its test): dpkg-shlibdeps with file for its Depends;
    # the validators of the desktop entry and the AppStream metainfo; groff for the man pages.
    dpkg-dev file desktop-file-utils appstream groff-base
)

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

# hsm_admin_build [extra cmake arguments...]
hsm_admin_build() {
    cmake -S "$HSM_ADMIN_ROOT" -B "$HSM_ADMIN_BUILD" -G Ninja "$@" >/dev/null || return 1
    cmake --build "$HSM_ADMIN_BUILD" -j "$(nproc)"
}
