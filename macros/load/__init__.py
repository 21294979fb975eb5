"""Reading data/: YAML files into checked records (file, line and field kept for every value), linked into one
``Handbook`` and judged by ``macros.checks``; ``macros.load.handbook.load_handbook`` is the one way in."""
