"""What to send instead: the documented form of the request field a validation error is about (its ``help``).

A 422 ``validation_error`` says what was wrong ("query.k: Input should be greater than or equal to 1"); its ``help``
says what the route takes there, read from the route's own declaration, the same that the OpenAPI schema at /docs
shows: "k: Number of passages; an integer from 1 to 50", "role: one of 'user', 'assistant'", "the fields are question,
history, stream, since, until, publishers", "send a JSON object, e.g. {"question": "…"}".
"""

from __future__ import annotations

import json
import types
from typing import Any, Literal, Sequence, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

#: When the route's declaration says nothing about the field: where the whole schema is.
SCHEMA_HELP = "see the OpenAPI schema at /docs for the accepted values"


class Refusal(ValueError):
    """A validator's refusal that knows what to send instead (``help``); pydantic keeps it as the error's
    ``ctx["error"]``, so the API's 422 carries it as ``help``."""

    def __init__(self, message: str, *, help: str) -> None:
        super().__init__(message)
        self.help = help


def problems_help(route: Any, problems: list[dict[str, Any]]) -> list[str]:
    """The distinct ``help`` texts of a request's validation problems, in order; the fields a body does not take are
    named together in one text ("headline, body, date are not fields here; the fields are title, text, …"), not one
    text per field that repeats the list."""
    unknown: dict[tuple[str, ...], list[str]] = {}  # the fields a body takes -> the names it was sent instead
    order: list[str | tuple[str, ...]] = []  # each help, or the fields of a group of unknown names, first seen first
    for problem in problems:
        loc, kind, found = _found(route, problem)
        if kind == "extra_forbidden" and found is not None and found[2] is not None:
            fields = tuple(_field_names(found[2]))
            if fields not in unknown:
                order.append(fields)
            unknown.setdefault(fields, []).append(_name(loc))
        else:
            order.append(problem_help(route, problem))
    return list(dict.fromkeys(_not_fields(unknown[h], h) if isinstance(h, tuple) else h for h in order))


def _not_fields(names: list[str], fields: Sequence[str]) -> str:
    """"x is not a field here; the fields are …" for the names a body was sent that it does not take."""
    said = f"{names[0]} is not a field here" if len(names) == 1 else f"{', '.join(names)} are not fields here"
    return f"{said}; the fields are {', '.join(fields)}"


def _name(loc: list) -> str:
    """A problem's field as the client wrote it: its path inside the body or query ("history.0.role")."""
    return ".".join(str(p) for p in loc[1:]) or str(loc[0])


def _found(route: Any, problem: dict[str, Any]) -> tuple[list, Any, tuple | None]:
    """(location without None parts, problem type, what ``_walk``/``_locate`` find there or None)."""
    loc = [p for p in problem.get("loc", ()) if p is not None]
    model = problem.get("model")  # a body a route validates itself (POST /v1/documents' JSON article) names its model
    found = _walk(model, loc[1:], "body") if model is not None and loc[:1] == ["body"] else _locate(route, loc)
    return loc, problem.get("type"), found


def problem_help(route: Any, problem: dict[str, Any]) -> str:
    """The ``help`` for one pydantic/FastAPI validation problem (``loc``, ``type``, ``ctx``) on ``route`` (an APIRoute:
    its ``dependant`` holds the declared parameters); ``SCHEMA_HELP`` when nothing more specific is known."""
    refusal = (problem.get("ctx") or {}).get("error")
    if isinstance(refusal, Refusal):
        return refusal.help
    loc, kind, found = _found(route, problem)
    if kind == "json_invalid" or loc == ["body"]:  # the body as a whole: not JSON, missing, or not an object
        return _send_json_object(found[2] if found else None)
    if found is None:
        return SCHEMA_HELP
    _, info, parent = found
    name = _name(loc)
    if kind == "extra_forbidden" and parent is not None:
        return _not_fields([name], _field_names(parent))
    if info is None:
        return SCHEMA_HELP
    form = describe(info.annotation, info)
    said = (info.description or "").rstrip(".")
    text = f"{name}: {said}" + (f"; {form}" if form else "") if said else f"{name}: {form}" if form else ""
    required = " (required)" if kind == "missing" else ""
    return (text.replace(f"{name}: ", f"{name}{required}: ", 1) if text else "") or SCHEMA_HELP


def describe(annotation: Any, info: FieldInfo | None = None) -> str:
    """A field's accepted form in words: "an integer from 1 to 50", "a string of 1 to 20,000 characters", "one of
    'json', 'markdown'", "a list of at most 20 strings", "true or false"."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        forms = [describe(a) for a in args if a is not type(None)]
        text = " or ".join(dict.fromkeys(f for f in forms if f))
        return _bounded(text, info) if len(forms) == 1 else text
    if origin is Literal:
        return "one of " + ", ".join(json.dumps(a) if not isinstance(a, str) else repr(a) for a in args)
    if origin in (list, tuple, set):
        item = describe(args[0]) if args else "values"
        most = _bound(info, "max_length")
        return f"a list of {f'at most {most:,} ' if most is not None else ''}{_plural(item)}"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "an object with the fields " + ", ".join(_field_names(annotation))
    base = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(annotation, "")
    return _bounded(base, info)


def _bounded(base: str, info: FieldInfo | None) -> str:
    if not base or info is None:
        return base
    low = _bound(info, "ge") if _bound(info, "ge") is not None else _bound(info, "gt")
    high = _bound(info, "le") if _bound(info, "le") is not None else _bound(info, "lt")
    if base in ("an integer", "a number") and (low is not None or high is not None):
        if low is not None and high is not None:
            return f"{base} from {low:g} to {high:g}"
        return f"{base} {'≥' if low is not None else '≤'} {low if low is not None else high:g}"
    if base == "a string":
        shortest, longest = _bound(info, "min_length"), _bound(info, "max_length")
        pattern = _bound(info, "pattern")
        if shortest and longest:
            base = f"a string of {shortest:,} to {longest:,} characters"
        elif longest:
            base = f"a string of at most {longest:,} characters"
        if pattern:
            base += f" matching {pattern}"
    return base


def _bound(info: FieldInfo | None, name: str) -> Any:
    for meta in getattr(info, "metadata", None) or ():
        value = getattr(meta, name, None)
        if value is not None:
            return value
    return None


def _plural(form: str) -> str:
    for single, many in (("a string", "strings"), ("an integer", "integers"), ("a number", "numbers"),
                         ("an object", "objects"), ("one of", "values, each one of")):
        if form.startswith(single):
            return many + form[len(single):]
    return form


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _send_json_object(model: type[BaseModel] | None) -> str:
    """How to send a body the route could not read: a JSON object, with the model's first documented example."""
    examples = ((model.model_config.get("json_schema_extra") or {}).get("examples") if model else None) or []
    if examples and isinstance(examples[0], dict):
        return f"send a JSON object (Content-Type: application/json), e.g. {json.dumps(examples[0], ensure_ascii=False)}"
    if model is not None:
        return f"send a JSON object with the fields {', '.join(_field_names(model))}"
    return "send a JSON object (Content-Type: application/json); the schema is at /docs"


def _locate(route: Any, loc: list) -> tuple[str, FieldInfo | None, type[BaseModel] | None] | None:
    """(field name, its FieldInfo, the model holding it) for an error location on ``route``; for the whole body
    ("body" alone) the name is "body", no FieldInfo, and the body's model. None when the location is not declared."""
    dependant = getattr(route, "dependant", None)
    if dependant is None or not loc:
        return None
    where, path = loc[0], loc[1:]
    if where == "body":
        params = list(getattr(dependant, "body_params", ()) or ())
        model = _model_of(params[0].field_info.annotation) if len(params) == 1 else None
        if model is not None and not getattr(params[0].field_info, "embed", False):
            return _walk(model, path, "body")
        if not path:
            return "body", None, None
        param = next((p for p in params if p.alias == path[0]), None)
        if param is None:
            return None
        inner = _model_of(param.field_info.annotation)
        return _walk(inner, path[1:], str(path[0])) if inner is not None and path[1:] else (str(path[0]), param.field_info, None)
    params = getattr(dependant, f"{where}_params", None) or ()
    param = next((p for p in params if path and p.alias == path[0]), None)
    return (str(path[0]), param.field_info, None) if param is not None else None


def _walk(model: type[BaseModel], path: list, name: str) -> tuple[str, FieldInfo | None, type[BaseModel] | None] | None:
    info: FieldInfo | None = None
    parent: type[BaseModel] | None = model
    current: Any = model
    for step in path:
        if isinstance(step, int):  # an item of a list field
            args = [a for a in get_args(current) if a is not type(None)]
            current = args[0] if args else current
            model_here = _model_of(current)
            if model_here is not None:
                parent, current = model_here, model_here
            continue
        holder = _model_of(current)
        if holder is None:
            return None
        field = next((f for key, f in holder.model_fields.items() if step in (key, f.alias)), None)
        parent, name = holder, str(step)
        if field is None:  # not declared: an extra field (extra_forbidden), reported against its model
            return name, None, holder
        info, current = field, field.annotation
    if info is None:
        return name, None, parent
    return name, info, parent


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
