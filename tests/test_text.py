"""`inline` turns any cable text into Markdown that renders as exactly that text."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.render.text import CONTROL, inline

EXTENSIONS = ["tables", "attr_list", "admonition", "abbr", "md_in_html", "toc"]
MARKUP = st.sampled_from([*"<>&\"'`*_{}[]()#+-.!|\\:=~^$%@ \n\t", "&amp;", "&#x27;", "<script>", "](", "{:", "*[",
                          "\x02"])


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(text: str) -> Elements:
    elements = Elements()
    elements.feed(markdown.markdown(inline(text), extensions=EXTENSIONS))
    return elements


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKUP, st.text(min_size=1, max_size=5)), max_size=30).map("".join))
def test_any_text_renders_as_itself(text: str) -> None:
    elements = rendered(text)
    assert set(elements.tags) <= {"p"}, elements.tags
    visible = " ".join(CONTROL.sub("", text).split())
    assert "".join(elements.text).strip() == visible


def test_hostile_examples() -> None:
    for text in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "# heading", "1. list", "- item",
                 "*[GOK]: abbreviation", "text {: onclick=alert(1) }", "| a | b |", "!!! warning", "`code`",
                 "<img src=x onerror=alert(1)>", "&lt;b&gt;", "\\x02wzxhzdk:0\\x03"):
        elements = rendered(text)
        assert set(elements.tags) <= {"p"}, (text, elements.tags)
        assert "".join(elements.text) == CONTROL.sub("", text)
