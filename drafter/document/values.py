"""How a plan's text value enters the XML of a Word template.

docxtpl rewrites `{_{`, `}_}`, `{_%` and `%_}` to `{{`, `}}`, `{%`, `%}` in the XML it has
just rendered (its escape syntax for template authors), so a value containing them would come
out changed. Braces of a value are therefore written as XML character references, which the
rewrite does not see and every XML reader turns back into the same braces."""

from __future__ import annotations

import unicodedata

from markupsafe import Markup, escape

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})


def protect_braces(xml: str) -> str:
    """Braces of escaped XML text as character references (see the module docstring)."""
    return xml.translate(_BRACES)


def docx_value(value: str) -> Markup:
    """Escaped XML text of `value`: NFC, a line break starts a new paragraph (docxtpl's "\\a")."""
    text = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n")
    return Markup(protect_braces(str(escape(text.replace("\n", "\a")))))


def preserve_spaces(document) -> None:
    """Mark text with spaces or tabs at either end `xml:space="preserve"`, so that Word keeps
    them as written (the template's runs do not carry the mark)."""
    from docx.oxml.ns import qn

    attribute = "{http://www.w3.org/XML/1998/namespace}space"
    for part in (document.part, *(rel.target_part for rel in document.part.rels.values()
                                  if not rel.is_external and rel.reltype.endswith(("/header", "/footer")))):
        for t in part.element.iter(qn("w:t")):
            text = t.text or ""
            if text and (text[0].isspace() or text[-1].isspace()):
                t.set(attribute, "preserve")
