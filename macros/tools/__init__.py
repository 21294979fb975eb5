"""The commands editors and trainers run (``tksk``): validate, build, new, schemas, pdf, publish, preview; and what
they share (a strict build into a temporary folder, a static server as a host serves the site)."""
