"""``--jobs N``: extraction spread over worker processes.

Articles go to workers in small chunks; results come back in input order, so
the output is the same as with one job. At most a few chunks per worker are
in flight, so memory stays bounded on large corpora.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from diplograph.model import Article, Event

CHUNK = 16
IN_FLIGHT_PER_WORKER = 3


def _work(chunk: list[Article], batch_size: int, use_model: bool) -> list[list[Event]]:
    from diplograph.extract import extract_articles

    return [events for _, events in extract_articles(chunk, jobs=1, batch_size=batch_size,
                                                     use_model=use_model)]


def _warm(use_model: bool) -> None:
    from diplograph.extract import load_extractor

    load_extractor(use_model)


def extract_parallel(articles: Iterable[Article], jobs: int, batch_size: int = 64,
                     use_model: bool = True) -> Iterator[tuple[Article, list[Event]]]:
    """(article, events) in input order, computed by ``jobs`` processes."""
    it = iter(articles)
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm,
                             initargs=(use_model,)) as pool:
        pending: deque[tuple[list[Article], Future[list[list[Event]]]]] = deque()

        def submit() -> bool:
            chunk = list(itertools.islice(it, CHUNK))
            if not chunk:
                return False
            pending.append((chunk, pool.submit(_work, chunk, batch_size, use_model)))
            return True

        while len(pending) < jobs * IN_FLIGHT_PER_WORKER and submit():
            pass
        while pending:
            chunk, fut = pending.popleft()
            results = fut.result()
            submit()
            yield from zip(chunk, results, strict=True)
