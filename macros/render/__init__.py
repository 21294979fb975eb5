"""Pages from the model: Jinja templates (``templates/``, one per content type and page kind), safe Markdown from
data text, the glossary abbreviations and the menu. Knows no engine: pages are Markdown strings with a source path."""
