"""The real `drafter new` in a real terminal (tmux, 80×24): send keys, wait for each prompt's
text on the screen, and check the DOCX it writes."""

import os
import shutil
import subprocess
import sys
import time

import pytest

from drafter.check import check_file

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux không có trên máy")


class Pane:
    def __init__(self, socket: str):
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True,
                              text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "w")

    def wait(self, text: str, seconds: float = 20) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if text in self.screen():
                return
            time.sleep(0.1)
        raise AssertionError(f"không thấy «{text}» trên màn hình:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "w", *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "w", "-l", text)


@pytest.mark.timeout(150)
def test_drafter_new_in_tmux_writes_a_plan_that_passes_the_checker(tmp_path):
    pane = Pane(f"drafter-test-{os.getpid()}")
    command = f"cd '{tmp_path}' && '{sys.executable}' -m drafter new; echo KẾT-THÚC-$?; sleep 60"
    pane.tmux("new-session", "-d", "-s", "w", "-x", "80", "-y", "24", command)
    try:
        for prompt, keys in [
            ("Loại kế hoạch:", ["Enter"]), ("Năm ban hành:", ["Enter"]), ("Cấp ban hành:", ["Down", "Enter"]),
            ("Tỉnh, thành phố:", ["khanh hoa", "Enter"]), ("Xã, phường thuộc", ["bac nha trang", "Enter"]),
            ("Số văn bản:", ["Enter"]), ("Ngày ban hành:", ["Enter"]), ("Chọn các căn cứ:", ["Enter"]),
            ("Thêm một căn cứ khác?", ["Enter"]), ("Dòng «Thực hiện", ["Enter"]), ("Dòng «Theo đề nghị", ["Enter"]),
            ("chọn để sửa:", ["Enter"]), ("Người ký:", ["Down", "Enter"]),
            ("Họ và tên người ký", ["Nguyễn Thị F", "Enter"]), ("Chọn nơi nhận:", ["Enter"]),
            ("Thêm nơi nhận", ["Enter"]), ("Bạn muốn:", ["Enter"]),
        ]:
            pane.wait(prompt)
            for key in keys:
                if key in ("Enter", "Down"):
                    pane.keys(key)
                else:
                    pane.type(key)
        pane.wait("KẾT-THÚC-0", 60)
    finally:
        subprocess.run(["tmux", "-L", pane.socket, "kill-server"], capture_output=True)
    docx = tmp_path / "kh-hang-nam-phuong-bac-nha-trang-2026.docx"
    assert [f for f in check_file(docx) if f.is_error] == []
    checked = subprocess.run([sys.executable, "-m", "drafter", "check", str(docx)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
