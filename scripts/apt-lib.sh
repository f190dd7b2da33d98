# Sourced by the scripts/ensure-* and scripts/with-postgres helpers: installs Debian
# packages the first time a machine needs them. CI runs on fresh machines as root with only
# the package registries reachable, so every tool the tests use beyond the virtualenv is
# installed here, by name, from Debian.

apt_install() {
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo=(sudo -n)
        else
            echo "error: $* missing; install it as root: apt-get install -y $*" >&2
            return 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "error: $* missing and this is not a Debian-like system (no apt-get)" >&2
        return 1
    fi
    # Wait for another apt run (an image still being provisioned) instead of failing on
    # its lock.
    local apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y
               -o DPkg::Lock::Timeout=900 -o Acquire::Retries=3)
    echo "==> apt-get install $*" >&2
    # A fresh machine has no package lists; an old one may list versions that are gone.
    if ! compgen -G "/var/lib/apt/lists/*_Packages" >/dev/null; then
        "${apt[@]}" update >&2
    fi
    if ! "${apt[@]}" install --no-install-recommends "$@" >&2; then
        "${apt[@]}" update >&2
        "${apt[@]}" install --no-install-recommends "$@" >&2
    fi
}
