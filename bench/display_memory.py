"""Does the break-room page leak? `python bench/display_memory.py [--rotations 5000]`.

Serves a throw-away demo company with `kiosk serve`, opens its display in Debian's
Chromium with Playwright's fake clock, lets the page take its feed, then stops the server
(a screen rotates its stored feed for days while the server is away, and socket.io keeps
retrying every few seconds) and fast-forwards through a warm-up (1,000 rotations) and
then N more. The JS heap is read through the DevTools protocol after a forced garbage
collection, after 100 rotations, after the warm-up, every 1000 and at the end. The verdict
compares the end with the heap after the warm-up, and reports the slope over the last half
(KB per 1,000 rotations), which is what a leak would show. Prints a Markdown row; --write
adds it to docs/benchmarks.md.

The page holds no growing state: what the heap gains after rotation 100 is V8's
optimised code for the hot functions (TurboFan tiers functions up after some hundreds
of calls; heap snapshots show it as InstructionStream, deoptimisation data and
dependent_code lists, not as objects, strings or closures), and it levels off.
`--js-flags=--jitless` is the control run: without a JIT the heap stays flat, so
any growth it shows is the page's own.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KIOSK = str(Path(sys.executable).with_name("kiosk"))
SLIDE_MS = 12_000  # the default rotation
HEADER = ("| date | rotations (warm-up + measured) | heap after 100 | after warm-up | at end | "
          "change from warm-up | slope, last half (per 1,000) | DOM nodes | run |\n"
          "|---|---|---|---|---|---|---|---|---|")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def heap(cdp) -> int:
    cdp.send("HeapProfiler.collectGarbage")
    return int(cdp.send("Runtime.getHeapUsage")["usedSize"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rotations", type=int, default=5000, help="after the warm-up")
    parser.add_argument("--warmup", type=int, default=1000)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--js-flags", default="",
                        help="V8 flags for a control run, e.g. --jitless (not with --write)")
    args = parser.parse_args()
    if args.write and args.js_flags:
        parser.error("--write records the default run only")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="kiosk-mem-"))
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")},
           "KIOSK_INSTANCE_DIR": str(tmp), "KIOSK_PORT": str(port)}
    out = subprocess.run([KIOSK, "init", "--demo"], env=env, capture_output=True, text=True,
                         check=True).stdout
    url = next(line.split()[1] for line in out.splitlines() if line.startswith("display:"))
    url = url.replace(":8000/", f":{port}/")
    server = subprocess.Popen([KIOSK, "serve"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as p:
            flags = [f"--js-flags={args.js_flags}"] if args.js_flags else []
            browser = p.chromium.launch(executable_path=shutil.which("chromium"),
                                        args=["--disable-background-networking", *flags])
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            page.clock.install()
            page.goto(url)
            page.clock.run_for(3000)
            page.locator("body[data-state=live]").wait_for(state="attached", timeout=15_000)
            page.clock.run_for(2000)
            server.kill()  # an outage, not a goodbye: the page must carry on alone
            server.wait(10)
            cdp = page.context.new_cdp_session(page)
            started = time.monotonic()
            for _ in range(100):
                page.clock.run_for(SLIDE_MS)
            after_100 = heap(cdp)
            nodes_100 = page.evaluate("document.getElementsByTagName('*').length")
            checkpoints = []
            total = args.warmup + args.rotations
            for n in range(101, total + 1):
                page.clock.run_for(SLIDE_MS)
                if n % 1000 == 0 or n == args.warmup:
                    checkpoints.append((n, heap(cdp)))
            at_end = heap(cdp)
            warm = dict(checkpoints)[args.warmup]
            nodes_end = page.evaluate("document.getElementsByTagName('*').length")
            elapsed = time.monotonic() - started
            browser.close()
    finally:
        if server.poll() is None:
            server.kill()
        shutil.rmtree(tmp, ignore_errors=True)
    growth = (at_end - warm) / warm
    half = [(n, h) for n, h in checkpoints if n >= args.warmup + args.rotations / 2]
    slope = ((half[-1][1] - half[0][1]) / (half[-1][0] - half[0][0]) * 1000 / 1e3
             if len(half) > 1 else float("nan"))
    row = (f"| {datetime.now(UTC):%Y-%m-%d} | {args.warmup:,} + {args.rotations:,} | "
           f"{after_100 / 1e6:.2f} MB | {warm / 1e6:.2f} MB | {at_end / 1e6:.2f} MB | "
           f"{growth:+.1%} | {slope:+.1f} KB | {nodes_100} → {nodes_end} | {elapsed:.0f} s |")
    if args.js_flags:
        print(f"control run, V8 flags: {args.js_flags}")
    print("checkpoints:", ", ".join(f"{n}: {h / 1e6:.2f} MB" for n, h in checkpoints))
    print(HEADER)
    print(row)
    if args.write:
        path = ROOT / "docs" / "benchmarks.md"
        text = path.read_text("utf-8")
        marker = "## Display memory"
        if marker not in text:
            text += (f"\n{marker}\n`python bench/display_memory.py --rotations 5000 --write` "
                     f"(Debian Chromium, Playwright's fake clock, server stopped after the "
                     f"first feed; machine: {platform.processor() or platform.machine()}, "
                     f"{os.cpu_count()} cores). Target: heap at the end within 10 % of the "
                     f"heap after the warm-up, and no slope.\n\n{HEADER}\n")
        path.write_text(text.rstrip("\n") + "\n" + row + "\n", "utf-8")


if __name__ == "__main__":
    main()
