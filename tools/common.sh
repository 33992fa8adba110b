# tools/common.sh: shared by the tools/ scripts.  Maps a Go arch name to
# its toolchain and to the way its programs run on this machine.
top=$(cd "$(dirname "$0")/.." && pwd)
ALL_ARCHES="amd64 386 arm arm64 amd64-posix 386-posix arm-posix amd64-ucontext"

# A configuration is ARCH or ARCH-VARIANT; a variant adds configure flags:
#   posix      the portable POSIX OS layer instead of os/linux
#   ucontext   goroutine switches through ucontext (libruntime/context.c)
#              instead of arch/ARCH/context.S
#   sanitize   the runtime built with ASan and UBSan (configure
#              --enable-sanitizers; tools/torture runs it, tools/check
#              does not by default)
config_flags() {
  case "$1" in
    *-posix) echo "--with-os-layer=posix" ;;
    *-ucontext) echo "--enable-context-fallback" ;;
    *-sanitize) echo "--enable-sanitizers" ;;
    *-*) echo "unknown configuration '$1'" >&2; exit 2 ;;
  esac
}

# arch_info ARCH[-VARIANT]: sets TRIPLET (configure --host, empty if
# native), GCCGO, CC and RUN (prefix to run a program of that arch here).
arch_info() {
  case "${1%%-*}" in
    amd64) TRIPLET=; GCCGO=gccgo-12; CC=gcc-12; RUN= ;;
    386) TRIPLET=i686-linux-gnu; GCCGO=$TRIPLET-gccgo-12; CC=$TRIPLET-gcc-12; RUN= ;;
    arm) TRIPLET=arm-linux-gnueabihf; GCCGO=$TRIPLET-gccgo-12; CC=$TRIPLET-gcc-12
         RUN="qemu-arm -L /usr/arm-linux-gnueabihf -E LD_LIBRARY_PATH=/lib" ;;
    arm64) TRIPLET=aarch64-linux-gnu; GCCGO=$TRIPLET-gccgo-12; CC=$TRIPLET-gcc-12
         RUN="qemu-aarch64 -L /usr/aarch64-linux-gnu -E LD_LIBRARY_PATH=/lib" ;;
    *) echo "unknown arch '$1': use amd64, 386, arm or arm64" >&2; exit 2 ;;
  esac
}

build_root() {
  echo "${LIBRUNTIME_BUILD:-$top/build}"
}
