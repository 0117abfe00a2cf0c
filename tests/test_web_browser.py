"""The web UI in a real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright.

Opens every page on the seed corpus (../shared/corpus/seeds, skipped when absent) plus our
XSS article, clicks from a timeline entry to its article sentence, checks that article text
never runs as code, opens the single-file report offline, and saves a screenshot of each
page under artifacts/ for a reader to look at.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest_web import ROOT, build_constructed_store, running_server
from storyline.store import open_store
from storyline.web.app import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "artifacts"
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
VIEWPORT = {"width": 1280, "height": 900}
PAGE_TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page that records dialogs (an alert means injected code ran), console errors and
    page errors, and refuses any request that leaves the test server."""

    def __init__(self, browser, base: str | None):
        self.context = browser.new_context(viewport=VIEWPORT)
        self.page = self.context.new_page()
        self.page.set_default_timeout(PAGE_TIMEOUT_MS)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        allowed = (base or "file://", "file://", "data:", "about:")

        def route(r):
            if r.request.url.startswith(allowed):
                return r.continue_()
            self.outside.append(r.request.url)
            return r.abort()
        self.context.route("**/*", route)

    def open(self, url: str):
        response = self.page.goto(url)
        self.page.wait_for_load_state("networkidle")
        return response

    def shot(self, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self):
        assert self.dialogs == [], f"injected code ran: {self.dialogs}"
        assert self.errors == [], self.errors
        assert self.outside == [], f"requests outside the server: {self.outside}"

    def close(self):
        self.context.close()


@pytest.fixture
def watched(browser):
    made: list[Watched] = []

    def make(base: str | None = None) -> Watched:
        w = Watched(browser, base)
        made.append(w)
        return w
    yield make
    for w in made:
        w.close()


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory):
    """The seed corpus and the XSS article, ingested through the real pipeline, served."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    from storyline.options import Options
    from storyline.pipeline import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('seeds') / 'seeds.db'}"
    store = open_store(url)
    report = ingest([str(SEEDS), str(ROOT / "tests" / "data" / "ingest" / "xss.txt")], store,
                    Options(db_url=url, progress=False))
    assert report.ok, report.rejected
    with running_server(create_app(store)) as base:
        yield base, store
    store.close()


@pytest.fixture(scope="module")
def constructed_server(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('constructed') / 'c.db'}")
    ids = build_constructed_store(store)
    with running_server(create_app(store)) as base:
        yield base, ids
    store.close()


def _text(s: str) -> str:
    return " ".join(s.split())


# ── every page on the seeds ────────────────────────────────────────────────────────────

def test_every_page_on_the_seeds(seeds_server, watched):
    base, store = seeds_server
    w = watched(base)
    docs = [d for d in store.document_rows() if d["name"] != "xss"]
    top_actor = next(iter(store.mention_counts().items()), None)
    pages = [("overview", "/"), ("timeline", "/timeline"), ("disputes", "/disputes"),
             ("disputes-all", "/disputes?show=all"), ("actors", "/actors"), ("dyad", "/dyad"),
             ("dyad-usa-ind", "/dyad?a=USA&b=IND"), ("articles", "/articles"),
             ("search", "/search?q=ceasefire"), ("api-docs", "/docs")]
    if top_actor:
        pages.append(("actor", f"/actors/{top_actor[0]}"))
    pages += [(f"article-{d['name']}", f"/articles/{d['id']}") for d in docs]
    for name, path in pages:
        response = w.open(base + path)
        assert response.status == 200, path
        assert w.page.locator("h1").first.inner_text().strip(), path
        assert "{{" not in w.page.content() and "Traceback" not in w.page.content()
        w.shot(f"seeds-{name}")
    w.assert_clean()


def test_dyad_chart_draws_with_plotly(seeds_server, watched):
    base, _ = seeds_server
    w = watched(base)
    w.open(base + "/dyad")
    if w.page.locator(".chart").count() == 0:
        pytest.skip("the seeds produced no dyad with dated events")
    w.page.wait_for_selector(".chart .main-svg")
    assert w.page.locator(".chart .legendtext").count() >= 4  # four QuadClasses + the line
    w.assert_clean()


def test_click_from_a_timeline_entry_to_its_sentence(seeds_server, watched):
    base, _ = seeds_server
    w = watched(base)
    w.open(base + "/timeline")
    link = w.page.locator("li.entry a.src-link[href*='#s']").first
    if link.count() == 0:
        pytest.skip("the seeds produced no storyline entry with a cited sentence")
    link.locator("xpath=ancestor::details").locator("summary").click()
    quoted = _text(link.locator("xpath=..").locator("blockquote").inner_text())
    assert quoted
    link.click()
    w.page.wait_for_url(re.compile(r"/articles/[^#]+#s\d+$"))
    anchor = w.page.url.rsplit("#", 1)[1]
    target = w.page.locator(f"#{anchor}")
    target.wait_for()
    assert "focused" in (target.get_attribute("class") or "")
    assert w.page.evaluate("document.querySelector(':target').id") == anchor
    assert _text(target.inner_text()) == quoted
    box = target.bounding_box()
    assert box and 0 <= box["y"] < VIEWPORT["height"], "the sentence is scrolled into view"
    w.page.screenshot(path=str(ARTIFACTS / "seeds-timeline-click-to-sentence.png"))
    w.assert_clean()


def test_xss_article_renders_as_text(seeds_server, watched):
    base, store = seeds_server
    w = watched(base)
    xss = next(d for d in store.document_rows() if d["name"] == "xss")
    w.open(f"{base}/articles/{xss['id']}")
    text = w.page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(2)>" in text
    assert w.page.locator("#article-text script, #article-text img, main img").count() == 0
    w.shot("xss-article")
    w.open(f"{base}/search?q=onerror")
    assert "<img src=x onerror=alert(2)>" in w.page.locator("ol.hits").inner_text()
    w.assert_clean()


def test_report_opens_offline(seeds_server, watched, tmp_path):
    from storyline.report import write_report

    _, store = seeds_server
    path = write_report(store, ARTIFACTS / "seeds-report.html")
    w = watched(None)
    w.open(path.as_uri())
    assert w.page.locator("h1").inner_text() == "Storyline report"
    if w.page.locator(".chart").count():
        w.page.wait_for_selector(".chart .main-svg")
    w.shot("seeds-report")
    for section in ("overview", "timeline", "disputes", "dyads", "network"):
        w.page.locator(f"#{section}").screenshot(path=str(ARTIFACTS / f"seeds-report-{section}.png"))
    w.assert_clean()


# ── XSS strings in every field a page shows ────────────────────────────────────────────

def test_markup_in_every_record_field_stays_text(constructed_server, watched):
    base, ids = constructed_server
    w = watched(base)
    for path in ("/", "/timeline", "/disputes", "/actors", "/dyad?a=ARM&b=AZE", "/articles",
                 f"/articles/{ids['xss']}", "/actors/x-%3Csvg%20onload%3Dalert(4)%3E", "/search?q=script"):
        assert w.open(base + path).status == 200, path
        assert w.page.locator("main script:not([type='application/json']), main img, main svg a[href^='javascript']").count() == 0, path
    w.open(base + "/timeline")
    assert "<img src=x onerror=alert(11)> probe of the talks website" in w.page.locator("ol.timeline").inner_text()
    w.open(base + "/disputes")
    assert "<script>alert(9)</script>" in w.page.locator("main").inner_text()
    w.shot("constructed-disputes-xss")
    w.assert_clean()


def test_article_highlights_toggle(constructed_server, watched):
    base, ids = constructed_server
    w = watched(base)
    w.open(f"{base}/articles/{ids['thailand-cambodia-ceasefire']}#s3")
    assert w.page.locator("#s3").get_attribute("class") == "sent focused"
    highlighted = w.page.locator(".hl.event").first
    assert highlighted.evaluate("e => getComputedStyle(e).fontWeight") in ("600", "bold")
    w.page.locator("#toggle-highlights").uncheck()
    assert "plain" in (w.page.locator("#article-text").get_attribute("class") or "")
    w.shot("constructed-article-plain")
    w.assert_clean()

