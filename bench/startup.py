"""Print the time from launching `drafter new` to its first prompt on the screen (median of
several runs, in a pseudo-terminal as a user would see it). Target: ≤ 0.4 s on the dev machine.

The machine is shared: the CPU time the process used until then is printed too, as it does not
grow with other people's load the way the wall-clock time does."""

from __future__ import annotations

import os
import pty
import resource
import select
import signal
import statistics
import sys
import time

RUNS = 9
FIRST_PROMPT = "Loại kế hoạch".encode("utf-8")


def once() -> tuple[float, float]:
    """(wall-clock seconds to the first prompt, CPU seconds the process used until then)."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: the real command line, in a terminal
        os.execv(sys.executable, [sys.executable, "-m", "drafter", "new"])
    seen = b""
    try:
        while FIRST_PROMPT not in seen:
            ready, _, _ = select.select([fd], [], [], 10)
            if not ready:
                raise SystemExit("không thấy câu hỏi đầu tiên sau 10 giây")
            try:
                seen += os.read(fd, 4096)
            except OSError:
                raise SystemExit("drafter new dừng trước câu hỏi đầu tiên:\n" + seen.decode(errors="replace"))
        wall = time.perf_counter() - start
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return wall, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    once()  # warm the file cache
    runs = [once() for _ in range(RUNS)]
    times, cpu = [w for w, _ in runs], [c for _, c in runs]
    print(f"drafter new → câu hỏi đầu tiên: {statistics.median(times):.3f} s "
          f"(trung vị {RUNS} lần, nhỏ nhất {min(times):.3f} s, lớn nhất {max(times):.3f} s); "
          f"thời gian CPU: {statistics.median(cpu):.3f} s (trung vị); tải máy: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
