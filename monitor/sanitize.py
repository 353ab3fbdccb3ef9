"""Text the monitor writes never carries control characters: a page title with an ESC byte must not colour the
terminal of whoever ``cat``s a digest. One rule, used by the parser, the templates, the terminal and CSV."""

from __future__ import annotations

import re

from markupsafe import Markup

# C0 controls except tab, newline and carriage return; DEL; C1 controls (ESC-free terminal sequences start there)
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without control characters (Markup stays Markup)."""
    if not text or not CONTROL_RE.search(text):
        return text
    cleaned = CONTROL_RE.sub("", text)
    return Markup(cleaned) if isinstance(text, Markup) else cleaned


def finalize(value):
    """jinja2's ``finalize``: every string a template prints goes through :func:`strip_controls`."""
    return strip_controls(value) if isinstance(value, str) else value
