"""Every sentence the explorers show, and how a template is filled (chapters 1, 3, 5, 6, 7).

The sentences live in ``explorer_text.json`` beside this module. The explorers' JavaScript
renderer (``web/live/texts.js``) fills the same templates, by the same rules, so a sentence is
written once for the notebook and the site. The rules, a small part of ``str.format``:

- ``{name}``: a string or a whole number, as it is;
- ``{name!r}``: a string in single quotes, a number as Python prints a float (``1.0``);
- ``{name:.3f}`` and ``{name:.2g}``: a number with that many digits;
- a list is written item by item by the same rule and joined with ``", "``;
- ``{{`` and ``}}`` are literal braces.
"""

from __future__ import annotations

import json
import numbers
import string
from pathlib import Path

import numpy as np

TEXT = json.loads(Path(__file__).with_name("explorer_text.json").read_text(encoding="utf-8"))
"""The templates, by explorer: ``TEXT["training"]["alt"]`` and so on."""

SPECS = ("", ".0f", ".1f", ".2f", ".3f", ".4f", ".1g", ".2g", ".3g", ".4g")


def _plain(value):
    """NumPy scalars and arrays as Python numbers and lists."""
    return value.tolist() if isinstance(value, (np.ndarray, np.generic)) else value


class _Filler(string.Formatter):
    def get_field(self, field_name, args, kwargs):
        if not field_name.isidentifier():
            raise ValueError(f"a template's field is a plain name; got {{{field_name}}}")
        return super().get_field(field_name, args, kwargs)

    def get_value(self, key, args, kwargs):
        if key not in kwargs:
            raise KeyError(f"the template needs a value for {key!r}; got {sorted(kwargs)}")
        return _plain(kwargs[key])

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion != "r":
            raise ValueError(f"a template may use !r only; got !{conversion}")
        if isinstance(value, (list, tuple)):
            return [self.convert_field(item, conversion) for item in value]
        return _Repr(value)

    def format_field(self, value, format_spec):
        if isinstance(value, (list, tuple)):
            return ", ".join(self.format_field(_plain(item), format_spec) for item in value)
        if format_spec not in SPECS:
            raise ValueError(f"a template's format must be one of {SPECS[1:]}; got {format_spec!r}")
        if isinstance(value, _Repr):
            return value.text
        if format_spec:
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise TypeError(f"{{:{format_spec}}} needs a number; got {value!r}")
            return format(float(value), format_spec)
        if isinstance(value, str) or (isinstance(value, numbers.Integral) and not isinstance(value, bool)):
            return str(value)
        raise TypeError(f"a plain {{name}} takes a string or a whole number; got {value!r} "
                        "(write {name!r} or {name:.2f} for other numbers)")


class _Repr:
    """A value after ``!r``: strings quoted, numbers written as Python writes a float."""

    def __init__(self, value) -> None:
        if isinstance(value, str):
            if "'" in value or "\\" in value:
                raise ValueError(f"!r takes a string without quotes or backslashes; got {value!r}")
            self.text = f"'{value}'"
        elif isinstance(value, numbers.Real) and not isinstance(value, bool):
            self.text = repr(float(value))
        else:
            raise TypeError(f"!r takes a string or a number; got {value!r}")


def fill(template: str, **values) -> str:
    """``template`` with ``values`` written in by the rules above (chapters 1, 3, 5, 6, 7).

    >>> fill("{name!r} at {rate!r}: {weights:.2f}", name="tanh", rate=1, weights=[0.5, -1])
    "'tanh' at 1.0: 0.50, -1.00"
    """
    return _Filler().vformat(template, (), values)
