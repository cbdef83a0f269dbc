#!/usr/bin/env bash
# Installs what is missing, builds, and opens Plenary on the demo workshop. The demo is created
# from sessions/examples/ in your data folder the first time; the repository's copy is never changed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh

data="${XDG_DATA_HOME:-$HOME/.local/share}/plenary/sessions"
mkdir -p "$data"
for example in sessions/examples/*.json; do
  target="$data/$(basename "$example" .json).plenary"
  if [ ! -f "$target" ]; then
    ./build/plenary import "$example" -o "$target" >/dev/null
  fi
done

exec ./build/plenary "$data/urban-academy-education.plenary" "$@"
