"""The result of every plot: the figure, its alt text and the data it shows.

A :class:`Plot` displays itself in a notebook as a PNG image with an ``alt``
attribute; its plain-text form *is* the alt text, so a screen reader, a
terminal and nbval (which compares ``text/plain``) all get the same
deterministic description of the data.
"""

from __future__ import annotations

import base64
import html
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Plot:
    """``figure`` (matplotlib), ``alt`` (what the plot shows, in words), ``data`` (the DataFrame plotted)."""

    figure: Any
    alt: str
    data: Any
    title: str = ""
    _png: bytes | None = field(default=None, repr=False)

    def png(self) -> bytes:
        """The figure as PNG bytes (rendered once)."""
        if self._png is None:
            buffer = io.BytesIO()
            self.figure.savefig(buffer, format="png", metadata={"Software": None})
            self._png = buffer.getvalue()
        return self._png

    def save(self, path: Path | str) -> Path:
        """Write the figure to ``path`` (the format follows the suffix: .png, .svg, .pdf)."""
        path = Path(path)
        if path.suffix.lower() == ".png":
            path.write_bytes(self.png())
        else:
            self.figure.savefig(path)
        return path

    def html(self) -> str:
        encoded = base64.b64encode(self.png()).decode("ascii")
        return (
            f'<figure class="medialit-plot"><img src="data:image/png;base64,{encoded}" '
            f'alt="{html.escape(self.alt, quote=True)}" style="max-width:100%">'
            f"<figcaption>{html.escape(self.title)}</figcaption></figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {
            "text/html": self.html(),
            "image/png": base64.b64encode(self.png()).decode("ascii"),
            "text/plain": self.alt,
        }

    def __repr__(self) -> str:
        return self.alt
