"""Fixtures shared by the test modules."""

from __future__ import annotations

import pytest

from tests.helpers import write_tree


@pytest.fixture
def tree(tmp_path):
    """Return a function that writes the base data tree with some files changed, and returns its root."""

    def make(changes=None):
        return write_tree(tmp_path, changes)

    return make
