"""The HTML page in a real headless Chromium (Debian's ``chromium``, driven by playwright).

Nothing here is skipped: without /usr/bin/chromium the tests fail and say how
to install it (``.ci/run`` does). Expectations are computed from
``kg.network()``, not written down.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import diplograph as dg
from conftest import EXAMPLES

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

# A point on edge `id` where the pointer finds that edge (and no node), in page coordinates.
EDGE_POINT = """(id) => {
  const net = window.diplograph.network, box = document.getElementById("graph").getBoundingClientRect();
  const edge = net.body.edges[id];
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.25, 0.75, 0.2, 0.8]) {
    const dom = net.canvasToDOM(edge.edgeType.getPoint(t));
    if (net.getNodeAt(dom) === undefined && net.getEdgeAt(dom) === id)
      return {x: box.left + dom.x, y: box.top + dom.y};
  }
  return null;
}"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests need Debian's chromium "
                    "(apt-get install -y chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    """A page opened from a file, with what it asked for and what it complained about."""

    def __init__(self, browser, path: Path) -> None:
        self.elsewhere: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 800})
        self.page.on("request", lambda r: None if r.url.startswith("file://")
                     else self.elsewhere.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error"
                     else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())
        self.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)

    def js(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def hover_edge(self, edge_id: str) -> str:
        """Move the real mouse onto an edge and return its tooltip's text."""
        point = self.js(EDGE_POINT, edge_id)
        assert point, f"edge {edge_id} has no free point to hover"
        self.page.mouse.move(5, 5)  # off the graph: the tip goes
        self.page.wait_for_selector("#tip", state="hidden", timeout=5_000)
        self.page.mouse.move(point["x"], point["y"])  # straight onto the edge
        self.wait_for(f"window.diplograph.tip === {edge_id!r}")
        return self.page.inner_text("#tip")

    def wait_for(self, condition: str, timeout: float = 5.0) -> None:
        """Poll a condition (the page's CSP forbids playwright's own eval-based waiting)."""
        deadline = time.monotonic() + timeout
        while not self.js(f"() => !!({condition})"):
            assert time.monotonic() < deadline, f"timed out waiting for {condition}"
            self.page.wait_for_timeout(50)

    def close(self) -> None:
        self.page.close()


_PAGES: dict[str, tuple[Path, object]] = {}


def build_page(key: str, sources: list[Path], folder: Path) -> tuple[Path, object]:
    """Ingest ``sources`` into a memory store, write the page; once per module."""
    if key not in _PAGES:
        kg = dg.open("memory:")
        report = kg.ingest([str(s) for s in sources])
        assert report.failed == 0, report.errors
        g = kg.network()
        kg.close()
        path = dg.output.html(g, folder / f"{key}.html", title=f"test: {key}")
        _PAGES[key] = (path, g)
    return _PAGES[key]


@pytest.fixture
def seed(seed_path, tmp_path_factory):
    return build_page("seed", [seed_path], tmp_path_factory.getbasetemp())


@pytest.fixture
def examples(tmp_path_factory):
    return build_page("examples", sorted(EXAMPLES.glob("*.txt")),
                      tmp_path_factory.getbasetemp())


@pytest.fixture
def opened(browser):
    pages: list[Opened] = []

    def open_(path: Path) -> Opened:
        pages.append(Opened(browser, path))
        return pages[-1]

    yield open_
    for p in pages:
        p.close()


def triples(g) -> set[tuple[str, str, str]]:
    return {(u, v, d["type"]) for u, v, d in g.edges(data=True)}


def shown_triples(page: Opened) -> set[tuple[str, str, str]]:
    rows = page.js("window.diplograph.edgeView.get().map(e => [e.from, e.to, e.type])")
    return {tuple(r) for r in rows}


def drawn(page: Opened) -> dict[str, int]:
    return page.js("""() => { const b = window.diplograph.network.body;
                       return {nodes: b.nodeIndices.length, edges: b.edgeIndices.length}; }""")


@pytest.mark.parametrize("which", ["seed", "examples"])
def test_page_draws_the_network_offline_without_errors(which, request, opened):
    path, g = request.getfixturevalue(which)
    page = opened(path)
    assert page.elsewhere == []
    assert page.errors == []
    counts = page.js("[window.diplograph.nodes.length, window.diplograph.edges.length]")
    assert counts == [g.number_of_nodes(), len(triples(g))]
    assert drawn(page) == {"nodes": g.number_of_nodes(), "edges": len(triples(g))}
    assert shown_triples(page) == triples(g)
    types = sorted(page.js("Array.from(document.querySelectorAll('input[name=type]'))"
                           ".map(x => x.value)"))
    assert types == sorted({t for _, _, t in triples(g)})


def test_layout_settles_then_physics_stops(seed, opened):
    page = opened(seed[0])
    assert page.js("window.diplograph.layout") == "physics"
    before = page.js("window.diplograph.network.getPositions()")
    page.page.wait_for_timeout(400)
    assert page.js("window.diplograph.network.getPositions()") == before
    assert page.js("window.diplograph.network.physics.physicsEnabled") is False


def test_unticking_a_type_hides_its_edges(seed, opened):
    path, g = seed
    page = opened(path)
    all_edges = triples(g)
    typ = "ACCUSE"
    assert any(t == typ for _, _, t in all_edges)
    page.page.uncheck(f"input[name=type][value={typ}]")
    kept = {e for e in all_edges if e[2] != typ}
    assert shown_triples(page) == kept
    assert drawn(page)["edges"] == len(kept)
    page.page.check(f"input[name=type][value={typ}]")
    assert shown_triples(page) == all_edges
    assert page.errors == []


def positions(page: Opened) -> dict[str, tuple[float, float]]:
    got = page.js("window.diplograph.network.getPositions()")
    return {k: (p["x"], p["y"]) for k, p in got.items()}


def test_nodes_that_come_back_after_filtering_keep_their_places(examples, opened):
    path, g = examples
    page = opened(path)
    placed = positions(page)
    assert len(placed) == g.number_of_nodes() >= 30
    view = page.js("[window.diplograph.network.getScale(), window.diplograph.network.getViewPosition()]")

    def assert_in_place(shown: int) -> None:
        now = positions(page)
        assert len(now) == shown
        moved = {k: (placed[k], xy) for k, xy in now.items()
                 if abs(xy[0] - placed[k][0]) > 1.5 or abs(xy[1] - placed[k][1]) > 1.5}
        assert moved == {}, f"{len(moved)} of {len(now)} nodes moved"

    page.page.click("#types-none")
    assert drawn(page)["nodes"] < len(placed) // 2
    page.page.click("#types-all")
    assert_in_place(len(placed))

    types = sorted({t for _, _, t in triples(g)})
    page.page.click("#types-none")
    page.page.check(f"input[name=type][value={types[0]}]")
    assert 0 < drawn(page)["nodes"] < len(placed)
    assert_in_place(drawn(page)["nodes"])
    page.page.click("#types-all")
    assert_in_place(len(placed))

    hid_some = False
    for typ in types:
        page.page.uncheck(f"input[name=type][value={typ}]")
        hid_some |= drawn(page)["nodes"] < len(placed)
        page.page.check(f"input[name=type][value={typ}]")
        assert_in_place(len(placed))
    assert hid_some, "no type hides a node when switched off: the test shows nothing"
    assert page.js("window.diplograph.network.physics.physicsEnabled") is False
    assert page.js("[window.diplograph.network.getScale(), "
                   "window.diplograph.network.getViewPosition()]") == view
    assert page.errors == []


def test_the_legend_draws_each_type_as_its_edges_are_drawn(examples, opened):
    page = opened(examples[0])
    legend = page.js("""Array.from(document.querySelectorAll("#types .row")).map(row => {
        const line = row.querySelector(".line");
        return [row.querySelector("input").value, line.style.background,
                getComputedStyle(line).backgroundColor]; })""")
    drawn_as = page.js("""() => { const out = {}, b = window.diplograph.network.body;
        for (const id of b.edgeIndices) { const e = b.edges[id], t = window.diplograph.edges.get(id).type;
          out[t] = [e.options.color.color, !!e.options.dashes]; }
        return out; }""")
    assert {t for t, _, _ in legend} == set(drawn_as)
    assert {dashed for _, dashed in drawn_as.values()} == {True, False}

    def rgb(hex_colour: str) -> str:
        r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
        return f"rgb({r}, {g}, {b})"

    for t, background, fill in legend:
        colour, dashed = drawn_as[t]
        assert rgb(colour) in background
        assert ("repeating-linear-gradient" in background) is dashed
        assert (fill == "rgba(0, 0, 0, 0)") is dashed  # a dashed stroke has gaps


def test_tooltip_of_the_china_united_states_edge_quotes_the_protest(seed, opened):
    page = opened(seed[0])
    ids = page.js("""window.diplograph.edges.get({filter: e => e.from === "chn" && e.to === "usa"})
                     .map(e => e.id)""")
    assert ids, "no China -> United States edge on the seed page"
    texts = []
    for i in ids:
        texts.append(page.hover_edge(i))
        if "stern representations" in texts[-1]:
            break
    else:
        pytest.fail(f"no China -> United States tooltip mentions the protest: {texts}")
    text = texts[-1]
    assert text.startswith("China \u2192 United States")
    assert "2018-12-2" in text
    marks = page.js("Array.from(document.querySelectorAll('#tip mark')).map(m => m.textContent)")
    assert marks and all(m and m in text for m in marks)


def test_clicking_an_edge_pins_a_tooltip_that_links_the_article(examples, opened):
    path, g = examples
    page = opened(path)
    edge = page.js("window.diplograph.edges.get()[0]")
    page.hover_edge(edge["id"])
    point = page.js(EDGE_POINT, edge["id"])
    page.page.mouse.click(point["x"], point["y"])
    page.page.mouse.move(5, 5)
    page.page.wait_for_timeout(500)
    assert page.page.is_visible("#tip.pinned")
    links = page.js("""Array.from(document.querySelectorAll('#tip a'))
                       .map(a => [a.href, a.target, a.rel, a.textContent])""")
    urls = {d["url"] for u, v, d in g.edges(data=True)
            if (u, v, d["type"]) == (edge["from"], edge["to"], edge["type"])}
    heads = {d["headline"] for u, v, d in g.edges(data=True)
             if (u, v, d["type"]) == (edge["from"], edge["to"], edge["type"])}
    assert links and {a[0] for a in links} <= urls and {a[3] for a in links} <= heads
    assert all(a[1] == "_blank" and "noopener" in a[2] for a in links)
    page.page.keyboard.press("Escape")
    assert page.page.is_hidden("#tip")


def test_date_range_keeps_edges_with_an_event_inside_it(examples, opened):
    path, g = examples
    page = opened(path)
    since, until = "2019-01-01", "2020-12-31"
    page.page.fill("#since", since)
    page.page.fill("#until", until)
    expected = {(u, v, d["type"]) for u, v, d in g.edges(data=True)
                if d["date"] and since <= d["date"] <= until}
    assert expected and expected != triples(g)
    assert shown_triples(page) == expected
    page.page.click("#all-dates")
    assert shown_triples(page) == triples(g)


def test_actor_search_highlights_the_neighbourhood(examples, opened):
    path, g = examples
    page = opened(path)
    actor = next(n for n, d in g.nodes(data=True) if d["label"] == "Russia")
    page.page.fill("#search", "russia")
    expected = {actor, *g.successors(actor), *g.predecessors(actor)}
    assert set(page.js("window.diplograph.highlighted")) == expected
    colours = page.js("""() => { const d = window.diplograph;
        return d.nodes.get().map(n => [n.id, typeof n.color === "string" ? n.color : ""]); }""")
    dimmed = {n for n, c in colours if c.startswith("rgba(190")}
    assert dimmed == set(g.nodes) - expected
    page.page.fill("#search", "")
    assert page.js("window.diplograph.highlighted") == []
    assert page.errors == []


HOSTILE = """Title: <script>window.__pwned = "title"</script><img src=x onerror="window.__pwned='head'">
Date: 2021-03-04
URL: javascript:window.__pwned='url'

China accused the United States of hacking <img src=x onerror="window.__pwned=1">.

Russia condemned Britain over <script>window.__pwned=2</script> the expulsions.

Japan urged South Korea to visit javascript:window.__pwned=3 before Friday.
"""


def test_markup_in_articles_never_runs_and_never_links(browser, opened, tmp_path):
    src = tmp_path / "hostile.txt"
    src.write_text(HOSTILE, encoding="utf-8")
    kg = dg.open("memory:")
    assert kg.ingest([str(src)]).articles == 1
    events = [e for e in kg.events() if e.target is not None]
    payloads = ("onerror=", "<script>", "javascript:")
    for p in payloads:
        assert any(p in e.sentence for e in events), f"no event in the sentence with {p}"
    g = kg.network()
    kg.close()
    assert any(d["url"].startswith("javascript:") for _, _, d in g.edges(data=True))
    path = dg.output.html(g, tmp_path / "hostile.html",
                          title='<script>window.__pwned="t"</script>')
    page = opened(path)
    texts = [page.hover_edge(i) for i in page.js("window.diplograph.edges.getIds()")]
    joined = "\n".join(texts)
    for p in payloads:
        assert p in joined  # shown as text
    for i in page.js("window.diplograph.edges.getIds()"):
        point = page.js(EDGE_POINT, i)
        page.page.mouse.click(point["x"], point["y"])
        page.page.wait_for_selector("#tip.pinned")
        page.page.keyboard.press("Escape")
    page.page.fill("#search", "china")
    assert page.js("typeof window.__pwned") == "undefined"
    assert page.js("document.querySelectorAll('img').length") == 0
    assert page.js("document.scripts.length") == 3
    hrefs = page.js("Array.from(document.querySelectorAll('[href]')).map(a => a.href)")
    assert all(not h.lower().startswith("javascript:") for h in hrefs)
    assert page.js("document.title") == '<script>window.__pwned="t"</script>'
    assert page.elsewhere == []


def test_precomputed_layout_keeps_its_positions(browser, opened, tmp_path):
    from diplograph.graph.network import to_multidigraph
    from diplograph.model import Actor, Event
    from diplograph.output.html import page_data

    actors = [Actor(f"a{i}", f"Actor {i}", "Group") for i in range(40)]
    events = [Event(doc="d", type="CONSULT", source=actors[i], target=actors[(i * 7 + 3) % 40],
                    speaker=None, sentence="They met.", start=0, end=9, date="2020-01-01")
              for i in range(40)]
    g = to_multidigraph(events)
    path = dg.output.html(g, tmp_path / "pre.html", layout="precomputed")
    page = opened(path)
    assert page.js("window.diplograph.layout") == "precomputed"
    want = {n["id"]: (n["x"], n["y"]) for n in page_data(g, "precomputed")["nodes"]}
    got = page.js("window.diplograph.network.getPositions()")  # rounded to pixels
    assert set(got) == set(want)
    for k, (x, y) in want.items():
        assert (got[k]["x"], got[k]["y"]) == (pytest.approx(x, abs=1), pytest.approx(y, abs=1))
    assert page.errors == [] and page.elsewhere == []


def test_an_empty_graph_opens_and_says_so(opened, tmp_path):
    import networkx as nx

    page = opened(dg.output.html(nx.MultiDiGraph(), tmp_path / "empty.html"))
    assert page.js("[window.diplograph.nodes.length, window.diplograph.edges.length]") == [0, 0]
    assert page.page.inner_text("#status").startswith("0 actors, 0 relations")
    assert page.errors == [] and page.elsewhere == []
