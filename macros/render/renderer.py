"""Turn the handbook model into Markdown pages with Jinja2 templates (no MkDocs needed)."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from macros.model.handbook import Handbook
from macros.model.listing import Topic, Trail, listed_whole, shown_on_index, topics_of, trails
from macros.model.record import Record
from macros.model.schema import PartialDate, field_rows
from macros.model.scope import explanation_scope, item_scope, record_scope
from macros.model.status import STATES, status_view
from macros.render.composer import composer_data
from macros.render.safe_text import attr_text, lower_first, one_line, plain, quote_block, safe_markdown
from macros.types import ALL, BY_NAME, LABELS
from macros.types.regulasi import NOT_IN_FORCE

TEMPLATES = Path(__file__).parent / "templates"
#: Hosts of a site built on this machine (`make serve`'s default site_url): no address a reader on paper can open.
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")


def printed_address(site_url: str | None) -> str:
    """Return what kits on paper put before a page's path: the published address (``SITE_URL``, with mike's
    ``latest/``) ending in ``/``, or ``/`` when the site has none that a reader could open (``make serve``'s
    127.0.0.1, a test build), so that the page's path prints as it did: ``/regulasi/permensos-28-2018/``."""
    if not site_url or (urlsplit(site_url).hostname or "") in LOCAL_HOSTS:
        return "/"
    return site_url.rstrip("/") + "/"

@dataclass(frozen=True)
class Page:
    """One generated page: where it lives in the docs tree and its Markdown."""

    src_uri: str
    markdown: str


class Renderer:
    """Renders record pages and section blocks from one handbook."""

    def __init__(self, handbook: Handbook, site_url: str | None = None):
        self.handbook = handbook
        #: the start of every address printed on paper (``printed_address``); the glue sets it once the engine's
        #: configuration is final (mike adds ``latest/`` to site_url after this renderer exists)
        self.address = printed_address(site_url)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # the output is Markdown; text is made safe by the `md` filters instead
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        # Links an editor writes to another record, by its id, point at that record's page from the page rendered.
        self.env.filters.update(md=jinja2.pass_context(lambda ctx, text: safe_markdown(text, _url_of(ctx, handbook))),
                                cell=jinja2.pass_context(lambda ctx, text: one_line(text, _url_of(ctx, handbook))))
        self.env.filters.update(plain=plain, attr=attr_text, tanggal=_tanggal, label=_label,
                                quote=quote_block, capitalize_first=lambda text: text[:1].upper() + text[1:],
                                lower_first=lower_first)
        self.env.globals.update(hb=handbook, not_in_force=NOT_IN_FORCE, hb_labels=lambda key: LABELS[key].items(),
                                field_rows=field_rows, status=status_view, states=STATES)
        # Whose voice a record, a step or a question's explanation is (macros.model.scope; templates/_cakupan.md.j2).
        self.env.globals.update(scope=lambda record: record_scope(record, handbook),
                                item_scope=lambda item: item_scope(item, handbook),
                                explanation_scope=lambda question: explanation_scope(question, handbook))
        self.env.tests["in_state"] = lambda record, state: status_view(record)["state"] == state
        # "Susun sesi sendiri" (bagian/rencana/susun.md.j2): its JSON data, with the addresses of the page's `link`.
        self.env.globals["composer_data"] = lambda link: composer_data(handbook, link.address, link.url_dir)
        self._topics = {t.name: topics_of(t, handbook) for t in ALL}
        self._trails = trails(handbook, ALL)
        # Index pages list groups, not every record (macros.model.listing): ``topics("faq")``, ``on_index(topic)``.
        self.env.globals.update(topics=self._topics.__getitem__, on_index=lambda topic: shown_on_index(topic, handbook),
                                listed_whole=lambda name: listed_whole(BY_NAME[name], handbook))
        for ctype in ALL:
            if ctype.template_helpers:
                helpers = ctype.template_helpers(handbook)
                taken = sorted(set(helpers) & set(self.env.globals))
                if taken:  # one global namespace: a second helper of the same name would silently win
                    raise ValueError(f"{ctype.name}: template helpers {taken} are already defined; give them their own names")
                self.env.globals.update(helpers)

    def _links(self, here: str) -> _Links:
        return _Links(self.handbook, here, self.address)

    # -- record pages ------------------------------------------------------------------------

    def record_pages(self) -> list[Page]:
        """Return one page per record, at ``<type>/<id>.md``, and the pages of the sections types bring."""
        pages = [Page(r.type.src_uri(r.id), self.record_page(r)) for t in ALL if t.pages
                 for r in self.handbook.of_type(t.name)]
        for ctype in ALL:
            if ctype.own_section:
                for name in ("index", *ctype.own_section.pages):
                    pages.append(Page(f"{ctype.url_folder}/{name}.md", self.section_page(ctype, name)))
            for topic in self._topics[ctype.name]:
                pages += [Page(topic.src_uri(n), self.topic_page(topic, n)) for n in range(1, topic.pages + 1)]
        return pages

    def record_page(self, record: Record) -> str:
        here = record.type.src_uri(record.id)
        template = self.env.get_template(record.type.template_name)
        markdown = template.render(r=record, d=record.data, link=self._links(here),
                                   **self._context(record))
        trail = self._trails.get(record.id)
        return _after_front_matter(markdown, self._trail_line(trail, here)) if trail else markdown

    def topic_page(self, topic: Topic, number: int) -> str:
        """Render page ``number`` of a group of records (an FAQ topic, a glossary letter), with its pager."""
        here = topic.src_uri(number)
        home = next(t for t in ALL if t.own_section and t.url_folder == topic.ctype.section_folder)
        return self.env.get_template("_topik.md.j2").render(
            topic=topic, number=number, ctype=topic.ctype, section=home.own_section,
            section_uri=f"{home.url_folder}/index.md", entries=f"daftar/{topic.ctype.name}.md.j2",
            link=self._links(here))

    def _trail_line(self, trail: Trail, here: str) -> str:
        return self.env.get_template("_jejak.md.j2").render(trail=trail, link=self._links(here))

    def section_page(self, ctype, name: str) -> str:
        """Render a page of a type's own section (its index, its progress page) from ``templates/bagian/<type>/<name>.md.j2``."""
        here = f"{ctype.url_folder}/{name}.md"
        template = self.env.get_template(f"bagian/{ctype.name}/{name}.md.j2")
        return template.render(section=ctype.own_section, ctype=ctype, link=self._links(here))

    def _context(self, record: Record) -> dict:
        """Facts every record page shows that are computed, never written: status of its legal basis."""
        hb = self.handbook
        dasar = [hb.get(i) for i in record.data.get("dasar") or []]
        outdated = [d for d in dasar if d.data.status in NOT_IN_FORCE]
        linked = [hb.get(i) for i in record.data.get("terkait") or []] + hb.referrers(record.id, via="terkait")
        see_also = list({r.id: r for r in linked if r.id != record.id}.values())
        faqs = hb.referrers(record.id, via="rujukan", of_type="faq")
        return {"dasar": dasar, "outdated": outdated, "see_also": see_also, "faqs": faqs}

    # -- blocks for hand-written pages (section indexes, Beranda) ---------------------------

    def link_from(self, page_uri: str, record_id: str, text: str | None = None) -> str:
        """Return a Markdown link from the page at ``page_uri`` to a record (for prose pages)."""
        if record_id not in self.handbook.records:
            raise KeyError(f"{page_uri}: tautan ke id \"{record_id}\" yang tidak ada di data/")
        return self._links(page_uri)(record_id, text)

    def block(self, name: str, page_uri: str, **options) -> str:
        """Render ``templates/blocks/<name>.md.j2`` for the page at ``page_uri``."""
        template = self.env.get_template(f"blocks/{name}.md.j2")
        return template.render(link=self._links(page_uri), types=BY_NAME, **options)


class _Links:
    """``link(id_or_record, text=None)`` gives a Markdown link relative to the page being rendered.

    Links point at the Markdown source (``../sop/x.md``) so MkDocs checks each one in strict mode.
    """

    def __init__(self, handbook: Handbook, here: str, address: str = "/"):
        self.handbook, self.folder, self.address = handbook, posixpath.dirname(here) or ".", address
        stem = here.removesuffix(".md")
        self.url_dir = self.folder if posixpath.basename(stem) == "index" else stem

    def url(self, target: Record | str) -> str:
        record = target if isinstance(target, Record) else self.handbook.get(target)
        return posixpath.relpath(record.type.src_uri(record.id), self.folder)

    def page(self, src_uri: str) -> str:
        return posixpath.relpath(src_uri, self.folder)

    def href(self, target: Record | str) -> str:
        """Return the URL of a record's built page relative to this page's URL, for links in raw HTML.

        Pages are served as folders (``sop/x/``), so a page ``kurikulum/a.md`` sits at ``kurikulum/a/``.
        """
        record = target if isinstance(target, Record) else self.handbook.get(target)
        return posixpath.relpath(record.type.url(record.id), self.url_dir) + "/"

    def printable(self, target: Record | str, text: str | None = None) -> str:
        """Return a link that also prints its address (for kits on paper): ``data-alamat`` holds the page's full
        address when the site has a published one (``printed_address``), else its path."""
        record = target if isinstance(target, Record) else self.handbook.get(target)
        return f'{self(record, text)}{{ data-alamat="{self.printed(record)}" }}'

    def printed(self, target: Record | str) -> str:
        """Return the address of a record's page as paper prints it: ``https://…/latest/sop/x/`` or ``/sop/x/``."""
        record = target if isinstance(target, Record) else self.handbook.get(target)
        return self.address + record.url

    def __call__(self, target: Record | str, text: str | None = None) -> str:
        record = target if isinstance(target, Record) else self.handbook.get(target)
        return f"[{one_line(text if text is not None else record.title)}]({self.url(record)})"


def _url_of(context, handbook: Handbook):
    """Return, for the page a template renders, the function giving a record id's link (None for an unknown id)."""
    links = context.get("link")
    if not isinstance(links, _Links):
        return None
    return lambda record_id: links.url(record_id) if record_id in handbook.records else None


def _after_front_matter(markdown: str, text: str) -> str:
    """Insert ``text`` right after a page's front matter (``---`` ... ``---``), before its title."""
    if not markdown.startswith("---\n"):
        return text + markdown
    end = markdown.index("\n---\n", 3) + len("\n---\n")
    return markdown[:end] + "\n" + text + markdown[end:]


def _tanggal(value) -> str:
    return value.indonesian() if isinstance(value, PartialDate) else str(value)


def _label(value: str, key: str) -> str:
    return LABELS[key][value]
