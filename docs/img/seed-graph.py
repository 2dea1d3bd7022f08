"""Regenerate docs/img/seed-graph.png: the seed article's graph with one tooltip pinned.

    .venv/bin/python docs/img/seed-graph.py

Needs ../shared/bench/seed (next to the repository) and Debian's chromium.
The page is written to a temporary folder; only the PNG lands here.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import diplograph as dg

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent.parent / "shared" / "bench" / "seed" / "chinadaily-2018-12-22.txt"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# A point on the edge where the pointer finds that edge and no node.
EDGE_POINT = """(id) => {
  const net = window.diplograph.network, box = document.getElementById("graph").getBoundingClientRect();
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7]) {
    const dom = net.canvasToDOM(net.body.edges[id].edgeType.getPoint(t));
    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id)
      return {x: box.left + dom.x, y: box.top + dom.y};
  }
  return null;
}"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    kg = dg.open("memory:")
    kg.ingest([str(SEED)])
    g = kg.network()
    kg.close()
    with tempfile.TemporaryDirectory() as tmp:
        page_path = dg.output.html(g, Path(tmp) / "seed.html",
                                   title="China Daily, 22 December 2018")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 760})
            page.goto(page_path.as_uri())
            page.wait_for_selector("body[data-ready=true]", state="attached")
            ids = page.evaluate("window.diplograph.edges.get({filter: e => e.from === 'chn' "
                                "&& e.to === 'usa' && e.type === 'PROTEST'}).map(e => e.id)")
            point = page.evaluate(EDGE_POINT, ids[0])
            page.mouse.click(point["x"], point["y"])  # pin its tooltip
            time.sleep(0.5)
            # keep the pinned tooltip clear of the nodes for the picture
            page.evaluate("() => { const t = document.getElementById('tip'); "
                          "t.style.left = (window.innerWidth - t.offsetWidth - 16) + 'px'; "
                          "t.style.top = '16px'; }")
            page.mouse.move(5, 5)
            time.sleep(0.3)
            page.screenshot(path=str(HERE / "seed-graph.png"))
            browser.close()
    print(HERE / "seed-graph.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
