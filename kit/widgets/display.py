"""How kit objects show themselves: the ipywidgets view, with a plain-text equivalent.

Every object students see (a question, the progress bar, the name box, the
lesson header) displays as its widget and carries its text form as
``text/plain``. Screen-reader users and nbval read the text; the text of a
fresh lesson is the same on every run, so notebooks stay checkable.
"""

from __future__ import annotations


class TextEquivalent:
    """Mixin: display the widget from :meth:`view`, with :meth:`text` as its plain-text form."""

    def text(self) -> str:
        raise TypeError(f"{type(self).__name__} must define text()")

    def view(self):
        """The ipywidgets widget to show (default: ``self.box``)."""
        box = getattr(self, "box", None)
        if box is None:
            raise TypeError(f"{type(self).__name__} has no box to show: define view()")
        return box

    def __repr__(self) -> str:
        return self.text()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view()._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = self.text()
        return bundle
