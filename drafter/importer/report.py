"""What an import did with the source: each guess, each ND30 correction, each piece of text it
could not place (kept as a plain paragraph), so nothing is dropped without a word."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

KINDS = {
    "guess": "đoán",
    "corrected": "đã sửa theo Nghị định 30",
    "unplaced": "chưa xếp được, giữ thành đoạn văn",
    "registry": "căn cứ",
    "missing": "thiếu",
}


@dataclass(frozen=True)
class Note:
    kind: str  # a key of KINDS
    where: str  # the source location in Vietnamese ("dòng 12", "đoạn 7")
    message: str


@dataclass
class ImportReport:
    source: str
    notes: list[Note] = field(default_factory=list)

    def add(self, kind: str, where: str, message: str) -> None:
        self.notes.append(Note(kind, where, message))

    def of(self, kind: str) -> list[Note]:
        return [n for n in self.notes if n.kind == kind]

    def text(self) -> str:
        if not self.notes:
            return f"{self.source}: đọc trọn vẹn, không có điều gì cần lưu ý."
        lines = [f"{self.source}: {len(self.notes)} điều cần lưu ý"]
        for note in self.notes:
            where = f"{note.where}: " if note.where else ""
            lines.append(f"  [{KINDS[note.kind]}] {where}{note.message}")
        return "\n".join(lines)

    def json(self) -> str:
        return json.dumps({"tep": self.source, "ghi_chu": [asdict(n) for n in self.notes]},
                          ensure_ascii=False, indent=2)
