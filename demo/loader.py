"""Reads the demo's content from the YAML files of demo/data/ into the dataclasses its seeders take.

The files are UTF-8 in Unicode NFC (the form the portal stores and searches): a file in another form is refused
rather than seeded, since "Quảng Ngãi" typed in NFD would not match the same words in the database.
"""

import dataclasses
import functools
import types
import typing
import unicodedata
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def read(name: str) -> dict:
    """The parsed content of demo/data/<name>.yaml (read once per process). Raises ValueError if it is not NFC."""
    path = DATA / f"{name}.yaml"
    text = path.read_text(encoding="utf-8")
    if not unicodedata.is_normalized("NFC", text):
        raise ValueError(f"{path} is not in Unicode NFC: normalise it before seeding.")
    return yaml.safe_load(text)


def build(cls: type, data: dict):
    """An instance of the dataclass `cls` from a mapping of its fields, nested dataclasses, lists and tuples included
    (as the fields' annotations say); a field the mapping leaves out takes its default."""
    hints = typing.get_type_hints(cls)
    unknown = set(data) - {field.name for field in dataclasses.fields(cls)}
    if unknown:
        raise ValueError(f"{cls.__name__}: unknown fields {sorted(unknown)} in {data}")
    return cls(**{name: convert(hints[name], value) for name, value in data.items()})


def build_all(cls: type, items: list[dict]) -> list:
    """`build` over a list."""
    return [build(cls, item) for item in items]


def convert(hint, value):
    """`value` as the annotation `hint` wants it: a dataclass built, a list or tuple converted item by item."""
    if value is None:
        return None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return convert(next(arg for arg in args if arg is not type(None)), value)
    if dataclasses.is_dataclass(hint):
        return build(hint, value)
    if hint is tuple or hint is list:
        return hint(value)
    if origin in (tuple, list):
        item = args[0] if args else typing.Any
        if origin is tuple and len(args) > 1 and args[1] is not Ellipsis:  # a fixed-length tuple
            return tuple(convert(arg, part) for arg, part in zip(args, value, strict=True))
        return origin(convert(item, part) for part in value)
    return value
