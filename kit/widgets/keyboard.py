"""Let arrow keys reach the widgets: keep JupyterLab's notebook shortcuts out of a question.

In JupyterLab a focused radio button or drop-down is not an "editable" element,
so the notebook's command-mode shortcuts take the arrow keys (they move between
cells) and a keyboard user cannot choose an option. Lumino skips shortcuts for
an element marked ``data-lm-suppress-shortcuts`` (the focused element itself
is tested first, so each control needs the mark); ipywidgets cannot set
attributes, so this invisible anywidget marks every control of its enclosing
question box when it is displayed, and any control added later. Tab, Shift+Tab, Space, Enter and the arrows then work
as in any web form.
"""

from __future__ import annotations

import anywidget

_MARK = """
function render({ el }) {
  el.setAttribute("aria-hidden", "true");
  const controls = "input, select, textarea, button";
  const mark = () => {
    const box = el.closest(".medialit-question, .medialit-keyboard-zone");
    if (!box) return false;
    box.querySelectorAll(controls).forEach((c) => c.setAttribute("data-lm-suppress-shortcuts", "true"));
    return box;
  };
  const start = () => {
    const box = mark();
    if (!box) return requestAnimationFrame(start);
    new MutationObserver(mark).observe(box, { childList: true, subtree: true });
  };
  start();
}
export default { render };
"""


class ShortcutGuard(anywidget.AnyWidget):
    """An invisible child that marks its parent question so arrow keys stay in the widget."""

    _esm = _MARK
    _css = ""
