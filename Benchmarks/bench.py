#!/usr/bin/env python3
"""Measures soaplint against the floor (ripgrep scanning the same files for the rule set's
patterns) and two peer linters, on one generated corpus, and prints a Markdown table.

    python3 Benchmarks/bench.py [NOTES]        # `make bench`; NOTES defaults to 100000

Figures: wall time, notes per second, MB/s, peak RSS, soaplint's time as a multiple of
ripgrep's, --jobs scaling, peak RSS on corpora ten times smaller and ten times larger (text and
the HTML report; BENCH_LARGE=0 skips the large one, which takes about 3 GB and a few minutes),
and the latency of linting one note (the pre-commit case, start-up included). proselint and pymarkdownlnt are slow, so they run
on a 1,000-file sample and their rates are reported per note.

Shared machines are noisy, so each timed case is the best of ROUNDS runs (default 3), the cases
taking turns; and the machine's own two-core ceiling is measured by running two independent
single-threaded soaplint processes at once, so the --jobs scaling can be read against it.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "soaplint")
WORK = os.path.join(ROOT, ".build", "bench")


ROUNDS = int(os.environ.get("ROUNDS", "3"))


def best(cases):
    """Runs each (name, command) ROUNDS times, taking turns; per name the fastest wall time and
    the largest peak RSS."""
    results = {}
    for _ in range(ROUNDS):
        for name, command in cases:
            wall, rss, status = run(command)
            old = results.get(name, (float("inf"), 0.0, status))
            results[name] = (min(old[0], wall), max(old[1], rss), status)
    return results


def concurrent(command, copies=2):
    """Wall time of each of `copies` runs of `command` started together."""
    start = time.perf_counter()
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(copies)]
    walls = []
    for process in processes:
        process.wait()
        walls.append(time.perf_counter() - start)
    return walls


def run(command, cwd=None):
    """(wall seconds, peak RSS in MB, exit status) of a command, through /usr/bin/time."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    rss_kb = int(result.stderr.strip().splitlines()[-1])
    return wall, rss_kb / 1024, result.returncode


def corpus(notes):
    folder = os.path.join(WORK, f"corpus-{notes}")
    if not os.path.isdir(folder):
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate-corpus.py"), str(notes), folder], check=True)
    size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)
    return folder, size


def rule_patterns():
    """Every phrase and regular expression of the shipped rules, as soaplint compiles them."""
    patterns = []
    for name in sorted(os.listdir(os.path.join(ROOT, "Rules"))):
        if not name.endswith(".yml") or name in ("sections.yml", "context.yml"):
            continue
        for line in open(os.path.join(ROOT, "Rules", name), encoding="utf-8"):
            stripped = line.strip()
            if stripped.startswith("- '") and stripped.endswith("'"):
                patterns.append(stripped[3:-1].replace("''", "'"))
    expressions = []
    for pattern in patterns:
        if re.search(r"[\\\[\]()|?*+{}^$]", pattern):
            expressions.append(pattern)
        else:
            escaped = re.escape(pattern).replace(r"\ ", r"\s+")
            expressions.append((r"\b" if pattern[0].isalnum() else "") + escaped + (r"\b" if pattern[-1].isalnum() else ""))
    return expressions


def main():
    notes = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    os.makedirs(WORK, exist_ok=True)
    folder, size = corpus(notes)
    small_folder, small_size = corpus(notes // 10)
    large = os.environ.get("BENCH_LARGE", "1") != "0"
    mb = size / 1e6
    cores = os.cpu_count() or 1
    rows = []

    def row(tool, case, wall, rss, count=notes, megabytes=mb):
        rows.append((tool, case, wall, count / wall, megabytes / wall, rss))

    patterns_file = os.path.join(WORK, "patterns.txt")
    with open(patterns_file, "w") as out:
        out.write("\n".join(rule_patterns()) + "\n")

    run([BIN, "lint", "--quiet", folder])  # warm the file cache and the pattern cache
    _, _, status = run(["rg", "-i", "-c", "-f", patterns_file, folder])
    engine, rg = "Rust regex", ["rg", "-i", "-c", "-f", patterns_file, folder]
    if status > 1:  # a pattern the default engine cannot take: use PCRE2, as soaplint does for those
        engine, rg = "PCRE2", ["rg", "-i", "-P", "-c", "-f", patterns_file, folder]
    timed = best([
        ("rg", rg),
        ("rg1", rg[:1] + ["-j", "1"] + rg[1:]),
        ("j1", [BIN, "lint", "--quiet", "-j", "1", folder]),
        ("jn", [BIN, "lint", "--quiet", "-j", str(cores), folder]),
        ("json", [BIN, "lint", "--quiet", "--format", "json", folder]),
        ("html", [BIN, "lint", "--quiet", "--format", "html:" + os.path.join(WORK, "report.html"), folder]),
        ("small", [BIN, "lint", "--quiet", small_folder]),
        ("small-html", [BIN, "lint", "--quiet", "--format", "html:" + os.path.join(WORK, "report.html"), small_folder]),
    ])
    wall_rg, rss_rg, _ = timed["rg"]
    wall_rg1, _, _ = timed["rg1"]
    wall_1, rss_1, _ = timed["j1"]
    wall_n, rss_n, _ = timed["jn"]
    wall_json, rss_json, _ = timed["json"]
    wall_html, rss_html, _ = timed["html"]
    wall_small, rss_small, _ = timed["small"]
    _, rss_small_html, _ = timed["small-html"]
    row("ripgrep (floor)", f"{len(rule_patterns())} patterns, {engine}", wall_rg, rss_rg)
    row("soaplint", "text, --jobs 1", wall_1, rss_1)
    row("soaplint", f"text, --jobs {cores}", wall_n, rss_n)
    row("soaplint", f"json, --jobs {cores}", wall_json, rss_json)
    row("soaplint", f"html report, --jobs {cores}", wall_html, rss_html)
    row("soaplint", f"text, {notes // 10:,} notes", wall_small, rss_small, notes // 10, small_size / 1e6)
    if large:
        # Ten times the notes, run once each: is memory flat as the corpus grows?
        large_folder, large_size = corpus(notes * 10)
        wall_large, rss_large, _ = run([BIN, "lint", "--quiet", large_folder])
        wall_large_html, rss_large_html, _ = run(
            [BIN, "lint", "--quiet", "--format", "html:" + os.path.join(WORK, "report.html"), large_folder])
        os.remove(os.path.join(WORK, "report.html"))
        row("soaplint", f"text, {notes * 10:,} notes", wall_large, rss_large, notes * 10, large_size / 1e6)
        row("soaplint", f"html report, {notes * 10:,} notes", wall_large_html, rss_large_html, notes * 10,
            large_size / 1e6)

    # The machine's ceiling: independent single-threaded runs at once share nothing in soaplint,
    # so what they lose against one run alone is the machine's (shared caches, the host).
    pair = min((max(concurrent([BIN, "lint", "--quiet", "-j", "1", folder], cores)) for _ in range(ROUNDS)))
    ceiling = cores * wall_1 / pair

    sample = os.path.join(WORK, "sample")
    if not os.path.isdir(sample):
        os.makedirs(sample)
        markdown = sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.endswith(".md"))[:1000]
        for path in markdown:
            shutil.copy(path, sample)
    sample_size = sum(os.path.getsize(os.path.join(sample, f)) for f in os.listdir(sample)) / 1e6
    sample_files = sorted(os.path.join(sample, f) for f in os.listdir(sample))
    for tool, command in [("proselint", ["proselint", "check"] + sample_files), ("pymarkdownlnt", ["pymarkdown", "scan", sample])]:
        if shutil.which(command[0]):
            wall, rss, _ = run(command)
            row(tool, "1,000 Markdown notes", wall, rss, len(sample_files), sample_size)
        else:
            rows.append((tool, "not installed (pip install " + tool + ")", float("nan"), float("nan"), float("nan"), float("nan")))

    one = sample_files[0]
    latencies = []
    for _ in range(21):
        start = time.perf_counter()
        subprocess.run([BIN, "lint", one], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        latencies.append(time.perf_counter() - start)

    print(f"Corpus: {notes:,} notes, {mb:.0f} MB ({folder}); {cores} cores; {time.strftime('%Y-%m-%d')}; "
          f"best of {ROUNDS} runs")
    print()
    print("| tool | case | wall s | notes/s | MB/s | peak RSS MB |")
    print("|---|---|---:|---:|---:|---:|")
    for tool, case, wall, rate, throughput, rss in rows:
        print(f"| {tool} | {case} | {wall:.2f} | {rate:,.0f} | {throughput:.1f} | {rss:.0f} |")
    print()
    print(f"- soaplint (--jobs {cores}) / ripgrep wall time: {wall_n / wall_rg:.1f}x (target: at most 3x)")
    print(f"- --jobs scaling, 1 to {cores} cores: {wall_1 / wall_n:.2f}x (target: at least 1.8x on 2 cores)")
    print(f"- this machine's ceiling: {cores} independent soaplint -j1 runs at once each take {pair:.2f} s against "
          f"{wall_1:.2f} s alone, so {cores} cores do {ceiling:.2f}x the work of one; ripgrep itself scales "
          f"{wall_rg1 / wall_rg:.2f}x from -j1")
    sizes = [(notes // 10, rss_small, rss_small_html), (notes, rss_n, rss_html)]
    if large:
        sizes.append((notes * 10, rss_large, rss_large_html))
    print("- peak RSS, text / html report: " + "; ".join(f"{count:,} notes {text:.0f} / {html:.0f} MB" for count, text, html in sizes)
          + " (target: under 150 MB, flat as the corpus grows tenfold)")
    print(f"- one note, start-up included: median {statistics.median(latencies) * 1000:.0f} ms over 21 runs (target: under 50 ms)")

    print()
    print(f"Where the time goes (soaplint lint --timings, --jobs {cores}):")
    print()
    timings = subprocess.run([BIN, "lint", "--quiet", "--timings", folder], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True).stderr
    print("```")
    print(timings.rstrip())
    print("```")


if __name__ == "__main__":
    main()
