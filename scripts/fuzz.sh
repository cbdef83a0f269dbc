#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ with clang under ASan+UBSan (build-fuzz/) and runs
# each for SECONDS (default 60), or only the targets named:
#   ./scripts/fuzz.sh 600 session_json csv_import
# New inputs that find new code go to build-fuzz/corpus/NAME (the checked-in seeds stay as they
# are); a crash is saved in build-fuzz/crashes/NAME/ and stops the script. The normal test run
# replays tests/fuzz/corpus/ (copy a fixed crash there to keep it fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [SECONDS] [TARGET…]   (SECONDS: a whole number above 0; got \"$seconds\")" >&2
  exit 2
fi
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(session_json csv_import templates classifier session_file html_writer markdown_writer search_text)
fi

./scripts/setup.sh >/dev/null
missing=()
for package in clang libclang-rt-dev; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_FUZZ=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"

# rapidjson's own undefined behaviour (arithmetic on its stack's null pointer) is suppressed by
# name in tests/fuzz/ubsan.supp; anything else stops the run.
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
export ASAN_OPTIONS="abort_on_error=1:${ASAN_OPTIONS:-}"
for name in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$name" "build-fuzz/crashes/$name"
  echo "fuzz: $name for ${seconds} s"
  "build-fuzz/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$name/" \
    "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" 2>"build-fuzz/$name.log" ||
    { tail -40 "build-fuzz/$name.log"; echo "fuzz: $name crashed; the input is in build-fuzz/crashes/$name/"; exit 1; }
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "build-fuzz/$name.log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz: $name ran ${seconds} s, ${runs} executions, no crash"
done
