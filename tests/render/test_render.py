"""Pages computed from the data: neighbours, status warnings, safe text, nav and tooltips."""

from __future__ import annotations

import re

import pytest

from macros.load.handbook import load_handbook
from macros.model.changes import all_changes
from macros.render.abbreviations import abbreviations_markdown
from macros.render.navigation import extend_nav
from macros.render.renderer import Renderer
from macros.render.safe_text import attr_text, lower_first, one_line, plain, safe_markdown
from macros.types import BY_NAME
from tests.support.data import BASE


@pytest.fixture
def render(tree):
    """Return a function rendering the page of one record of the base tree (with changes)."""

    def page(record_id, changes=None):
        handbook = load_handbook(tree(changes))
        return Renderer(handbook).record_page(handbook.get(record_id))

    return page


def test_page_built_on_an_outdated_rule_says_so(render):
    """Check that a duty based on a rule no longer in force warns and links to the rule in force."""
    page = render("tugas-uji")
    assert '!!! warning "Disusun berdasarkan aturan yang tidak berlaku lagi"' in page
    assert "[Permensos 03/2013](../regulasi/aturan-lama.md)" in page
    assert ("Yang berlaku sekarang [Permensos Nomor 28 Tahun 2018 tentang Aturan Baru](../regulasi/aturan-baru.md) "
            "(ditetapkan 30 November 2018).") in page


def test_an_unconfirmed_successor_is_never_called_in_force(render):
    """Check that a replaced rule whose successor's status no source states does not call the successor in force."""
    unsure = BASE["data/regulasi/aturan-baru.yml"].replace("status: berlaku", "status: belum-dipastikan").replace(
        "status_sumber: [berita-uji]\n", "catatan_status: Sumber tidak menyatakan statusnya.\n")
    page = render("tugas-uji", {"data/regulasi/aturan-baru.yml": unsure})
    assert "berlaku sekarang" not in page
    assert ("Penggantinya [Permensos Nomor 28 Tahun 2018 tentang Aturan Baru](../regulasi/aturan-baru.md) "
            "(status belum dipastikan).") in page
    regulation = render("aturan-baru", {"data/regulasi/aturan-baru.yml": unsure})
    assert '!!! warning "Status belum dipastikan"\n\n    Sumber tidak menyatakan statusnya.' in regulation
    assert "- **Status:** **:material-help-circle-outline: Status belum dipastikan**\n" in regulation


def test_status_names_its_source_and_date(render):
    """Check that a status reads with its icon, its "per" date and the source that states it."""
    assert ("**Status:** **:material-check-circle: Berjalan per Mei 2021** · menurut [Media Uji](../sumber/berita-uji.md)"
            in render("program-uji"))
    assert ("- **Status:** **:material-check-circle: Berlaku** · menurut [Media Uji](../sumber/berita-uji.md)"
            in render("aturan-baru"))
    assert "- [Permensos Nomor 28 Tahun 2018 tentang Aturan Baru](../regulasi/aturan-baru.md) — :material-check-circle: Berlaku" in (
        render("sop-uji"))


def test_regulation_index_keeps_the_three_states_apart(tree):
    """Check that the regulation index lists confirmed, unconfirmed and replaced rules under their own headings."""
    unsure = BASE["data/regulasi/aturan-baru.yml"].replace("status: berlaku", "status: belum-dipastikan").replace(
        "status_sumber: [berita-uji]\n", "catatan_status: Sumber tidak menyatakan statusnya.\n")
    confirmed = Renderer(load_handbook(tree())).section_page(BY_NAME["regulasi"], "index")
    assert "## Berlaku" in confirmed and "## Status belum dipastikan" not in confirmed
    block = Renderer(load_handbook(tree({"data/regulasi/aturan-baru.yml": unsure}))).section_page(BY_NAME["regulasi"], "index")
    assert "## Berlaku" not in block
    unsure_part = block.split("## Status belum dipastikan")[1].split("## Tidak berlaku lagi")[0]
    assert "[Permensos 28/2018](aturan-baru.md)" in unsure_part
    assert ":material-help-circle-outline: Status belum dipastikan: Sumber tidak menyatakan statusnya." in unsure_part
    replaced = block.split("## Tidak berlaku lagi")[1]
    assert "[Permensos 03/2013](aturan-lama.md)" in replaced
    assert "penggantinya [Permensos 28/2018](aturan-baru.md) (status belum dipastikan)" in replaced
    assert "berlaku sekarang" not in replaced
    beranda = Renderer(load_handbook(tree({"data/regulasi/aturan-baru.yml": unsure}))).block("aturan", "index.md")
    assert "berlaku sekarang" not in beranda and "penggantinya [Permensos 28/2018]" in beranda


def test_glossary_long_form_names_its_source_or_says_it_is_not_loaded(render, tree):
    """Check that a long form is shown with its source, and an acronym without one says none is loaded."""
    assert ("**TKSK** adalah singkatan dari **Tenaga Kesejahteraan Sosial Kecamatan** "
            "(menurut [Media Uji](../sumber/berita-uji.md)).") in render("tksk")
    bare = BASE["data/glosarium.yml"].replace(
        "  kepanjangan: standar operasional prosedur\n  kepanjangan_sumber: [berita-uji]\n", "")
    page = render("sop", {"data/glosarium.yml": bare})
    assert "**SOP** adalah singkatan. Kepanjangannya belum dimuat di buku saku ini" in page
    assert "*[SOP]: Langkah kerja baku." in abbreviations_markdown(load_handbook(tree({"data/glosarium.yml": bare})))


def test_faq_names_a_rakor_only_when_it_has_one(render):
    """Check that an FAQ says where its theme was discussed only when the data links a rakor."""
    assert "**Tema ini dibahas di:** [Rakor uji](../rakor/rakor-uji.md)" in render("tanya-uji")
    alone = BASE["data/faq/peran-tksk.yml"].replace("  rakor: rakor-uji\n", "")
    assert "dibahas di" not in render("tanya-uji", {"data/faq/peran-tksk.yml": alone})


def test_sop_step_names_its_source(render):
    """Check that each SOP step ends with a small mark for the source that describes it, and that each source is
    named once under the steps, by its publisher and year."""
    page = render("sop-uji")
    assert page.count("[^berita-uji]") == 3  # two steps, one definition
    assert "\n[^berita-uji]: [Media Uji](../sumber/berita-uji.md), 2021\n" in page
    assert "Sumber langkah ini" not in page


def test_what_the_sources_leave_out_is_shown_once(render):
    """Check that an SOP's belum_disebut list is one box on the page, after the steps."""
    gaps = "belum_disebut: [Formulirnya., Jadwalnya.]\n"
    sop = BASE["data/sop/sop-uji.yml"].replace("dasar: [aturan-baru]\n", gaps + "dasar: [aturan-baru]\n")
    page = render("sop-uji", {"data/sop/sop-uji.yml": sop})
    assert page.count('!!! info "Yang tidak disebut sumber"') == 1
    assert '!!! info "Yang tidak disebut sumber"\n\n    - Formulirnya.\n    - Jadwalnya.\n' in page
    assert page.index("## Langkah") < page.index("Yang tidak disebut sumber")


def test_a_source_without_a_publisher_is_named_by_its_title(render):
    """Check that a source whose text names no publisher is cited by its title, with its year, never by a sentence."""
    sources = BASE["data/sumber.yml"].replace("  penerbit: Media Uji\n", "", 1)
    page = render("sop-uji", {"data/sumber.yml": sources})
    assert "\n[^berita-uji]: [Berita uji](../sumber/berita-uji.md), 2021\n" in page
    assert "- [Berita uji](../sumber/berita-uji.md), 20 Mei 2021" in page


def test_quote_is_shown_as_an_attributed_quote(render):
    """Check that a marked quotation renders as a quote box naming who said it, with its source."""
    rakor = BASE["data/rakor/rakor-uji.yml"] + (
        "kutipan:\n  - teks: |-\n      Tugasnya yakni\n      1. satu;\n      2. dua.\n"
        "    oleh: Kepala Dinas \"Uji\" (2021)\n    sumber: berita-uji\n")
    page = render("rakor-uji", {"data/rakor/rakor-uji.yml": rakor})
    assert "## Kutipan dari sumber" in page
    assert ('!!! quote "Kepala Dinas \'Uji\' (2021)"\n\n    > Tugasnya yakni\n    >\n    > 1. satu;\n    > 2. dua.\n\n'
            "    Sumber: [Berita uji](../sumber/berita-uji.md)") in page


def test_page_on_a_rule_in_force_has_no_warning(render):
    """Check that an SOP based on the rule in force shows no outdated-rule warning."""
    assert "tidak berlaku lagi" not in render("sop-uji").split("## Dasar hukum")[0]


def test_sop_lists_steps_prohibitions_and_the_faqs_that_point_to_it(render):
    """Check that an SOP page numbers its steps, shows what must not be done and its FAQs."""
    page = render("sop-uji")
    assert "1. **Langkah satu**" in page and "2. **Langkah dua**" in page
    assert "*Hasil:* Hasil dua" in page
    assert '!!! failure "Yang tidak boleh dilakukan"' in page
    assert "## Tanya jawab terkait\n\n- [Apa tugas saya?](../faq/tanya-uji.md)" in page


def test_regulation_lists_what_it_replaces_and_who_cites_it(render):
    """Check that a regulation shows the rule it replaced and the records based on it, computed from data."""
    page = render("aturan-baru")
    assert "- **Menggantikan:** [Permensos 03/2013](aturan-lama.md) (tidak berlaku lagi)" in page
    assert "- [SOP uji](../sop/sop-uji.md) <small>(SOP)</small>" in page
    old = render("aturan-lama")
    assert '!!! danger "Tidak berlaku lagi"' in old


def test_rakor_and_program_list_their_neighbours(render):
    """Check that a rakor lists the FAQs raised there and a program lists its SOPs."""
    assert "## Tanya jawab terkait rakor ini\n\n- [Apa tugas saya?](../faq/tanya-uji.md)" in render("rakor-uji")
    assert "- **SOP:**" not in render("program-uji")  # index block only
    assert "## SOP program ini\n\n- [SOP uji](../sop/sop-uji.md)" in render("program-uji")


def test_source_page_lists_every_record_citing_it(render):
    """Check that a source page lists what uses it, so an editor sees what a correction touches."""
    page = render("berita-uji")
    for record in ("aturan-baru", "sop-uji", "tugas-uji", "rakor-uji", "tanya-uji"):
        assert f"/{record}.md)" in page


def test_html_in_data_is_escaped_not_live(render):
    """Check that angle brackets in a data field (HTML tags themselves are refused by validation) reach the page as
    text, while Markdown formatting stays."""
    sop = BASE["data/sop/sop-uji.yml"].replace("ringkasan: Langkah uji.", "ringkasan: 'Langkah a < b > c *uji*'")
    page = render("sop-uji", {"data/sop/sop-uji.yml": sop})
    assert "< b >" not in page and "Langkah a &lt; b &gt; c *uji*" in page


def test_a_link_to_a_record_id_points_at_its_page(render):
    """Check that an editor's link to another record, written by its id, leads to that record's page from this one."""
    sop = BASE["data/sop/sop-uji.yml"].replace("ringkasan: Langkah uji.", "ringkasan: Lihat [tugasnya](tugas-uji) dulu.")
    page = render("sop-uji", {"data/sop/sop-uji.yml": sop})
    assert "Lihat [tugasnya](../tugas/tugas-uji.md) dulu." in page


@pytest.mark.parametrize(("text", "expected"), [
    ("<b>tebal</b>", "&lt;b&gt;tebal&lt;/b&gt;"),
    ("Baca [panduan](javascript:alert(1)) dulu.", "Baca panduan dulu."),  # no dead link, no stray bracket
    ("[a](JavaScript:x)", "a"),
    ("[a](java&#115;cript:x)", "a"),
    ("[a](data:text/html,x)", "a"),
    ("[a]( javascript:x )", "a"),
    ("[a](<javascript:x>)", "a"),
    ("[a](https://kemensos.go.id/x_(y))", "[a](https://kemensos.go.id/x_(y))"),
    ("[a](mailto:dinsos@contoh.go.id) [b](tel:+62211234)", "[a](mailto:dinsos@contoh.go.id) [b](tel:+62211234)"),
    ("[a](../sop/x.md)", "a"),  # a path is no record id: shown as words
    ("[a](sop-uji)", "a"),  # a record id with no page to resolve it from: words only
    ("teks\n[r]: javascript:x\n", "teks\n\n"),
    ('--8<-- "rahasia.txt"', '--8&lt;-- "rahasia.txt"'),
    ("# Bukan judul", "\\# Bukan judul"),
    ("!!! danger", "\\!!! danger"),
    ("*[KPM]: palsu", "\\*[KPM]: palsu"),
])
def test_safe_markdown(text, expected):
    """Check that live markup and directives are defused while Markdown stays."""
    assert safe_markdown(text) == expected


def test_page_descriptions_keep_the_words_of_any_link():
    """Check that the description of a page (and its og:description) holds a link's words, whatever its target."""
    assert plain("Baca [panduan lengkap](javascript:alert(1)) dulu.") == "Baca panduan lengkap dulu."
    assert plain("Lihat [SOP](https://x.id/a_(b)) ini.") == "Lihat SOP ini."


def test_one_line_and_attr_text():
    """Check that table cells stay on one line and attributes cannot be broken out of."""
    assert one_line("a | b\n c") == "a \\| b c"
    assert attr_text('Judul "kutip" <x> & *tebal*', 20) == "Judul &quot;kutip&quot; &lt;x&gt;…"


def test_abbreviations_cover_terms_and_aliases(tree):
    """Check that every glossary term and alias becomes an abbreviation line, longest first."""
    glossary = BASE["data/glosarium.yml"].replace("  kepanjangan: standar operasional prosedur\n",
                                                  "  kepanjangan: standar operasional prosedur\n  alias: [SOPs]\n")
    text = abbreviations_markdown(load_handbook(tree({"data/glosarium.yml": glossary})))
    assert text.splitlines() == [
        "*[SOPs]: standar operasional prosedur",
        "*[TKSK]: Tenaga Kesejahteraan Sosial Kecamatan",
        "*[SOP]: standar operasional prosedur",
    ]


def test_nav_sections_get_their_topics_not_their_records(tree):
    """Check that each type's section follows Beranda in type order and lists its topics, never its records."""
    extended = extend_nav([{"Beranda": "index.md"}, {"Tentang": "tentang.md"}], load_handbook(tree()))
    titles = [next(iter(item)) for item in extended]
    assert titles == ["Beranda", "Tugas & Fungsi", "Program & SOP", "Regulasi", "Tanya Jawab", "Rakor", "Belajar",
                      "Untuk Pelatih", "Glosarium", "Sumber", "Edisi", "Tentang"]
    sections = {title: entries for item in extended for title, entries in item.items()}
    assert sections["Program & SOP"] == "program/index.md"  # no topics in the menu: a plain entry
    assert sections["Tanya Jawab"] == ["faq/index.md", {"Peran dan kedudukan TKSK": "faq/topik/peran-tksk/index.md"}]
    assert sections["Regulasi"][1:] == [{"Berlaku": "regulasi/status/berlaku/index.md"},
                                        {"Tidak berlaku lagi": "regulasi/status/tidak-berlaku/index.md"}]


def test_update_log_is_newest_first(tree):
    """Check that the update log gathers every dated change, newest first."""
    sop = BASE["data/sop/sop-uji.yml"] + "  - tanggal: 2026-11-20\n    perubahan: Langkah diperbarui.\n"
    changes = all_changes(load_handbook(tree({"data/sop/sop-uji.yml": sop})))
    assert (changes[0].record.id, changes[0].perubahan) == ("sop-uji", "Langkah diperbarui.")
    assert len(changes) == 8  # one first-published change per dated record


def test_real_pages_keep_one_block_per_line(real_handbook):
    """Check that no template joins two list items, headings or admonitions onto one line of a real page."""
    handbook = real_handbook
    joined = []
    for page in Renderer(handbook).record_pages():
        for number, line in enumerate(page.markdown.splitlines(), 1):
            numbered_inside = re.search(r"\d\. \*\*", line) and not re.match(r"\s*\d+\. \*\*", line)
            if numbered_inside or re.search(r"(?<=\S)(- \*\*[^*]+:\*\*|(?<!#)#{2,} |!!! )", line):
                joined.append(f"{page.src_uri}:{number}: {line}")
    assert not joined


#: The base tree with one Dinsos as the only source of the duty, and of the SOP's second step.
REGIONAL = {
    "data/tugas/tugas-uji.yml": BASE["data/tugas/tugas-uji.yml"].replace("sumber: [berita-uji]", "sumber: [berita-daerah-uji]"),
    "data/sop/sop-uji.yml": BASE["data/sop/sop-uji.yml"].replace(
        "  - judul: Langkah dua\n    hasil: Hasil dua\n    sumber: [berita-uji]\n",
        "  - judul: Langkah dua\n    hasil: Hasil dua\n    sumber: [berita-daerah-uji]\n").replace(
        "sumber: [berita-uji]\nditinjau", "sumber: [berita-uji, berita-daerah-uji]\nditinjau"),
}
LABEL = "Praktik Dinsos Kabupaten Uji, 2021"


def test_regional_record_says_whose_practice_it_is_under_its_title(render):
    """Check that a record resting only on one Dinsos is labelled in words at the top of its page, as search metadata too."""
    page = render("tugas-uji", REGIONAL)
    notice = page.index('!!! info "Praktik daerah"')
    assert page.index("# Tugas uji") < notice < page.index("Tugas TKSK untuk uji.\n\n## ")
    assert f'**{LABEL}**{{ data-pagefind-meta="cakupan" }}: isi ini hanya bersumber dari Dinsos Kabupaten Uji (2021)' in page
    assert "Praktik daerah" not in render("tugas-uji"), "a national record has no label"


def test_regional_step_of_a_national_sop_carries_its_label(render):
    """Check that only the step resting on one Dinsos is tagged, right under its title, and a wholly regional SOP
    is labelled once at the top rather than at every step."""
    page = render("sop-uji", REGIONAL)
    assert f"2. **Langkah dua**  \n    **{LABEL}**{{ .md-tag .cakupan }}  \n    *Hasil:* Hasil dua" in page
    assert page.count(LABEL) == 1 and "Praktik daerah" not in page
    regional = REGIONAL["data/sop/sop-uji.yml"].replace("sumber: [berita-uji]\n", "sumber: [berita-daerah-uji]\n").replace(
        "sumber: [berita-uji, berita-daerah-uji]\nditinjau", "sumber: [berita-daerah-uji]\nditinjau")
    whole = render("sop-uji", {"data/sop/sop-uji.yml": regional})
    assert '!!! info "Praktik daerah"' in whole and ".md-tag .cakupan" not in whole


def test_quiz_explanation_citing_a_regional_record_shows_the_label(tree):
    """Check that the answer key of a question whose reference is regional shows the label beside its explanation."""
    handbook = load_handbook(tree(REGIONAL))
    page = Renderer(handbook).record_page(handbook.get("modul-uji"))
    key = page.split('id="soal-uji-satu"', 1)[1].split("</details>", 1)[0]
    assert key.index("<p>Tugas uji berisi butir satu.</p>") < key.index(
        f'<p class="kuis-cakupan"><strong class="md-tag cakupan">{LABEL}</strong> Penjelasan ini merujuk isi yang '
        "hanya bersumber dari Dinsos Kabupaten Uji (2021)")
    other = page.split('id="soal-uji-beberapa"', 1)[1].split("</details>", 1)[0]
    assert "kuis-cakupan" not in other, "its reference (rakor-uji) is national"


def test_lists_and_source_pages_name_the_region(tree, render):
    """Check that a regional record keeps its label in lists (Tugas & Fungsi), and a source page states its scope."""
    handbook = load_handbook(tree(REGIONAL))
    index = Renderer(handbook).section_page(BY_NAME["tugas"], "index")
    assert f"Tugas TKSK untuk uji. **{LABEL}**{{ .md-tag .cakupan }}" in index
    assert "- **Cakupan:** Dinas Sosial Kabupaten Uji (2021): isi yang hanya bersumber dari sumber ini tampil sebagai praktik " \
           "dinas itu" in render("berita-daerah-uji")
    assert "- **Cakupan:** Nasional: aturan nasional" in render("berita-uji")


@pytest.mark.parametrize(("title", "in_a_sentence"), [
    ("Peran dan kedudukan TKSK", "peran dan kedudukan TKSK"),
    ("Penyaluran bantuan sosial", "penyaluran bantuan sosial"),
    ("PKH dan BPNT", "PKH dan BPNT"),
    ("", ""),
])
def test_a_title_inside_a_sentence_keeps_its_acronyms(title, in_a_sentence):
    """Check that "Semua 6 pertanyaan tentang …" writes the topic small but TKSK, PKH as they are (not "tksk")."""
    assert lower_first(title) == in_a_sentence
