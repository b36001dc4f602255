"""Schemathesis hooks for tests/contract/schemathesis.sh (loaded through SCHEMATHESIS_HOOKS).

Every `If-Match` parameter of the contract is a string of `format: entity-tag` whose pattern
takes `*` or one quoted version (`"7"`, `W/"7"`, RFC 9110 section 8.8.3). Schemathesis 4.32.5's
coverage phase draws no valid value for a header whose pattern needs a character outside
[A-Za-z0-9] (the quotes) unless the header's `format` is one registered here, and it then sends
one of its invalid values (`0`, `aaaa…`) in the case it labels "Default positive test case":
a request it reports as valid and refused (ST202) for every operation that takes If-Match.
Registering the contract's own format, drawn from the contract's own pattern, gives it valid
entity-tags to send; nothing else about generation changes.
"""

import json
import pathlib

import schemathesis
from hypothesis import strategies as st

CONTRACT = pathlib.Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"
FORMAT = "entity-tag"


def _patterns(node):
    """The patterns of every schema in the document whose format is FORMAT."""
    if isinstance(node, dict):
        if node.get("format") == FORMAT and isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


_found = set(_patterns(json.loads(CONTRACT.read_text(encoding="utf-8"))))
if len(_found) != 1:
    raise SystemExit(f"{CONTRACT}: expected one pattern for format {FORMAT}, found {sorted(_found)}")
schemathesis.openapi.format(FORMAT, st.from_regex(_found.pop(), fullmatch=True))
