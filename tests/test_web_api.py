"""The REST API, the pages and the report, against a real uvicorn server on a free port.

Most tests use a store built record by record (tests/data/web/constructed-store.yaml: fast,
no spaCy); the last ones ingest our own articles through the real pipeline.
"""
from __future__ import annotations

import re

import httpx
import pytest

from conftest_web import ROOT, build_constructed_store, running_server
from storyline.store import open_store
from storyline.web.app import create_app

TOKEN = "test-token-7f3a"
# The strings the XSS fixtures carry; none may reach a page as markup.
XSS_MARKUP = ("<script>alert", "<img src=x", "<svg onload", "<b>Outlet")
PAGES = ("/", "/timeline", "/disputes", "/disputes?show=all", "/actors", "/dyad", "/articles",
         "/search?q=ceasefire", "/search?q=script", "/docs", "/timeline?actor=THA&type=ASSAULT")
ERROR_KEYS = {"status", "code", "message"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'constructed.db'}")
    ids = build_constructed_store(store)
    yield store, ids
    store.close()


@pytest.fixture(scope="module")
def server(built):
    store, _ = built
    with running_server(create_app(store, token=TOKEN)) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client


@pytest.fixture(scope="module")
def readonly(built):
    store, _ = built
    with running_server(create_app(store)) as base:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client


@pytest.fixture(scope="module")
def ids(built):
    return built[1]


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    """The one error shape, exactly."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


# ── the API ─────────────────────────────────────────────────────────────────────────────

def test_status_counts_the_store(server):
    body = server.get("/api/status").json()
    assert body["counts"]["documents"] == 3
    assert body["counts"]["story_events"] == 5
    assert body["ingest_enabled"] is True


def test_documents_are_paginated_without_their_text(server):
    first = server.get("/api/documents", params={"limit": 2}).json()
    assert (first["total"], first["limit"], first["offset"], len(first["items"])) == (3, 2, 0, 2)
    rest = server.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert len(rest["items"]) == 1
    names = {d["name"] for d in first["items"] + rest["items"]}
    assert names == {"thailand-cambodia-ceasefire", "opinion-the-ceasefire-was-ours", "xss"}
    assert all("text" not in d for d in first["items"])
    opinion = server.get("/api/documents", params={"genre": "opinion"}).json()
    assert [d["author"] for d in opinion["items"]] == ["Niran Chaiyaporn"]


def test_document_detail_has_text_sentences_and_perspective(server, ids):
    body = server.get(f"/api/documents/{ids['opinion-the-ceasefire-was-ours']}").json()
    assert body["document"]["text"].startswith("Opinion: The ceasefire was ours to make")
    assert body["perspective"]["genre"] == "opinion"
    assert body["published"]["value"] == "2025-08-02"
    sentences = body["sentences"]
    assert [s["index"] for s in sentences] == list(range(len(sentences)))
    text = body["document"]["text"]
    assert all(text[s["start"]:s["end"]] == s["text"] for s in sentences)


def test_events_filter_by_actor_type_date_and_modality(server):
    assault = server.get("/api/events", params={"actor": "KHM", "type": "assault"}).json()
    assert {e["id"] for e in assault["items"]} == {"ev-rockets", "ev-airstrikes"}
    july_end = server.get("/api/events", params={"since": "2025-07-28", "until": "2025-07-31"}).json()
    assert {e["date"]["value"] for e in july_end["items"]} <= {"2025-07-28", "2025-07-29"}
    assert july_end["total"] == 5
    intended = server.get("/api/events", params={"modality": "intended"}).json()
    assert [e["id"] for e in intended["items"]] == ["ev-nominate"]
    one = server.get("/api/events/ev-rockets").json()
    assert one["plover"] == "ASSAULT" and one["source"]["actor_id"] == "KHM-MIL"


def test_events_reject_bad_parameters_in_the_error_shape(server):
    err = assert_error(server.get("/api/events", params={"since": "last week"}), 422, "invalid_request")
    assert "since" in err["message"]
    assert_error(server.get("/api/events", params={"limit": 0}), 422, "invalid_request")
    assert_error(server.get("/api/events", params={"limit": 100000}), 422, "invalid_request")
    assert_error(server.get("/api/events", params={"modality": "rumoured"}), 422, "invalid_request")


def test_claims_and_propositions(server):
    denies = server.get("/api/claims", params={"stance": "denies", "actor": "THA"}).json()
    assert {c["id"] for c in denies["items"]} == {"c-thai-led", "c-thai-negotiators", "c-tha-denies"}
    of_prop = server.get("/api/claims", params={"proposition": "p-us-brokered"}).json()
    assert of_prop["total"] == 5
    contested = server.get("/api/propositions", params={"contested": "true"}).json()
    assert {p["id"] for p in contested["items"]} == {"p-us-brokered", "p-<script>"}
    every = server.get("/api/propositions").json()
    assert every["total"] == 4 and every["items"][-1]["id"] == "p-regional"
    assert every["items"][-1]["sides"] == ["asserts"]


def test_a_claim_stands_on_its_side_of_the_proposition(server):
    html = server.get("/disputes", params={"show": "all"}, headers={"accept": "text/html"}).text
    card = html[html.index('id="prop-p-regional"'):]
    card = card[:card.index("</section>")]
    asserts, denies = card.split('<div class="side denies">')
    assert "No outside power pressed either side" in asserts
    assert '<li class="claim asserts">' in asserts and "no one in these articles" in denies


def test_storyline_is_in_date_order_and_filterable(server):
    story = server.get("/api/storyline").json()
    dates = [s["date"] for s in story["items"]]
    assert dates == sorted(dates)
    assert story["total"] == 5
    conflict = server.get("/api/storyline", params={"actor": "KHM", "type": "ASSAULT"}).json()
    assert [s["id"] for s in conflict["items"]] == ["st-clashes"]


def test_actors_list_and_detail(server):
    actors = server.get("/api/actors").json()
    by_id = {a["actor"]["id"]: a for a in actors["items"]}
    assert by_id["KHM"]["mentions"] == 3 and by_id["KHM"]["documents"] == 2
    assert server.get("/api/actors", params={"country": "ARM"}).json()["total"] == 1
    assert server.get("/api/actors/THA").json()["actor"]["name"] == "Thailand"
    assert_error(server.get("/api/actors/no-such-actor"), 404, "not_found")


def test_dyads_count_both_directions_and_only_what_happened(server):
    body = server.get("/api/dyads", params={"a": "THA", "b": "KHM"}).json()
    assert [p["period"] for p in body["points"]] == ["2025-07"]
    point = body["points"][0]
    assert point["counts"] == [1, 0, 3, 2]
    assert "ev-nominate" not in point["events"]
    pairs = server.get("/api/dyads/pairs").json()
    assert pairs[0] == {"a": "KHM", "b": "THA", "events": 6}
    assert_error(server.get("/api/dyads", params={"a": "THA", "b": "tha"}), 400, "bad_request")


def test_search_ranks_sentences_and_marks_the_words(server, ids):
    body = server.get("/api/search", params={"q": "ceasefire unconditional"}).json()
    assert body["engine"] == "fts5"
    assert body["total"] >= 1
    for hit in body["items"]:
        words = [hit["text"][a:b].lower() for a, b in hit["spans"]]
        assert any(w.startswith("ceasefire") for w in words) and "unconditional" in words
    phrase = server.get("/api/search", params={"q": '"air strikes"'}).json()
    assert [h["doc_id"] for h in phrase["items"]] == [ids["thailand-cambodia-ceasefire"]]
    prefix = server.get("/api/search", params={"q": "strike"}).json()
    assert prefix["total"] == 1
    # FTS5 syntax in a query is searched for as words, never interpreted.
    for q in ('NEAR(a b)', '" OR 1=1 --', "*", "ceasefire) OR (x"):
        assert server.get("/api/search", params={"q": q}).status_code == 200
    assert_error(server.get("/api/search"), 422, "invalid_request")


@pytest.mark.parametrize("method, path, status, code", [
    ("GET", "/api/no-such-endpoint", 404, "not_found"),
    ("GET", "/api/documents/ffffffffffffffff", 404, "not_found"),
    ("GET", "/api/events/nope", 404, "not_found"),
    ("GET", "/api/documents?offset=-1", 422, "invalid_request"),
    ("DELETE", "/api/documents", 405, "method_not_allowed"),
    ("POST", "/api/ingest", 403, "forbidden"),
])
def test_every_error_has_the_one_shape(server, method, path, status, code):
    assert_error(server.request(method, path), status, code)


def test_search_without_the_fts_table_falls_back_to_substrings(tmp_path):
    from sqlalchemy import text

    from storyline.store.search import search_sentences

    store = open_store(f"sqlite:///{tmp_path / 'like.db'}")
    try:
        build_constructed_store(store)
        with store.engine.begin() as conn:
            conn.execute(text("DROP TABLE sentences_fts"))
        result = search_sentences(store, 'ceasefire "air strikes"')
        assert result.engine == "like" and result.total == 0
        result = search_sentences(store, "Ceasefire")
        assert result.engine == "like" and result.total >= 3
        assert all(h.text[h.spans[0][0]:h.spans[0][1]].lower().startswith("ceasefire") for h in result.hits)
        assert search_sentences(store, "100%_").total == 0
    finally:
        store.close()


@pytest.mark.postgres
def test_pages_and_search_on_postgres(pg_url):
    from storyline.store.search import search_sentences

    store = open_store(pg_url)
    try:
        build_constructed_store(store)
        result = search_sentences(store, "ceasefire")
        assert result.engine == "like" and result.total >= 3
        with running_server(create_app(store)) as base, httpx.Client(base_url=base, timeout=30) as client:
            for path in PAGES:
                r = client.get(path, headers={"accept": "text/html"})
                assert r.status_code == 200, (path, r.text[:300])
                _assert_escaped(r.text)
    finally:
        store.close()


# ── ingest over the API ─────────────────────────────────────────────────────────────────

def test_read_only_server_refuses_ingest(readonly):
    err = assert_error(readonly.post("/api/ingest", json={"articles": [{"text": "x"}]},
                                     headers={"Authorization": f"Bearer {TOKEN}"}), 403, "ingest_disabled")
    assert "--token" in err["message"]
    assert readonly.get("/api/status").json()["ingest_enabled"] is False


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", f"Bearer {TOKEN}x", "Bearer"])
def test_ingest_needs_the_exact_token(server, header):
    headers = {"Authorization": header} if header else {}
    assert_error(server.post("/api/ingest", json={"articles": [{"text": "x"}]}, headers=headers), 403, "forbidden")


def test_ingest_rejects_bad_bodies_in_the_error_shape(server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert_error(server.post("/api/ingest", content=b"<x/>", headers={**auth, "content-type": "application/xml"}),
                 415, "unsupported_media_type")
    assert_error(server.post("/api/ingest", content=b"{not json", headers={**auth, "content-type": "application/json"}),
                 422, "invalid_request")
    assert_error(server.post("/api/ingest", json={"articles": []}, headers=auth), 422, "invalid_request")
    assert_error(server.post("/api/ingest", json={"articles": [{"title": "no text"}]}, headers=auth),
                 422, "invalid_request")
    big = b"a" * (6 * 1024 * 1024)
    assert_error(server.post("/api/ingest", content=big, headers={**auth, "content-type": "text/plain"}),
                 413, "payload_too_large")


# ── pages, static files, headers ────────────────────────────────────────────────────────

def _assert_escaped(html: str) -> None:
    for markup in XSS_MARKUP:
        assert markup not in html, f"unescaped {markup!r}"


@pytest.mark.parametrize("path", PAGES)
def test_pages_render_and_escape_article_content(server, path):
    r = server.get(path, headers={"accept": "text/html"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert "<h1>" in r.text
    _assert_escaped(r.text)


def test_article_page_highlights_and_escapes(server, ids):
    html = server.get(f"/articles/{ids['xss']}", headers={"accept": "text/html"}).text
    _assert_escaped(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert re.search(r'<span class="sent" id="s2">', html)
    assert 'class="hl actor' in html and 'class="hl event' in html and 'class="hl date"' in html
    ceasefire = server.get(f"/articles/{ids['thailand-cambodia-ceasefire']}", headers={"accept": "text/html"}).text
    # The event trigger "fired" and the date "July 24" are highlighted inside their sentence.
    assert re.search(r'<span class="hl event" title="event: Cambodia military ASSAULT/aerial Thailand[^"]*">fired</span>',
                     ceasefire)
    assert '<span class="hl date" title="date: 2025-07-24 (day)">July 24</span>' in ceasefire


def test_actor_and_dyad_pages(server):
    assert "Hun Manet" in server.get("/actors/hun-manet", headers={"accept": "text/html"}).text
    dyad = server.get("/dyad", params={"a": "THA", "b": "KHM", "by": "month"}, headers={"accept": "text/html"}).text
    assert 'type="application/json" id="dyad-figure"' in dyad
    assert "/static/plotly.min.js" in dyad
    # An XSS actor id travels in URLs percent-encoded, and its page escapes it.
    page = server.get("/actors/x-%3Csvg%20onload%3Dalert(4)%3E", headers={"accept": "text/html"})
    assert page.status_code == 200
    _assert_escaped(page.text)


def test_missing_page_is_an_html_page_for_browsers_and_json_for_clients(server):
    browser = server.get("/articles/ffff", headers={"accept": "text/html"})
    assert browser.status_code == 404 and "no article with id" in browser.text
    assert_error(server.get("/articles/ffff"), 404, "not_found")


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e%2fpyproject.toml",
                                  "/static/..%2F..%2Fstoryline%2Fweb%2Fapp.py", "/static/templates/base.html",
                                  "/static/", "/static/%2Fetc%2Fpasswd", "/static/app.js%00.py"])
def test_no_path_from_a_url_to_the_file_system(server, path):
    r = server.get(path)
    assert r.status_code == 404
    assert "[tool.pytest" not in r.text and "root:" not in r.text


def test_static_files_and_plotly_are_served_locally(server):
    css = server.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    plotly = server.get("/static/plotly.min.js")
    assert plotly.status_code == 200 and len(plotly.content) > 1_000_000


def test_security_headers_and_no_external_resources(server):
    r = server.get("/", headers={"accept": "text/html"})
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"
    for path in PAGES:
        html = server.get(path, headers={"accept": "text/html"}).text
        assert not re.search(r'(src|href)="(https?:)?//', html), path


def test_openapi_describes_every_endpoint(server):
    spec = server.get("/openapi.json").json()
    for path in ("/api/documents", "/api/events", "/api/claims", "/api/propositions", "/api/storyline",
                 "/api/actors", "/api/dyads", "/api/search", "/api/ingest"):
        assert path in spec["paths"], path
    assert "ErrorBody" in spec["components"]["schemas"]
    docs = server.get("/docs", headers={"accept": "text/html"}).text
    assert "/api/storyline" in docs and "<strong>enabled</strong>" in docs


def test_empty_store_renders_every_page(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        with running_server(create_app(store)) as base, httpx.Client(base_url=base) as client:
            for path in PAGES:
                r = client.get(path, headers={"accept": "text/html"})
                assert r.status_code == 200, (path, r.text)
            assert client.get("/api/storyline").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
            assert "The store is empty" in client.get("/", headers={"accept": "text/html"}).text
    finally:
        store.close()


def test_serve_binds_to_loopback_by_default(monkeypatch, tmp_path):
    import inspect

    from storyline.options import Options
    from storyline.web import app as web_app

    assert inspect.signature(web_app.serve).parameters["host"].default == "127.0.0.1"
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, host, port, **kw: seen.update(host=host, port=port))
    web_app.serve(Options(db_url=f"sqlite:///{tmp_path / 's.db'}"), port=8123)
    assert seen == {"host": "127.0.0.1", "port": 8123}


# ── the single-file report ──────────────────────────────────────────────────────────────

def test_report_is_one_self_contained_escaped_file(built, tmp_path):
    from storyline.report import write_report

    store, _ = built
    path = write_report(store, tmp_path / "story.html")
    html = path.read_text(encoding="utf-8")
    assert path.name == "story.html"
    for section in ('id="overview"', 'id="timeline"', 'id="disputes"', 'id="dyads"', 'id="network"'):
        assert section in html
    body = html[:html.index("<script>")]  # Plotly's own code may hold any string
    assert not re.search(r'(src|href)="(https?:)?//', body)
    assert "<script src=" not in html and '<link rel="stylesheet"' not in html
    assert "Plotly" in html and 'type="application/json" id="dyad-1"' in html
    _assert_escaped(body)
    assert "&lt;script&gt;alert(9)&lt;/script&gt;" in body
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_report_on_an_empty_store(tmp_path):
    from storyline.report import write_report

    store = open_store(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        html = write_report(store, tmp_path / "empty.html").read_text(encoding="utf-8")
    finally:
        store.close()
    assert "No storyline entries." in html


def test_report_into_a_missing_directory_says_so(built, tmp_path):
    from storyline.errors import StorylineError
    from storyline.report import write_report

    with pytest.raises(StorylineError, match="does not exist"):
        write_report(built[0], tmp_path / "nope" / "r.html")


# ── the real pipeline ───────────────────────────────────────────────────────────────────

@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """Our sample corpus and the XSS article, through the real pipeline."""
    from storyline.options import Options
    from storyline.pipeline import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('ingested') / 'real.db'}"
    store = open_store(url)
    report = ingest([str(ROOT / "samples" / "corpus"), str(ROOT / "tests" / "data" / "ingest" / "xss.txt")],
                    store, Options(db_url=url, progress=False))
    assert report.ok and len(report.stored) >= 2
    yield store
    store.close()


def test_ingested_corpus_renders_every_page_escaped(ingested):
    docs = ingested.document_rows()
    xss = next(d for d in docs if d["name"] == "xss")
    with running_server(create_app(ingested)) as base, httpx.Client(base_url=base, timeout=60) as client:
        for path in (*PAGES, *(f"/articles/{d['id']}" for d in docs)):
            r = client.get(path, headers={"accept": "text/html"})
            assert r.status_code == 200, (path, r.text[:500])
            _assert_escaped(r.text)
        article = client.get(f"/articles/{xss['id']}", headers={"accept": "text/html"}).text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
        story = client.get("/api/storyline", params={"limit": 500}).json()
        assert story["total"] == len(ingested.story_events())


def test_ingest_over_the_api_with_the_token(ingested):
    article = (ROOT / "tests" / "data" / "ingest" / "duplicate-a.txt").read_text(encoding="utf-8")
    with running_server(create_app(ingested, token=TOKEN)) as base, httpx.Client(base_url=base, timeout=120) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        before = client.get("/api/status").json()["counts"]["documents"]
        first = client.post("/api/ingest", content=article.encode(), headers={**auth, "content-type": "text/plain"})
        assert first.status_code == 200, first.text
        body = first.json()
        assert body["ok"] and len(body["stored"]) == 1
        again = client.post("/api/ingest", json={"articles": [{"text": article, "id": "again"}]}, headers=auth).json()
        assert again["stored"] == [] and again["duplicates"][0]["doc_id"] == body["stored"][0]
        assert again["duplicates"][0]["origin"].startswith("request")
        assert client.get("/api/status").json()["counts"]["documents"] == before + 1
