#!/usr/bin/env bash
# Runs every test: the unit, Lua and command-line tests of build/ through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
ctest --test-dir build --output-on-failure -j"$(nproc)"
