"""Aid programs a TKSK accompanies, current and historical."""

from macros.model.content_type import ContentType, Section, Topics
from macros.model.listing import by_state
from macros.model.schema import Field, Id, ListOf, Obj, Ref, Text
from macros.model.status import ACTIVE, ENDED, NOT_CONFIRMED_LABEL, UNCONFIRMED, StatusRule
from macros.types.base import check_basis_in_force, dasar_field, historis_field, riwayat_field, sumber_field, terkait_field

#: A program "berjalan" only as of its source's date: the handbook cannot see that it still runs today.
STATUS = StatusRule(
    labels={"berjalan": "Berjalan", "berakhir": "Sudah berakhir (riwayat)", UNCONFIRMED: NOT_CONFIRMED_LABEL},
    states={"berjalan": ACTIVE, "berakhir": ENDED, UNCONFIRMED: UNCONFIRMED},
    dated=("berjalan",),
)

TYPE = ContentType(
    name="program",
    topics=Topics("Status", "status", by_state("program", [
        (ACTIVE, "berjalan", "Berjalan"), (UNCONFIRMED, UNCONFIRMED, NOT_CONFIRMED_LABEL),
        (ENDED, "berakhir", "Sudah berakhir")]), in_nav=False, preview=5, noun="program"),
    order=20,
    own_section=Section(
        title="Program & SOP",
        description=("Program bantuan sosial yang didampingi TKSK dan langkah-langkah kerjanya (SOP), termasuk yang tidak "
                     "boleh dilakukan."),
    ),
    label="Program",
    files="program/*.yml",
    search_boost=2,
    many=False,
    checks=(check_basis_in_force, STATUS.check),
    status=STATUS,
    schema=Obj(
        Field("id", Id()),
        Field("judul", Text()),
        Field("singkatan", Text(), required=False),
        *STATUS.fields(),
        Field("diganti_oleh", Ref("program"), required=False, doc="program penerusnya, bila sudah berakhir"),
        Field("ringkasan", Text()),
        Field("tujuan", ListOf(Text()), required=False),
        Field("peran_tksk", ListOf(Text(), min_items=1), doc="apa yang dikerjakan TKSK dalam program ini"),
        dasar_field(),
        historis_field(),
        terkait_field(),
        sumber_field(),
        riwayat_field(),
    ),
)
