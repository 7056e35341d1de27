#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for FUZZ_SECONDS (default 60), seeded from the
# examples and test fixtures. Corpora grow in .build/fuzz/corpus/<target>; any crash or hang is
# saved in Fuzz/crashes/<target>/ and makes this script fail.
#
#     bash Fuzz/run.sh [target ...]      # targets: markdown text xml ccda rule config
set -euo pipefail
fuzz="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$fuzz")"
seconds="${FUZZ_SECONDS:-60}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(markdown text xml ccda rule config)
clang="$(dirname "$(readlink -f "$(command -v swift)")")/clang"

cd "$fuzz"
swift build -Xswiftc -sanitize=fuzzer,address
library="$fuzz/.build/debug"
mkdir -p .build/fuzz

seed() {
    local target="$1" corpus="$fuzz/.build/fuzz/corpus/$1"
    mkdir -p "$corpus"
    case "$target" in
        markdown) cp "$root"/Examples/*.md "$root"/Examples/*.markdown "$root"/Tests/SOAPLintTests/Fixtures/parse/*.md "$corpus"/ ;;
        text) cp "$root"/Examples/*.txt "$root"/Tests/SOAPLintTests/Fixtures/parse/*.txt "$corpus"/ ;;
        xml) cp "$root"/Examples/*.xml "$root"/Tests/SOAPLintTests/Fixtures/hostile/*.xml "$root"/Tests/SOAPLintTests/Fixtures/parse/*.xml "$corpus"/ ;;
        ccda) cp "$root"/Tests/SOAPLintTests/Fixtures/ccda/*.xml "$corpus"/ ;;
        rule) cp "$root"/Rules/*.yml "$corpus"/ ;;
        config) cp "$fuzz"/seeds/config/*.yml "$corpus"/ ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    "$clang" -fsanitize=fuzzer,address "drivers/$target.c" -L"$library" -lFuzzTargets \
        -Wl,-rpath,"$library" -Wl,-rpath,"$(dirname "$clang")/../lib/swift/linux" -o ".build/fuzz/$target" 2>/dev/null
    seed "$target"
    mkdir -p "crashes/$target"
    echo "== $target: ${seconds}s"
    if ! ".build/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
        -artifact_prefix="crashes/$target/" -print_final_stats=1 ".build/fuzz/corpus/$target" 2>".build/fuzz/$target.log"; then
        echo "   found a problem: see Fuzz/crashes/$target/ and Fuzz/.build/fuzz/$target.log"
        status=1
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb|^Done" ".build/fuzz/$target.log" | sed 's/^/   /'
done
exit $status
