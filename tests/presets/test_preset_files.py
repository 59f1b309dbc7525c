import pytest

from drafter.errors import InputError
from drafter.presets.agencies import load_catalogue
from drafter.presets.kinds import load_kind


def test_invalid_catalogue_names_file_line_field(tmp_path):
    path = tmp_path / "tinh-2025.yaml"
    path.write_text(
        "cap: tinh\nthoi_ky: tu-2025\nvan_phong: vp\nco_quan:\n"
        "  - {id: vp, ten: Văn phòng, nhom: van-phong}\n"
        "  - id: x\n    ten: Sở X\n    nhom: so-sai\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        load_catalogue(path)
    msg = str(err.value)
    assert str(path) in msg and "dòng 8" in msg and "co_quan[1].nhom" in msg


def test_invalid_kind_names_file_line_field(tmp_path):
    path = tmp_path / "k.yaml"
    path.write_text("id: k\nten: K\ncap:\n  tinh:\n    trich_yeu: [A]\n    noi_dungg: []\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_kind(path)
    msg = str(err.value)
    assert str(path) in msg and "dòng 6" in msg and "noi_dungg" in msg
