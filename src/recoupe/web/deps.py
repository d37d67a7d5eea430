"""What the API and the pages both ask of a request: a database session, a page number."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request
from sqlalchemy.orm import Session

MAX_PER_PAGE = 100


def database(request: Request) -> Iterator[Session]:
    with Session(request.app.state.settings.engine) as session:
        yield session


@dataclass(frozen=True)
class Paging:
    page: int
    per_page: int


def paging(
    page: Annotated[int, Query(ge=1, le=100_000, description="1 for the first page")] = 1,
    per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = 20,
) -> Paging:
    return Paging(page, per_page)


DB = Annotated[Session, Depends(database)]
Pages = Annotated[Paging, Depends(paging)]
