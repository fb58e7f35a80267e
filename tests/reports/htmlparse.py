"""Read a written HTML page back with the standard library's parser: its elements, attributes and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict
    text: str = ""
    children: list = field(default_factory=list)

    def all(self, tag: str) -> list["Element"]:
        """Every element ``tag`` inside this one, in document order."""
        found = []
        for child in self.children:
            if child.tag == tag:
                found.append(child)
            found += child.all(tag)
        return found

    def plain(self) -> str:
        """The element's text with its children's, spaces collapsed."""
        return " ".join(self.text.split())


VOID = {"meta", "br", "img", "hr", "input", "link"}


class _Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("document", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)
        elif tag == "br":
            self.handle_data(" ")

    def handle_endtag(self, tag):
        while len(self.open) > 1:
            if self.open.pop().tag == tag:
                break

    def handle_data(self, data):
        for element in self.open:
            element.text += data


def parse(page: str) -> Element:
    tree = _Tree()
    tree.feed(page)
    tree.close()
    return tree.root
