"""spaCy's matrix products through numpy's BLAS, on one thread.

thinc's CPU ops multiply with BLIS by default; numpy's OpenBLAS does the same products of an
ACLED note batch in about two thirds of the time (Turkey's 94 notes: 0.74 s -> 0.52 s of CPU
for the whole spaCy pipeline). The two libraries may round a float32 product's last bit
differently; over 13,020 ACLED notes (the worldwide, Afghanistan, Kenya, Middle East and
Ukraine files) not one token's tag, POS, morphology, dependency, head, lemma, entity or
sentence start differed, and every eval prediction was byte-identical.

OpenBLAS starts a thread per core; on these small products the extra threads save no wall
time and double the CPU (a shared machine pays it), so spaCy's work runs under a one-thread
limit (``one_thread``), restored on exit: no other code in the process is affected.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from spacy.language import Language
from thinc.api import NumpyOps


def use_numpy_blas(nlp: Language) -> int:
    """Make every layer of ``nlp``'s trained components multiply with numpy (one shared
    ``NumpyOps(use_blis=False)``); the number of layers changed."""
    ops = NumpyOps(use_blis=False)
    changed = 0
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if isinstance(layer.ops, NumpyOps):
                layer.ops = ops
                changed += 1
    return changed


@lru_cache(maxsize=1)
def _controller() -> Any:
    """threadpoolctl's view of the BLAS libraries loaded (numpy's among them); None when
    threadpoolctl is missing (scikit-learn brings it)."""
    try:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - installed with scikit-learn
        return None
    return ThreadpoolController()


# The limit is process-wide: two threads inside ``one_thread`` at once could restore each
# other's setting on exit (and leave BLAS on one thread for good), so one block runs at a time.
_LIMIT_LOCK = threading.RLock()


@contextmanager
def one_thread() -> Iterator[None]:
    """numpy's BLAS limited to one thread inside the block (see module doc)."""
    controller = _controller()
    if controller is None:
        yield
        return
    with _LIMIT_LOCK, controller.limit(limits=1, user_api="blas"):
        yield
