"""The handbook's one clock: the date every rule about "today" uses.

Three rules read it, each through ``today()`` and nowhere else:

- a date in the data may not lie in the future (``ditinjau``, ``riwayat``, an edition's ``tanggal``;
  ``macros.model.schema.Date`` with ``past=True``), and the message names today;
- ``tksk new`` dates a new record's first change ("Terbit pertama.") and its header today;
- ``make publish`` refuses an edition whose year has not come, and suggests the next number by today.

Nothing else of the build depends on the day it runs: pages, the feed and sitemap dates come from the
data's own dates, so the same data builds the same site on any day.

Tests and benches pin the clock by setting ``TKSK_TODAY`` (an ISO date) in the environment, which the
commands they start inherit; unset, it is the machine's date.
"""

from __future__ import annotations

import datetime as dt
import os

#: The environment variable that pins today's date (tests and benches only).
ENV = "TKSK_TODAY"


class ClockError(ValueError):
    """``TKSK_TODAY`` holds something that is not a date."""


def today() -> dt.date:
    """Return today's date: ``TKSK_TODAY`` when it is set, else the machine's."""
    pinned = os.environ.get(ENV, "").strip()
    if not pinned:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ClockError(f'{ENV} harus berupa tanggal ISO (YYYY-MM-DD); tertulis "{pinned}". '
                         "Kosongkan agar memakai tanggal hari ini.") from None
