"""The README's picture: a page written by ``diplograph html``, as Chromium draws it.

    python docs/make_screenshot.py output/graph.html docs/img/demo-graph.png

``make screenshot`` runs ``make demo`` first and then this on the page it wrote. The
tooltip of the edge with the most events is pinned, so the picture shows what an edge
holds. Needs Debian's chromium (``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: A point on edge `id` where the pointer finds that edge and no node, in page coordinates.
EDGE_POINT = """(id) => {
  const net = window.diplograph.network, box = document.getElementById("graph").getBoundingClientRect();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75]) {
    const dom = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(t));
    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id)
      return {x: box.left + dom.x, y: box.top + dom.y};
  }
  return null;
}"""
#: The edges, most events first.
BUSIEST = """() => window.diplograph.edges.get().sort((a, b) => b.count - a.count).map(e => e.id)"""


def screenshot(page_path: Path, out: Path, width: int = 1360, height: int = 760) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        for edge in page.evaluate(BUSIEST):
            point = page.evaluate(EDGE_POINT, edge)
            if point:
                page.mouse.click(point["x"], point["y"])  # pin its tooltip
                break
        time.sleep(0.5)
        # keep the pinned tooltip clear of the nodes
        page.evaluate("() => { const t = document.getElementById('tip'); "
                      "t.style.left = (window.innerWidth - t.offsetWidth - 16) + 'px'; "
                      "t.style.top = '16px'; }")
        page.mouse.move(5, 5)
        time.sleep(0.3)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", type=Path, help="the HTML page (make demo writes output/graph.html)")
    ap.add_argument("out", type=Path, help="the PNG to write")
    args = ap.parse_args()
    if not args.page.is_file():
        print(f"make_screenshot: {args.page}: no such page (run make demo)", file=sys.stderr)
        return 1
    screenshot(args.page, args.out)
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
