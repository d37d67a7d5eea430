"""The JSON API against a real `recoupe serve` (SQLite, and PostgreSQL under .ci/run): every
endpoint, pagination, the token, and bad requests answered with 4xx and a clear message."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from web import TOKEN, Server, recoupe, serve, server, sqlite_server  # noqa: F401  (fixtures)

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def api(server: Server) -> httpx.Client:  # noqa: F811
    return server.client()


def demo_story(api: httpx.Client) -> dict[str, Any]:
    stories = api.get("/api/stories").json()["items"]
    return next(s for s in stories if s["articles"] == 4)


def error_of(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    message = response.json()["error"]
    assert isinstance(message, str) and message
    return message


def test_health_counts_what_is_stored(api: httpx.Client) -> None:
    health = api.get("/api/health").json()
    assert health["status"] == "ok"
    assert health["articles"] >= 5 and health["stories"] >= 2


def test_openapi_document_lists_every_endpoint(api: httpx.Client) -> None:
    paths = api.get("/api/openapi.json").json()["paths"]
    for path in (
        "/api/analyze",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/entities/{entity_id}/quotes",
        "/api/entities/{entity_id}/mentions",
        "/api/entities/{entity_id}/events",
        "/api/entities/{entity_id}/articles",
        "/api/search",
    ):
        assert path in paths


def test_analyze_returns_the_record_and_stores_nothing(api: httpx.Client) -> None:
    before = api.get("/api/health").json()["articles"]
    text = "« Nous irons jusqu'au bout », a déclaré Marie Durand, maire de Nantes, lundi."
    response = api.post("/api/analyze", json={"text": text, "published": "2026-03-02"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert {e["name"] for e in record["entities"]} >= {"Marie Durand", "Nantes"}
    (quote,) = record["quotes"]
    assert quote["text"] == "Nous irons jusqu'au bout" and quote["kind"] == "direct"
    assert [d["value"] for d in record["dates"]] == ["2026-03-02"]
    assert api.get("/api/health").json()["articles"] == before


def test_analyze_reads_html(api: httpx.Client) -> None:
    html = "<html><body><article><h1>Grève</h1><p>La CGT réclame 2 000 euros.</p></article>"
    record = api.post("/api/analyze", json={"html": html + "</body></html>"}).json()
    assert "<p>" not in record["text"] and "2 000 euros" in record["text"]
    assert [a["value"] for a in record["amounts"]] == [2000]


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        (b'{"text": "Bonjour', 400, "malformed JSON"),
        (b"[1, 2", 400, "malformed JSON"),
        (b'{"text": 12}', 422, "text"),
        (b'{"title": "sans texte"}', 422, "non-empty 'text' or 'html'"),
        (b'{"text": "x", "colour": "red"}', 422, "colour"),
        (b'"just a string"', 422, "body"),
    ],
)
def test_bad_analyze_requests_say_what_is_wrong(
    api: httpx.Client, body: bytes, status: int, words: str
) -> None:
    response = api.post("/api/analyze", content=body, headers={"content-type": "application/json"})
    assert words in error_of(response, status)


def test_huge_bodies_are_refused_before_they_are_read(api: httpx.Client) -> None:
    huge = b'{"text": "' + b"a" * 6_000_000 + b'"}'
    response = api.post("/api/analyze", content=huge, headers={"content-type": "application/json"})
    assert "over 5000000 bytes" in error_of(response, 413)


def test_huge_streamed_bodies_are_refused_too(api: httpx.Client) -> None:
    def chunks() -> Any:
        yield b'{"text": "'
        for _ in range(70):
            yield b"a" * 100_000
        yield b'"}'

    response = api.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "over 5000000 bytes" in error_of(response, 413)


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}],
)
def test_ingestion_needs_the_token(api: httpx.Client, headers: dict[str, str]) -> None:
    before = api.get("/api/health").json()["articles"]
    article = {"id": "intrus", "text": "Un article qui ne doit pas être stocké à Paris."}
    response = api.post("/api/articles", json={"articles": [article]}, headers=headers)
    assert "token" in error_of(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"
    assert api.get("/api/health").json()["articles"] == before


def test_without_a_token_the_server_stores_nothing(tmp_path: Path) -> None:
    for up in serve(f"sqlite:///{tmp_path / 'none.db'}", tmp_path, {}):
        article = {"id": "a1", "text": "Un article sur Lyon qui ne sera pas stocké."}
        response = up.client().post("/api/articles", json={"articles": [article]}, headers=AUTH)
        assert "without a token" in error_of(response, 403)
        assert up.client().get("/api/health").json()["articles"] == 0


def test_the_token_can_come_from_a_file(tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("from-a-file\n")
    db_url = f"sqlite:///{tmp_path / 'file.db'}"
    for up in serve(db_url, tmp_path, {}, "--token-file", str(token_file)):
        article = {"id": "a1", "text": "La mairie de Lyon a voté un budget de 3 millions d'euros."}
        refused = up.client().post("/api/articles", json={"articles": [article]}, headers=AUTH)
        error_of(refused, 401)
        accepted = up.client().post(
            "/api/articles",
            json={"articles": [article]},
            headers={"Authorization": "Bearer from-a-file"},
        )
        assert [r["outcome"] for r in accepted.json()] == ["stored"]


def test_ingestion_with_the_token_stores_then_skips(api: httpx.Client) -> None:
    article = {
        "id": "api-ingest-1",
        "outlet": "Ouest Matin",
        "published": "2026-04-10",
        "text": "Le conseil municipal de Brest a voté mardi un budget de 12 millions d'euros "
        "pour rénover le port, a annoncé le maire François Cuillandre.",
    }
    empty = {"id": "api-ingest-2", "html": "<html><body><nav>menu</nav></body></html>"}
    first = api.post("/api/articles", json={"articles": [article, empty]}, headers=AUTH)
    assert first.status_code == 200, first.text
    stored, failed = first.json()
    assert stored["outcome"] == "stored" and stored["story_id"]
    assert failed["outcome"] == "failed" and failed["name"] == "api-ingest-2" and failed["message"]
    again = api.post("/api/articles", json={"articles": [article]}, headers=AUTH).json()
    assert [r["outcome"] for r in again] == ["skipped"]
    view = api.get("/api/articles/api-ingest-1").json()
    assert view["outlet"] == "Ouest Matin"
    assert any(a["value"] == 12_000_000 for a in view["record"]["amounts"])


def test_the_server_sees_what_another_process_stored(
    api: httpx.Client,
    server: Server,  # noqa: F811
    tmp_path: Path,
) -> None:
    first = {"id": "api-cache-1", "text": "Le conseil régional de Bretagne a voté un budget."}
    other = {"id": "api-cache-2", "text": "À Quimper, 400 agriculteurs ont manifesté mardi."}
    stored = api.post("/api/articles", json={"articles": [first]}, headers=AUTH).json()
    assert [r["outcome"] for r in stored] == ["stored"]
    batch = tmp_path / "other.jsonl"
    batch.write_text(json.dumps(other, ensure_ascii=False) + "\n", encoding="utf-8")
    recoupe("ingest", "--db", server.db_url, str(batch))
    again = api.post("/api/articles", json={"articles": [other, first]}, headers=AUTH).json()
    assert [r["outcome"] for r in again] == ["skipped", "skipped"]


def test_ingestion_refuses_a_malformed_batch(api: httpx.Client) -> None:
    message = error_of(api.post("/api/articles", json={"articles": []}, headers=AUTH), 422)
    assert "articles" in message
    too_many = {"articles": [{"text": f"Article {n}"} for n in range(101)]}
    assert "articles" in error_of(api.post("/api/articles", json=too_many, headers=AUTH), 422)


def test_stories_come_a_page_at_a_time(api: httpx.Client) -> None:
    first = api.get("/api/stories", params={"per_page": 1}).json()
    assert first["page"] == 1 and first["per_page"] == 1 and len(first["items"]) == 1
    assert first["total"] >= 2
    second = api.get("/api/stories", params={"per_page": 1, "page": 2}).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]
    beyond = api.get("/api/stories", params={"page": 1000}).json()
    assert beyond["items"] == [] and beyond["total"] == first["total"]


@pytest.mark.parametrize(
    "params", [{"page": 0}, {"page": "two"}, {"per_page": 0}, {"per_page": 101}]
)
def test_bad_pages_are_refused(api: httpx.Client, params: dict[str, object]) -> None:
    message = error_of(api.get("/api/stories", params=params), 422)
    assert next(iter(params)) in message


def test_the_demo_story_shows_its_dispute_and_sources(api: httpx.Client) -> None:
    story = api.get(f"/api/stories/{demo_story(api)['id']}").json()
    assert len(story["sources"]) == 4
    (offer,) = [c for c in story["disputed"] if c["fact"].endswith("amount")]
    shown = {v["value"]: {s["outlet"] for s in v["sources"]} for v in offer["values"]}
    assert shown == {
        "450 000 000 EUR": {"Le Courrier du Rhône", "Agence Presse Hexagone"},
        "540 000 000 EUR": {"La Gazette de l'industrie"},
    }
    assert any(len(q["values"]) == 2 for q in story["quotes"])  # one quote, two wordings


def test_unknown_things_are_404_with_a_message(api: httpx.Client) -> None:
    assert "nope" in error_of(api.get("/api/stories/nope"), 404)
    assert "nope" in error_of(api.get("/api/articles/nope"), 404)
    assert "nope" in error_of(api.get("/api/entities/nope"), 404)
    assert "nope" in error_of(api.get("/api/entities/nope/quotes"), 404)
    error_of(api.get("/api/no/such/endpoint"), 404)
    error_of(api.delete("/api/stories"), 405)


def test_articles_of_a_story_and_all_their_spans(api: httpx.Client) -> None:
    story_id = demo_story(api)["id"]
    page = api.get("/api/articles", params={"story": story_id}).json()
    assert page["total"] == 4
    article = api.get(f"/api/articles/{page['items'][0]['id']}").json()
    record = article["record"]
    assert article["story_id"] == story_id
    for kind in ("entities", "quotes", "amounts", "counts", "dates"):
        assert record[kind], kind
    for quote in record["quotes"]:
        assert record["text"][quote["start"] : quote["end"]] == quote["text"]
    assert set(article["entities"]) == {e["id"] for e in record["entities"]}


def test_an_entity_across_articles(api: httpx.Client) -> None:
    found = api.get("/api/entities", params={"q": "sophie march"}).json()
    (marchand,) = [e for e in found["items"] if e["name"] == "Sophie Marchand"]
    entity = api.get(f"/api/entities/{marchand['id']}").json()
    assert entity["type"] == "PER" and entity["articles"] >= 3
    assert [n["name"] for n in entity["names"]] == ["Sophie Marchand"]
    assert {d["day"] for d in entity["timeline"]} == {"2026-03-03", "2026-03-04"}
    quotes = api.get(f"/api/entities/{marchand['id']}/quotes").json()
    assert quotes["total"] == entity["quotes"] >= 3
    assert any("fermer" in q["text"] for q in quotes["items"])
    mentions = api.get(f"/api/entities/{marchand['id']}/mentions").json()
    assert mentions["total"] >= entity["articles"]
    for mention in mentions["items"]:
        record = api.get(f"/api/articles/{mention['article']['id']}").json()["record"]
        field = record["title"] if mention["field"] == "title" else record["text"]
        assert field[mention["start"] : mention["end"]] == mention["text"]
    articles = api.get(f"/api/entities/{marchand['id']}/articles", params={"per_page": 2})
    assert articles.json()["total"] == entity["articles"] and len(articles.json()["items"]) == 2


def test_names_are_found_without_case_or_accents(api: httpx.Client) -> None:
    for query in ("VENISSIEUX", "vénissieux", "Dubois Amat"):
        found = api.get("/api/entities", params={"q": query}).json()["items"]
        assert {"Vénissieux", "Claire Dubois-Amat"} & {e["name"] for e in found}, query


def test_events_an_entity_takes_part_in(api: httpx.Client) -> None:
    found = api.get("/api/entities", params={"q": "serrandis"}).json()["items"]
    events = [api.get(f"/api/entities/{e['id']}/events").json() for e in found]
    types = {item["type"] for page in events for item in page["items"]}
    assert "acquisition_offer" in types


def test_search_matches_french_words_by_stem(api: httpx.Client) -> None:
    # The samples say "manifestation" and "manifestent": "manifestants" finds them.
    hits = api.get("/api/search", params={"q": "manifestants Vénissieux"}).json()
    assert hits["total"] >= 4
    assert all(h["kind"] == "article" and h["snippet"]["match"] for h in hits["items"])
    unaccented = api.get("/api/search", params={"q": "venissieux"}).json()
    assert unaccented["total"] == api.get("/api/search", params={"q": "Vénissieux"}).json()["total"]
    assert api.get("/api/search", params={"q": "xylophones"}).json()["total"] == 0


def test_search_over_quotes(api: httpx.Client) -> None:
    hits = api.get("/api/search", params={"q": "laisserons fermer", "kind": "quote"}).json()
    assert hits["total"] >= 4
    assert all("fermer" in h["quote"]["text"] for h in hits["items"])
    paged = api.get(
        "/api/search", params={"q": "laisserons fermer", "kind": "quote", "per_page": 2}
    ).json()
    assert len(paged["items"]) == 2 and paged["total"] == hits["total"]


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x", "kind": "tweets"}, {"q": "a" * 201}])
def test_bad_searches_are_refused(api: httpx.Client, params: dict[str, str]) -> None:
    error_of(api.get("/api/search", params=params), 422)


def test_search_words_that_are_fts_syntax_are_only_words(api: httpx.Client) -> None:
    for query in ['"', "NEAR(", "AND OR NOT", "a*", "'; DROP TABLE articles; --", "é:è"]:
        assert api.get("/api/search", params={"q": query}).status_code == 200
    assert api.get("/api/health").json()["articles"] >= 5


def test_every_response_carries_the_security_headers(api: httpx.Client) -> None:
    for path in ("/api/health", "/", "/api/nope", "/static/style.css"):
        headers = api.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
