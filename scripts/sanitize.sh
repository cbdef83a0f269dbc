#!/usr/bin/env bash
# Builds Plenary and its tests with AddressSanitizer + UndefinedBehaviorSanitizer in build-asan/
# and runs the whole test suite there; any report fails the run. Slower than ./scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
# The program's own leaks are errors; the GL driver's (Mesa under Xvfb) are not Plenary's.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)" "$@"
