import datetime as dt

import pytest

from drafter.errors import InputError
from drafter.plan.layout import basis_text
from drafter.plan.model import Basis
from drafter.presets.registry import BasisRegistry, list_bases, warnings_for

# Reference §7, exactly.
EXPECTED = {
    "luat-thdcs-2022": "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
    "luat-97-2025": "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Mặt trận Tổ quốc Việt Nam, Luật Công đoàn, "
                    "Luật Thanh niên và Luật Thực hiện dân chủ ở cơ sở ngày 27 tháng 6 năm 2025;",
    "nd-59-2023": "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14 tháng 8 năm 2023 của Chính phủ quy định chi tiết "
                  "một số điều của Luật Thực hiện dân chủ ở cơ sở;",
    "nd-61-2023": "Căn cứ Nghị định số 61/2023/NĐ-CP ngày 16 tháng 8 năm 2023 của Chính phủ về xây dựng và thực hiện "
                  "hương ước, quy ước của cộng đồng dân cư;",
    "qd-346-2023": "Căn cứ Quyết định số 346/QĐ-TTg ngày 06 tháng 4 năm 2023 của Thủ tướng Chính phủ ban hành Kế hoạch "
                   "triển khai thi hành Luật Thực hiện dân chủ ở cơ sở;",
    "luat-tccqdp-2025": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "luat-tccqdp-2015": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "nq-15-2024-khanh-hoa": "Căn cứ Nghị quyết số 15/2024/NQ-HĐND ngày 02 tháng 12 năm 2024 của Hội đồng nhân dân tỉnh "
                            "quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Khánh Hòa;",
    "nq-31-2023-binh-phuoc": "Căn cứ Nghị quyết số 31/2023/NQ-HĐND ngày 08 tháng 12 năm 2023 của Hội đồng nhân dân tỉnh "
                             "quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Bình Phước;",
    "ct-30-1998": "Thực hiện Chỉ thị số 30-CT/TW ngày 18 tháng 02 năm 1998 của Bộ Chính trị (khóa VIII) về xây dựng và "
                  "thực hiện Quy chế dân chủ ở cơ sở;",
}


@pytest.mark.parametrize("id_", sorted(EXPECTED))
def test_citation_renders_as_reference(id_):
    text = BasisRegistry.load().get(id_)
    basis = Basis.model_validate(text.basis())
    assert basis_text(basis) + ";" == EXPECTED[id_]


def test_lookup_by_number_and_citation():
    reg = BasisRegistry.load()
    assert reg.by_number("61/2023/NĐ-CP").ngay == dt.date(2023, 8, 16)
    assert reg.by_number(" 61/2023/nđ-cp ").id == "nd-61-2023"
    assert reg.find("10/2022/QH15").id == "luat-thdcs-2022"
    assert reg.find(reg.get("luat-tccqdp-2015").citation()).id == "luat-tccqdp-2015"
    assert reg.find({"loai": "Luật", "ten": "Tổ chức chính quyền địa phương", "ngay": "2025-06-16"}).id == "luat-tccqdp-2025"
    assert reg.for_province("Khánh Hoà")[0].id == "nq-15-2024-khanh-hoa"


def test_replaced_text_warns_in_2026():
    warnings = warnings_for("luat-tccqdp-2015", dt.date(2026, 3, 2))
    assert len(warnings) == 1
    assert "ngày 16 tháng 6 năm 2025" in warnings[0] and "01/7/2025" in warnings[0]
    assert warnings_for("luat-tccqdp-2015", dt.date(2024, 3, 2)) == []
    # by citation too, and the 2019 amendment goes with the 2015 law
    reg = BasisRegistry.load()
    assert warnings_for(reg.get("luat-tccqdp-2015").citation(), dt.date(2025, 7, 1))
    assert warnings_for("47/2019/QH14", dt.date(2026, 1, 1))
    assert warnings_for("nd-59-2023", dt.date(2026, 1, 1)) == []
    assert warnings_for("không-có", dt.date(2026, 1, 1)) == []


def test_list_bases():
    rows = list_bases()
    ids = [r[0] for r in rows]
    assert set(EXPECTED) <= set(ids)
    assert all(isinstance(d, str) and d for _, d in rows)


def test_invalid_registry_file_names_file_line_field(tmp_path):
    path = tmp_path / "van-ban.yaml"
    path.write_text(
        "van_ban:\n"
        "  - id: nd-1\n"
        "    loai: Nghị định\n"
        "    so: 1/2024/NĐ-CP\n"
        "    ngay: 2024-13-01\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        BasisRegistry.load(path)
    msg = str(err.value)
    assert str(path) in msg and "dòng 5" in msg and "van_ban[0].ngay" in msg


def test_registry_unknown_successor(tmp_path):
    path = tmp_path / "van-ban.yaml"
    path.write_text(
        "van_ban:\n  - id: a\n    loai: Luật\n    ten: X\n    ngay: 2020-01-01\n    thay_the_boi: b\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="thay_the_boi"):
        BasisRegistry.load(path)
