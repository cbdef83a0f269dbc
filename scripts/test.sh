#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (unit, store, CLI and headless UI
# tests; the window smoke test runs under xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
ctest --test-dir build --output-on-failure -j"$(nproc)" "$@"
