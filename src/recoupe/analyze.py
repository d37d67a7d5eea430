"""Compose clean -> nlp -> extract -> ArticleRecord. Nothing else happens here.

`analyze` is a pure function of one document; `analyze_batch` runs it over a batch of
documents (spaCy is much faster on batches); `analyze_stream` cuts any number of documents
into batches, runs them here or through an executor, and keeps the input order, failures
included.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import islice
from typing import TypeVar

from pydantic import BaseModel
from spacy.tokens import Doc

from recoupe import nlp
from recoupe.clean import Article, clean
from recoupe.errors import DocumentError, NotSelected
from recoupe.execute import Executor
from recoupe.execute.local import InProcess
from recoupe.extract import Context
from recoupe.extract.ages import extract_ages
from recoupe.extract.amounts import extract_amounts
from recoupe.extract.counts import extract_counts
from recoupe.extract.dates import extract_dates
from recoupe.extract.entities import extract_entities
from recoupe.extract.events import extract_events
from recoupe.extract.harms import extract_harms
from recoupe.extract.quotes import extract_quotes
from recoupe.published import parse_published
from recoupe.read import RawDoc, ReadError
from recoupe.record import ArticleRecord, Source, Span

HEADLINE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Failure:
    """A document that could not be analysed, and why (one line)."""

    name: str
    message: str


@dataclass(frozen=True)
class Skipped:
    """A document the run's selection leaves out (say, another language): not an error."""

    name: str
    message: str


Result = ArticleRecord | Failure | Skipped


@dataclass(frozen=True)
class Options:
    published: str | None = None  # fallback publication date for inputs without one
    language: str | None = None  # forced language, else identified per document
    only_languages: frozenset[str] | None = None  # documents in other languages are skipped
    batch_size: int = 32


def analyze_stream(
    items: Iterable[RawDoc | ReadError],
    options: Options = Options(),
    executor: Executor | None = None,
) -> Iterator[Result]:
    """Analyse every document, yielding a result for each, in input order, whatever runs
    the batches: the same batches are cut either way, so the results are the same."""
    batches = cut(items, options.batch_size)
    # Even here, through an executor: a batch that breaks (spaCy refuses a text over its
    # length limit) is run again document by document, and only the culprit fails.
    runner = executor or InProcess()
    step: Step = partial(analyze_documents, options=options)
    for outcome in runner.map(step, batches, lost=lose):
        if isinstance(outcome, LostBatch):
            yield from one_by_one(outcome, step, runner)
        else:
            yield from outcome


@dataclass(frozen=True)
class LostBatch:
    """A batch whose step raised or whose worker died, with why."""

    batch: list[RawDoc | ReadError]
    why: str


Step = Callable[[list[RawDoc | ReadError]], list[Result] | LostBatch]


def lose(batch: list[RawDoc | ReadError], why: str) -> list[Result] | LostBatch:
    return LostBatch(batch, why)


def one_by_one(
    lost: LostBatch,
    step: Step,
    executor: Executor,
) -> Iterator[Result]:
    """The documents of a lost batch, each run again on its own, so that one document that
    kills its worker, or breaks spaCy, fails alone."""
    if len(lost.batch) == 1:
        yield Failure(lost.batch[0].name, f"not analysed: {lost.why}")
        return
    for outcome in executor.map(step, ([item] for item in lost.batch), lost=lose):
        if isinstance(outcome, LostBatch):
            yield Failure(outcome.batch[0].name, f"not analysed: {outcome.why}")
        else:
            yield from outcome


def cut(items: Iterable[RawDoc | ReadError], size: int) -> Iterator[list[RawDoc | ReadError]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def analyze_documents(batch: list[RawDoc | ReadError], options: Options) -> list[Result]:
    """One batch, as a step that an executor can run anywhere."""
    return list(analyze_batch(batch, options))


def analyze_batch(batch: Iterable[RawDoc | ReadError], options: Options) -> Iterator[Result]:
    cleaned: list[Article | Failure | Skipped] = [clean_item(item, options) for item in batch]
    articles = [a for a in cleaned if isinstance(a, Article)]
    by_language: dict[str, list[Article]] = {}
    for article in articles:
        by_language.setdefault(article.language, []).append(article)
    docs: dict[int, Doc] = {}
    for lang, group in by_language.items():
        texts = (nlp_text(article) for article in group)
        for article, doc in zip(group, nlp.pipe(texts, lang), strict=True):
            docs[id(article)] = doc
    for item in cleaned:
        if not isinstance(item, Article):
            yield item
            continue
        try:
            yield build_record(item, docs[id(item)])
        except Exception as error:
            yield Failure(item.path or item.id, f"analysis failed: {error!r}")


def clean_item(item: RawDoc | ReadError, options: Options) -> Article | Failure | Skipped:
    if isinstance(item, ReadError):
        return Failure(item.name, item.message)
    try:
        return clean(item, options.published, options.language, options.only_languages)
    except NotSelected as error:
        return Skipped(item.name, str(error))
    except DocumentError as error:
        return Failure(item.name, str(error))
    except Exception as error:
        return Failure(item.name, f"cleaning failed: {error!r}")


def analyze(article: Article) -> ArticleRecord:
    """Analyse one clean article."""
    doc = next(nlp.pipe([nlp_text(article)], article.language))
    return build_record(article, doc)


def nlp_text(article: Article) -> str:
    """The headline is analysed with the body (its figures and names count) but kept apart."""
    if article.title:
        return article.title + HEADLINE_SEPARATOR + article.text
    return article.text


def build_record(article: Article, doc: Doc) -> ArticleRecord:
    published = parse_published(article.published)
    body_start = len(article.title) + len(HEADLINE_SEPARATOR) if article.title else 0
    ctx = Context(lang=article.language, published=published, body_start=body_start)
    amounts = extract_amounts(doc, ctx)
    entities = extract_entities(doc, ctx)
    quotes = extract_quotes(doc, ctx, entities)
    counts = extract_counts(doc, ctx, amounts)
    dates, relative_dates = extract_dates(doc, ctx)
    record = ArticleRecord(
        id=article.id,
        source=Source(path=article.path, url=article.url, outlet=article.outlet),
        language=article.language,
        title=article.title,
        authors=article.authors,
        published=format_published(article.published, published),
        text=article.text,
        entities=entities,
        quotes=quotes,
        amounts=amounts,
        counts=counts,
        dates=dates,
        relative_dates=relative_dates,
        ages=extract_ages(doc, ctx, entities),
        harms=extract_harms(doc, ctx, entities, dates, relative_dates),
        events=extract_events(doc, ctx, entities, amounts, counts, dates, relative_dates, quotes),
    )
    return relocate(record, body_start)


def format_published(raw: str | None, parsed: date | None) -> str | None:
    if parsed is None:
        return None
    assert raw is not None
    return raw if len(raw) > 10 and raw[:10] == parsed.isoformat() else parsed.isoformat()


ModelT = TypeVar("ModelT", bound=BaseModel)


def relocate(model: ModelT, body_start: int) -> ModelT:
    """Turn Doc offsets into offsets into `text`, or into `title` for headline spans."""
    if body_start == 0:
        return model
    updates: dict[str, object] = {}
    if isinstance(model, Span):
        if model.start >= body_start:
            updates.update(start=model.start - body_start, end=model.end - body_start)
        else:
            updates.update(field="title")
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            updates[name] = relocate(value, body_start)
        elif isinstance(value, list):
            updates[name] = [relocate_any(v, body_start) for v in value]
        elif isinstance(value, dict):
            updates[name] = {
                k: [relocate_any(v, body_start) for v in vs] for k, vs in value.items()
            }
    return model.model_copy(update=updates)


def relocate_any(value: object, body_start: int) -> object:
    return relocate(value, body_start) if isinstance(value, BaseModel) else value
