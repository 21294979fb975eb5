"""The handbook model: field kinds and their checks (``schema``), records, the handbook, content-type declarations,
statuses, the change log and how records are grouped for reading.

Imports only ``macros.common``: the model knows no file, no page and no engine."""
