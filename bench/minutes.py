"""Benchmark: minutes of a 4-hour session rendered to PDF and DOCX.

The session is the biggest the product promises: 40 agenda items, 300 speeches, 30 votes
(four in five open, each with 500 named ballots in the annex), 500 delegates. Targets:
PDF ≤ 2 s, DOCX ≤ 3 s (best of 3). Run from the repo root:

    .venv/bin/python -m bench.minutes
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from server.modules.minutes.docx import render_docx
from server.modules.minutes.model import (
    Absentee,
    Attendance,
    ItemMinutes,
    MinutesDraft,
    NamedBallot,
    Person,
    PollResult,
    Speech,
)
from server.modules.minutes.pdf import render_pdf

PDF_TARGET_S = 2.0
DOCX_TARGET_S = 3.0

_SURNAMES = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Đinh", "Phan", "Trịnh",
)  # fmt: skip
_MIDDLE = (
    "Văn", "Thị", "Đức", "Minh", "Ngọc", "Quốc", "Thu", "Xuân", "Hữu", "Thanh", "Công",
    "Đình", "Bảo", "Kim",
)  # fmt: skip
_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng",
    "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Nghĩa", "Ngọc",
    "Phong", "Phúc", "Phương", "Quang", "Quyên", "Sơn", "Tâm", "Thắng", "Thảo", "Thủy",
    "Trang", "Trung", "Tuấn", "Tú", "Uyên", "Việt", "Yến", "Điệp",
)  # fmt: skip

_OPINION = (
    "Các đại biểu cơ bản thống nhất với nội dung tờ trình; đề nghị cơ quan soạn thảo làm rõ "
    "cơ sở pháp lý, nguồn lực thực hiện và <b>trách nhiệm của từng cơ quan, đơn vị</b>; bổ "
    "sung đánh giá tác động đến người dân, doanh nghiệp trên địa bàn.\n\n"
    "Một số ý kiến đề nghị <i>rà soát lại tiến độ</i> và lộ trình thực hiện, bảo đảm khả thi, "
    "phù hợp với điều kiện thực tế của thành phố và các xã, phường biên giới."
)


def big_session(
    *,
    items: int = 40,
    speeches: int = 300,
    polls: int = 30,
    delegates: int = 500,
    secret_every: int = 5,
    seed: int = 2026,
) -> MinutesDraft:
    """A deterministic worst-case session; every ``secret_every``-th vote is secret."""
    rng = random.Random(seed)
    people = [
        Person(f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}",
               "Đại biểu HĐND thành phố")
        for _ in range(delegates)
    ]
    absent = [Absentee(p, "đi công tác" if n % 2 else None) for n, p in enumerate(people[-12:])]
    present = people[: delegates - len(absent)]
    start = datetime(2026, 11, 24, 8, 0)
    step = timedelta(hours=4) / items
    item_list: list[ItemMinutes] = []
    speech_count = poll_count = 0
    for i in range(items):
        taken_up = start + step * i
        n_speeches = speeches * (i + 1) // items - speech_count
        speech_count += n_speeches
        n_polls = polls * (i + 1) // items - poll_count
        item_polls = []
        for _ in range(n_polls):
            poll_count += 1
            secret = poll_count % secret_every == 0
            yes = len(present) - rng.randint(5, 40)
            no = rng.randint(0, len(present) - yes)
            abstain = len(present) - yes - no
            choices = ["yes"] * yes + ["no"] * no + ["abstain"] * abstain
            rng.shuffle(choices)
            item_polls.append(
                PollResult(
                    title=f"Biểu quyết thông qua Nghị quyết số {poll_count} của kỳ họp",
                    secret=secret,
                    options=["yes", "no", "abstain"],
                    tally={"yes": yes, "no": no, "abstain": abstain},
                    cast=len(present),
                    eligible=delegates,
                    majority="two_thirds" if secret else "absolute",
                    outcome="passed" if yes * 2 > delegates else "rejected",
                    ballots=None
                    if secret
                    else [NamedBallot(p, c) for p, c in zip(present, choices, strict=True)],
                )
            )
        item_list.append(
            ItemMinutes(
                position=i + 1,
                title=f"Xem xét, thông qua nội dung số {i + 1} của chương trình kỳ họp",
                taken_up_at=taken_up,
                documents=[f"Tờ trình số {100 + i}/TTr-UBND", f"Báo cáo thẩm tra số {i + 1}"],
                speeches=[
                    Speech(rng.choice(present), taken_up + timedelta(minutes=1 + 4 * k),
                           rng.randint(60, 420))
                    for k in range(n_speeches)
                ],
                opinions=_OPINION,
                polls=item_polls,
                conclusions="Giao Ủy ban nhân dân thành phố tiếp thu, hoàn thiện và tổ chức "
                "thực hiện theo quy định.",
            )
        )
    return MinutesDraft(
        agency="HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ MÓNG CÁI",
        agency_abbrev="HĐND",
        number=12,
        year=2026,
        place_name="Móng Cái",
        meeting_title="Kỳ họp thứ Ba, Hội đồng nhân dân thành phố Móng Cái khóa XIV",
        location="Hội trường Trung tâm Hội nghị thành phố Móng Cái",
        started_at=start,
        ended_at=start + timedelta(hours=4),
        chair=people[0],
        secretary=people[1],
        attendance=Attendance(expected=delegates, present=present, absent=absent),
        items=item_list,
        recipients=["Thường trực Thành ủy", "UBND thành phố", "Các đại biểu HĐND thành phố"],
        conclusions_general="Kỳ họp đã hoàn thành toàn bộ chương trình.",
    )


def best_of(fn: Callable[[], bytes], runs: int) -> tuple[float, bytes]:
    """Fastest wall time of ``runs`` calls, with the last output."""
    best = float("inf")
    out = b""
    for _ in range(runs):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def pdf_pages(data: bytes) -> int | None:
    """Page count via poppler's pdfinfo, None if it is not installed."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        try:
            info = subprocess.run(["pdfinfo", f.name], capture_output=True, text=True,
                                  check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            return None
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def main(argv: list[str] | None = None) -> int:
    """Print the timing table; exit status 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--save", type=Path, help="folder to write minutes.pdf/.docx into")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    draft = big_session()
    build_s = time.perf_counter() - t0
    pdf_s, pdf = best_of(lambda: render_pdf(draft), args.runs)
    docx_s, docx = best_of(lambda: render_docx(draft), args.runs)
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
        (args.save / "minutes.pdf").write_bytes(pdf)
        (args.save / "minutes.docx").write_bytes(docx)

    pages = pdf_pages(pdf)
    open_polls = sum(1 for it in draft.items for p in it.polls if not p.secret)
    print(
        f"session: {len(draft.items)} items, "
        f"{sum(len(it.speeches) for it in draft.items)} speeches, "
        f"{sum(len(it.polls) for it in draft.items)} polls ({open_polls} open), "
        f"{draft.attendance.expected} delegates; model built in {build_s * 1000:.0f} ms"
    )
    rows = [
        ("PDF", pdf_s, PDF_TARGET_S, len(pdf), f"{pages} pages" if pages else "?"),
        ("DOCX", docx_s, DOCX_TARGET_S, len(docx), ""),
    ]
    print(f"{'format':<6} {'best s':>7} {'target':>7} {'ok':>3} {'size':>9}  output")
    ok = True
    for name, secs, target, size, extra in rows:
        passed = secs <= target
        ok &= passed
        print(f"{name:<6} {secs:7.3f} {target:7.1f} {'yes' if passed else 'NO':>3} "
              f"{size / 1e6:7.2f}MB  {extra}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
