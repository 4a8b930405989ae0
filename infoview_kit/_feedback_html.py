"""Where the message and question checkers take their feedback block from.

The look itself (colours, icons, the block) is defined once in :mod:`infoview_kit.render`;
this module only hands :func:`~infoview_kit.render.block` on to the two checkers.
"""

from __future__ import annotations

from .render import block

__all__ = ["block"]
