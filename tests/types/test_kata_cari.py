"""The search-aid list (data/kata-cari.yml): words joined to the handbook's words, checked to state no fact."""

from __future__ import annotations

import pytest

from macros.load.handbook import load_handbook
from macros.outputs.search import search_aid
from macros.render.renderer import Renderer
from tests.support.data import errors_of

FILE = "data/kata-cari.yml"
#: Valid in the base tree: "langkah" and "uji" are words of its SOP ("Langkah uji.").
GOOD = """\
- id: coba
  jenis: padanan
  kata: [percobaan, dicoba lagi]
  arah: [langkah uji]
- id: kata-tanya
  jenis: abaikan
  kata: [saya, apa]
"""


def aid(text: str) -> dict[str, str]:
    return {FILE: text}


CASES = [
    pytest.param(
        "- id: coba\n  jenis: padanan\n  kata: [percobaan]\n  arah: [honor bulanan]\n",
        [f"{FILE}:4: arah[1]: tidak ada catatan buku saku yang memuat \"honor bulanan\"; arah harus kata yang dipakai "
         "buku saku, supaya pencarian menemukan halamannya"],
        id="handbook-word-the-handbook-does-not-use",
    ),
    pytest.param(
        "- id: coba\n  jenis: padanan\n  kata: [percobaan]\n",
        [f"{FILE}:2: arah: padanan perlu arah: kata yang dipakai buku saku, tempat kata sehari-hari ini mengarah"],
        id="everyday-word-leading-nowhere",
    ),
    pytest.param(
        "- id: coba\n  jenis: abaikan\n  kata: [saya]\n  arah: [langkah]\n",
        [f"{FILE}:4: arah: kata yang diabaikan tidak mengarah ke mana pun; hapus arah, atau ubah jenis menjadi padanan"],
        id="stop-word-with-a-target",
    ),
    pytest.param(
        "- id: coba\n  jenis: abaikan\n  kata: [apa saja]\n",
        [f"{FILE}:3: kata[1]: kata yang diabaikan ditulis satu per satu, satu kata tiap butir; tertulis \"apa saja\""],
        id="stop-phrase",
    ),
    pytest.param(
        "- id: coba\n  jenis: padanan\n  kata: [tenaga kesejahteraan sosial kecamatan]\n  arah: [langkah]\n",
        [f"{FILE}:3: kata[1]: \"tenaga kesejahteraan sosial kecamatan\" sudah menjadi nama istilah TKSK di glosarium "
         "(data/glosarium.yml:1); sebutan lain sebuah istilah ditulis sebagai alias di glosarium, tidak di sini"],
        id="glossary-name-repeated",
    ),
    pytest.param(
        GOOD + "- id: lagi\n  jenis: abaikan\n  kata: [saya]\n",
        [f"{FILE}:10: kata[1]: \"saya\" sudah tertulis di {FILE}:7; satu kata cukup ditulis sekali"],
        id="word-listed-twice",
    ),
    pytest.param(
        "- id: coba\n  jenis: padanan\n  kata: [Honor 2018]\n  arah: [langkah uji]\n",
        [f"{FILE}:3: kata[1]: harus berupa kata atau frasa pendek (paling banyak 4 kata) dengan huruf kecil, tanpa angka "
         "dan tanda baca; tertulis \"Honor 2018\""],
        id="number-in-a-word",
    ),
    pytest.param(
        "- id: coba\n  jenis: padanan\n  kata: [percobaan]\n  arah: [langkah uji ini sudah selesai dikerjakan]\n",
        [f"{FILE}:4: arah[1]: paling banyak 4 kata: daftar kata cari hanya menghubungkan kata, bukan kalimat; tertulis 6 kata"],
        id="sentence-not-a-phrase",
    ),
    pytest.param(
        "- id: coba\n  jenis: padanan\n  kata: [langkah]\n  arah: [langkah]\n",
        [f"{FILE}:4: arah[1]: \"langkah\" juga tertulis di kata; arah adalah kata lain"],
        id="word-leading-to-itself",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_bad_search_aid_is_reported_by_file_line_and_field(tree, today, text, expected):
    """Check that each way the list could state more than words, or lead nowhere, is one precise error."""
    assert errors_of(tree(aid(text))) == expected


def test_good_list_is_valid_has_no_pages_and_reaches_the_search_box(tree, today):
    """Check that a valid list loads, gets no page of its own, and is handed to the search box as words only."""
    handbook = load_handbook(tree(aid(GOOD)))
    assert len(handbook.of_type("kata-cari")) == 2
    pages = {page.src_uri for page in Renderer(handbook).record_pages()}
    assert not [uri for uri in pages if uri.startswith("kata-cari/")]
    found = search_aid(handbook)
    assert {k: found[k] for k in ("padanan", "abaikan")} == {
        "padanan": [{"kata": ["percobaan", "dicoba lagi"], "arah": ["langkah uji"]}],
        "abaikan": ["apa", "saya"],
    }
    assert {rule["url"] for rule in found["regulasi"]} == {f"regulasi/{r.id}/" for r in handbook.of_type("regulasi")}


def test_real_list_joins_the_everyday_words_the_issue_names(real_handbook):
    """Check that the handbook's own list leads hilang, dicoret, meninggal and bohong to the handbook's words, and
    leaves out the question words."""
    found = search_aid(real_handbook)
    leads = {word: entry["arah"] for entry in found["padanan"] for word in entry["kata"]}
    assert {"data penerima berubah", "verval"} <= set(leads["hilang"]) and leads["dicoret"] == leads["hilang"]
    assert leads["tidak terdaftar"] == leads["hilang"]
    assert leads["meninggal"] == ["santunan kematian"] and leads["bohong"] == ["hoaks", "kabar bohong"]
    assert {"saya", "apa", "yang", "itu", "bagaimana", "harus"} <= set(found["abaikan"])
