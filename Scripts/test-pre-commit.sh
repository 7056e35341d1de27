#!/usr/bin/env bash
# Runs the real pre-commit framework (from PyPI) against this repository's hooks, on a small
# repository of notes: a deficient note must fail the hook, good notes must pass it.
#
#     bash Scripts/test-pre-commit.sh [path/to/soaplint-binary-folder]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(cd "${1:-$root/.build/debug}" && pwd)"
command -v pre-commit >/dev/null || python3 -m pip install --quiet pre-commit
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$work/cache" SOAPLINT_CACHE_DIR="$work/soaplint-cache"

cd "$work" && git init -q notes && cd notes
git config user.email "notes@example.invalid" && git config user.name "Charting"
cp "$root/Examples/01-cervical-strain-headings.md" "$root/Examples/04-tension-headache.txt" .
git add . && git commit -qm "good notes"

echo "== good notes: the hook passes"
pre-commit try-repo "$root" soaplint-system --all-files

echo "== a note without an Objective section: the hook fails"
cp "$root/Examples/06-missing-objective.txt" .
git add 06-missing-objective.txt
if pre-commit try-repo "$root" soaplint-system --files 06-missing-objective.txt; then
    echo "FAIL: the hook passed a deficient note" >&2
    exit 1
fi
echo "pre-commit try-repo: good notes pass the hook, a deficient note fails it"
