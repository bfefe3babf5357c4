"""bench/cite: speed and peak memory of ``glossary cite``, ``check`` and ``normalize`` on synthetic reports.

A reproducible generator (seeded) writes EUAA-style documents: footnotes with one to three citations each,
then "SOURCES USED" with one entry per cited source, built from the shapes of the corpus document (Cyrillic
titles with bracketed translations, romanized titles, oral sources, [url](#), page breaks cutting entries and
URLs, homoglyphs, glossary misspellings). Each command runs in a fresh interpreter; peak memory is the child's
maximum resident set size (ru_maxrss), so it includes the interpreter and the glossary. The documents are
generated in other processes, since a child inherits its parent's peak RSS (Linux keeps it across fork and exec).

The machine may be shared: every figure is the median of ``--repeat`` runs (commands interleaved, so a burst
of load hits all of them alike), the spread (min–max entries/s) is printed beside it, and the load average is
printed before and after each size.

    .venv/bin/python bench/cite/run.py                 # 100,000 citations, plus 25,000 and 50,000 for memory
    .venv/bin/python bench/cite/run.py --sizes 10000   # quicker
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time

OUTLETS = [
    ("Meduza", "meduza.io"),
    ("Interfax", "interfax.com"),
    ("Interfax-Ukraine", "ua.interfax.com.ua"),
    ("Kavkaz.Realii", "kavkazr.com"),
    ("Obozrevatel", "news.obozrevatel.com"),
    ("ZN.UA", "zn.ua"),
    ("TASS (Russian News Agency)", "tass.com"),
    ("Rossiyskaya Gazeta", "rg.ru"),
    ("MK.ru", "mk.ru"),
    ("ISW (Institute for the Study of War)", "understandingwar.org"),
    ("Fakti", "fakty.com.ua"),
    ("Nastoyashee vremya", "currenttime.tv"),
    ("Dumskaya.net", "dumskaya.net"),
    ("BBC News", "bbc.com"),
]
RU = (
    "военные следственные органы комитета активно сокращают количество лиц находящихся розыске россия права "
    "человека военном положении солдат дезертир сдался спустя лет после побега контрактники отказались"
).split()
EN = (
    "military investigative bodies actively reduce number wanted persons russia human rights martial law "
    "soldier deserter surrendered years after flight contract soldiers refused"
).split()
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def generate(n: int, path: str, seed: int = 5) -> None:
    """A document with about *n* citations: n/2 footnote citations and n/2 bibliography entries."""
    rng = random.Random(seed)
    entries: list[str] = []
    short: list[str] = []
    for i in range(n // 2):
        outlet, host = rng.choice(OUTLETS)
        date = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2023)}"
        k = rng.randint(3, 9)
        title = " ".join(rng.choice(RU) for _ in range(k)).capitalize() + f" {i}"
        if rng.random() < 0.02:
            title = title.replace("о", "o", 1)  # a Latin o inside a Cyrillic word
        tr = " ".join(rng.choice(EN) for _ in range(k)).capitalize() + f" {i}"
        url = f"https://{host}/news/{i}/{rng.randrange(10**8)}"
        if rng.random() < 0.1:
            entries.append(f"Oral{i}, A., email with EUAA, {date}. Researcher at a university.")
            short.append(f"Oral{i}, A., email, {date}")
            continue
        entries.append(f"{outlet}, {title} [{tr}], {date}, <{url}>, accessed 3 April 2024")
        short.append(f"{outlet.split(' (')[0]}, {title} [{tr}], {date}, [url](#)")
    order = sorted(range(len(entries)), key=lambda j: entries[j].casefold())
    with open(path, "w", encoding="utf-8") as out:
        out.write("COI QUERY RESPONSE\n\nSynthetic report for bench/cite.\n\n")
        fn = 0
        i = 0
        while i < len(short):
            fn += 1
            take = rng.randint(1, 3)
            out.write(f"[^{fn}]: " + "; ".join(short[i : i + take]) + "\n\n")
            i += take
        out.write("\n\nSOURCES USED\n\n")
        for j, idx in enumerate(order):
            entry = entries[idx]
            if j % 97 == 0 and "<https" in entry:  # a page break cutting the entry's URL
                cut = entry.index("/news/") + 6
                out.write(entry[:cut] + "\n\n\n\n" + entry[cut:] + "\n\n")
            else:
                out.write(entry + "\n\n")


def child(command: str, path: str) -> None:
    """Run one command in this process and print seconds, peak RSS (MiB)."""
    from glossary.cli import main

    devnull = open(os.devnull, "w")
    sys.stdout = devnull
    start = time.perf_counter()
    extra = ["--json"] if command in ("cite", "check") else []
    main([command, path, *extra])
    elapsed = time.perf_counter() - start
    sys.stdout = sys.__stdout__
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{elapsed:.3f} {peak:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="25000,50000,100000", help="citations per document, comma-separated")
    ap.add_argument("--commands", default="cite,check,normalize")
    ap.add_argument("--repeat", type=int, default=3, help="runs per command and size (the median is shown)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--generate", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    if args.generate:
        generate(int(args.generate[0]), args.generate[1])
        return
    commands = args.commands.split(",")
    print(f"{os.cpu_count()} CPUs; median of {args.repeat} runs; load average (1, 5, 15 min) per size")
    print(
        f"{'command':10} {'citations':>10} {'seconds':>8} {'entries/s':>10} {'(min-max)':>15} {'peak MiB':>9}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            path = os.path.join(tmp, f"synthetic-{size}.txt")
            # in a child process: Linux carries a parent's peak RSS over fork and exec into the children's
            # ru_maxrss, so this process stays small or it would set a floor under every figure
            subprocess.run([sys.executable, __file__, "--generate", str(size), path], check=True)
            before = os.getloadavg()
            runs: dict[str, list[tuple[float, float]]] = {c: [] for c in commands}
            for _ in range(args.repeat):
                for command in commands:
                    out = subprocess.run(
                        [sys.executable, __file__, "--child", command, path],
                        capture_output=True,
                        text=True,
                        check=True,
                    )
                    seconds, peak = map(float, out.stdout.split()[-2:])
                    runs[command].append((seconds, peak))
            after = os.getloadavg()
            for command in commands:
                secs = [s for s, _ in runs[command]]
                seconds = statistics.median(secs)
                peak = statistics.median(p for _, p in runs[command])
                spread = f"{size / max(secs):,.0f}-{size / min(secs):,.0f}"
                rate = size / seconds
                print(
                    f"{command:10} {size:>10,} {seconds:>8.2f} {rate:>10,.0f} {spread:>15} {peak:>9.1f}",
                    flush=True,
                )
            load = " ".join(f"{x:.2f}" for x in before) + " -> " + " ".join(f"{x:.2f}" for x in after)
            print(f"{'':10} load {load}", flush=True)


if __name__ == "__main__":
    main()
