"""Search-index each record once when many saves of it happen in one go (a new school).

Creating a school saves each of its twenty pages three times (added to the tree, its first
revision, publication) and indexes it once more when it is published: four index updates per
page, each computing the page's word forms in both languages, where the last one alone counts.
Inside `indexing_once()` the updates are collected and made once per record at the end, from
the record as stored then; outside it (every edit in the admin) nothing changes.
"""

import contextlib
from contextvars import ContextVar

_pending: ContextVar[dict | None] = ContextVar("mektep_pending_index_updates", default=None)


@contextlib.contextmanager
def indexing_once():
    if _pending.get() is not None:  # already collecting: the outer block indexes
        yield
        return
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for (model, pk), _instance in pending.items():
        stored = model._default_manager.filter(pk=pk).first()
        if stored is not None:
            _original(stored)


_original = None


def insert_or_update_object(instance):
    pending = _pending.get()
    if pending is None or instance.pk is None:
        return _original(instance)
    pending[(type(instance), instance.pk)] = instance
    return None


def install() -> None:
    """Route Wagtail's (modelsearch's) index updates through `insert_or_update_object`."""
    global _original
    from modelsearch import index as modelsearch_index
    from wagtail.search import index as wagtail_index

    if _original is not None:
        return
    _original = modelsearch_index.insert_or_update_object
    modelsearch_index.insert_or_update_object = insert_or_update_object
    wagtail_index.insert_or_update_object = insert_or_update_object
