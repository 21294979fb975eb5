"""The post-build pipeline: what is written into a built site after the engine wrote its pages, in this order.

0. ``print_page``: the print page's footnote marks get the ids its plugin missed (see that module);
   ``minify``: Material's CSS trimmed to what the pages use, our CSS and JS minified, HTML indentation removed
   (before the CSP, which hashes the inline code of each final page);
   ``stylesheets``: the sheets every page links joined into one file, and the pages relinked to it;
1. ``csp``: each page gets its Content-Security-Policy, hashing its own inline code, so the page is final;
2. ``search``: Pagefind indexes the final pages and the glossary's synonyms are written beside the index;
3. ``offline``: the "Simpan" button's place is written under the H1 of the pages that get one, then the service
   worker lists every file with its content hash, the search index included: last,
   because any later change to a file would make its listed revision wrong.

The print page (print_page/, mkdocs-print-site-plugin) is written before this runs (the plugin's hook runs
after print-site's), so it gets its policy too; the search index and the offline copy leave it out.
"""

from __future__ import annotations

from pathlib import Path

from macros.model.handbook import Handbook
from macros.outputs.csp import secure_site
from macros.outputs.minify import minify_site
from macros.outputs.offline import learning_stages, write_service_worker
from macros.outputs.print_page import repair_print_page
from macros.outputs.search import SearchPage, search_aid, synonym_groups, write_search_index
from macros.outputs.stylesheets import join_stylesheets


def finish_site(site_dir: Path, handbook: Handbook, search_pages: list[SearchPage]) -> None:
    """Run the post-build steps on the site in ``site_dir``; raise ``SearchIndexError`` when the index fails."""
    repair_print_page(site_dir)
    minify_site(site_dir)
    join_stylesheets(site_dir)
    secure_site(site_dir)
    write_search_index(site_dir, search_pages, synonym_groups(handbook), search_aid(handbook))
    write_service_worker(site_dir, learning_stages(handbook))
