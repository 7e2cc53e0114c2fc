"""The calculator's worker protocol: one request in, one reply out, plain JSON values.

The page's module Web Worker (docs/assets/calculator/worker.js) hands every request to
:func:`answer_json` and posts back what it returns; the tests call :func:`answer` in CPython and,
through the worker's own boot code, inside Pyodide; the command line takes its answer from
:func:`answer_case`. So the three share one path from raw strings to an answer.

    request  {id?, type: "evaluate", case: {field: string | [string, ...]}, lang}
    reply    {id, type: "result", result}                        (Result.to_dict())
             {id, type: "input_error", errors: [{field, code, message}], result?}
               (result: the answer computed without the bad fields, when something sound is left)
             {id, type: "fatal", message}                        (a request this protocol lacks)

``id`` is echoed as given (left out when the request had none). The worker itself adds the
status and loading-failure messages, which only it can know.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from cip_core.case import parse_case
from cip_core.errors import FieldError, InputError, check_language
from cip_core.evaluate import evaluate
from cip_core.messages import LANGUAGES
from cip_core.result import Result

EVALUATE = "evaluate"  # the one request type
# A case with one bad field among good ones: answering it in every language before the page is
# told "ready" loads the parameters and every catalogue, and takes the retry path, so the first
# real answer is as fast as the next ones.
WARM_UP_CASE = {"workplace_region": "brussels", "age": "25", "duration_months": "x"}


@dataclass(frozen=True)
class Reply:
    """The answer to one case: a result, or the bad fields and what can be said without them."""

    result: Result | None
    errors: tuple[FieldError, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The reply's JSON body, without ``id`` (see the module's docstring)."""
        if not self.errors and self.result is not None:
            return {"type": "result", "result": self.result.to_dict()}
        reply: dict[str, Any] = {
            "type": "input_error",
            "errors": [e.to_dict() for e in self.errors],
        }
        if self.result is not None:
            reply["result"] = self.result.to_dict()
        return reply


def answer_case(case: object, lang: object, *, without_bad_fields: bool = True) -> Reply:
    """Parse and evaluate ``case`` (raw values, as from a URL or a form) in ``lang``.

    Bad input never raises: the reply lists every bad field with its translated message. With
    ``without_bad_fields``, a bad field then counts as missing and the rest is answered (body,
    minimum, steps stay on the page); the command line, which stops at bad input, turns it off.
    """
    try:
        page_lang = check_language(lang)
    except InputError as error:  # no language to answer in: nothing to retry
        return Reply(None, tuple(error.errors))
    try:
        # parse_case checks the type itself: anything but a mapping is its `wrong_type` error.
        return Reply(evaluate(parse_case(cast("Mapping[str, object]", case), page_lang), page_lang))
    except InputError as error:
        errors = tuple(error.errors)
    rest = _without(case, {e.field for e in errors}) if without_bad_fields else None
    if rest is not None:
        try:
            return Reply(evaluate(parse_case(rest, page_lang), page_lang), errors)
        except InputError:
            pass  # nothing sound is left to answer: the field messages say it all
    return Reply(None, errors)


def _without(case: object, bad: set[str]) -> dict[str, object] | None:
    """``case`` without the ``bad`` fields; None when that leaves nothing new to answer."""
    if not isinstance(case, Mapping):
        return None
    rest = {name: value for name, value in case.items() if name not in bad}
    return rest if rest and len(rest) < len(case) else None


def answer(request: Mapping[str, object]) -> dict[str, Any]:
    """The reply to one request of the page (see the module's docstring)."""
    echo = {"id": request["id"]} if "id" in request else {}
    kind = request.get("type")
    if kind != EVALUATE:
        return {**echo, "type": "fatal", "message": f"unknown request type: {kind}"}
    case = request.get("case")
    return {**echo, **answer_case({} if case is None else case, request.get("lang")).to_dict()}


def answer_json(request: str) -> str:
    """:func:`answer` with JSON text in and out: the worker passes strings, so no Python object
    crosses into JavaScript (no proxy to free)."""
    message = json.loads(request)
    if not isinstance(message, Mapping):
        message = {"type": None}
    return json.dumps(answer(message), ensure_ascii=False)


def warm_up() -> None:
    """Run the first answers before the page is told "ready" (see WARM_UP_CASE)."""
    for lang in LANGUAGES:
        answer_case(WARM_UP_CASE, lang)
