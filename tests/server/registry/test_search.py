"""registry.search over the protocol: diacritics and đ folded, composed or decomposed
input, symbols as written, prefixes while typing, filters, ranking, highlights, and
confidential entries neither listed nor counted."""

from __future__ import annotations

import unicodedata

import pytest

from server.modules.registry.search import RANK_WINDOW
from tests.server.registry.helpers import entry, login

DOCS = [
    entry(symbol="125/QĐ-UBND", doc_type="Quyết định", issuer="UBND tỉnh Bình Định",
          summary="Quyết định đầu tư dự án xây dựng Trường THPT Nguyễn Huệ",
          received_on="2026-03-10", urgency="urgent"),
    entry(symbol="45/TTr-STNMT", doc_type="Tờ trình", issuer="Sở Tài nguyên và Môi trường",
          summary="Về việc giao đất đai cho hộ gia đình tại phường Đống Đa",
          received_on="2026-03-11"),
    entry(symbol="1250/UBND-KT", doc_type="Công văn", issuer="UBND tỉnh Bình Định",
          summary="Về việc điều chỉnh kế hoạch đầu tư công năm 2026",
          received_on="2026-04-01"),
    entry(direction="out", symbol="310/BC-UBND", doc_type="Báo cáo",
          issuer="UBND thành phố Quy Nhơn", registered_on="2026-04-02",
          summary="Báo cáo kết quả thu hồi đất dự án khu đô thị mới"),
]


@pytest.fixture
async def seeded(live_server, clients):
    admin, _ = await login(live_server.url, "admin")
    clients(admin)
    ids = [(await admin.act("registry.create", **d))["registry_id"] for d in DOCS]
    return admin, ids


async def ids_of(client, **query) -> list[int]:
    found = await client.call("registry.search", **query)
    assert found["total"] == len(found["items"])
    return [i["registry_id"] for i in found["items"]]


async def test_words_match_whatever_their_diacritics_and_case(seeded) -> None:
    admin, ids = seeded
    assert await ids_of(admin, query="quyet dinh dau tu") == [ids[0]]
    assert await ids_of(admin, query="dat dai") == [ids[1]]
    assert await ids_of(admin, query="ĐẤT ĐAI") == [ids[1]]
    assert await ids_of(admin, query="dong da") == [ids[1]]
    # Every word must match: "đất" alone is in two entries, "đất đai" in one.
    assert set(await ids_of(admin, query="dat")) == {ids[1], ids[3]}
    # The last word also as a prefix, as the user types.
    assert await ids_of(admin, query="quyet dinh dau t") == [ids[0]]
    assert await ids_of(admin, query="truong thp") == [ids[0]]
    assert await ids_of(admin, query="quyet dinh dau tx") == []


async def test_decomposed_input_finds_what_composed_input_finds(seeded) -> None:
    admin, ids = seeded
    composed = "Quyết định đầu tư"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert await ids_of(admin, query=decomposed) == await ids_of(admin, query=composed) == [
        ids[0]]


async def test_a_symbol_matches_as_written(seeded) -> None:
    admin, ids = seeded
    assert await ids_of(admin, query="125/QĐ-UBND") == [ids[0]]
    assert await ids_of(admin, query="125/QD-UBND") == [ids[0]]
    assert await ids_of(admin, query="125/qd-ubnd") == [ids[0]]
    # "125" is the start of two symbols; the shorter prefix finds both.
    assert set(await ids_of(admin, query="125")) == {ids[0], ids[2]}
    assert await ids_of(admin, query="310/BC") == [ids[3]]


async def test_filters_and_paging(seeded) -> None:
    admin, ids = seeded
    assert await ids_of(admin, query="dau tu", direction="in", doc_type="Công văn") == [ids[2]]
    assert await ids_of(admin, query="", direction="out") == [ids[3]]
    assert set(await ids_of(admin, query="", **{"from": "2026-03-11", "to": "2026-04-01"})
               ) == {ids[1], ids[2]}
    assert await ids_of(admin, query="", urgency="urgent") == [ids[0]]
    assert set(await ids_of(admin, query="", issuer="UBND tỉnh Bình Định")) == {ids[0], ids[2]}
    page = await admin.call("registry.search", query="", limit=2, offset=2, sort="-number")
    assert page["total"] == 4 and len(page["items"]) == 2
    bad = await admin.raw("registry.search", query="x", limit=500)
    assert bad["code"] == "bad_request"


async def test_ranked_by_relevance_and_highlighted_on_the_original_text(seeded) -> None:
    admin, ids = seeded
    found = await admin.call("registry.search", query="dau tu")
    assert [i["registry_id"] for i in found["items"]] == [ids[0], ids[2]] or [
        i["registry_id"] for i in found["items"]] == [ids[2], ids[0]]
    for item in found["items"]:
        summary = item["summary"]
        words = [summary[a:b] for a, b in item["highlight"]["summary"]]
        assert [w.lower() for w in words] == ["đầu", "tư"], words
    sym = await admin.call("registry.search", query="125/QD")
    first = sym["items"][0]
    assert first["registry_id"] == ids[0]
    a, b = first["highlight"]["symbol"][0]
    assert first["symbol"][a:b] == "125/QĐ"


async def test_a_confidential_entry_is_neither_listed_nor_counted_for_others(
        live_server, clients) -> None:
    admin, _ = await login(live_server.url, "admin")
    reader, reader_id = await login(live_server.url, "d001")
    other, _ = await login(live_server.url, "d002")
    for c in (admin, reader, other):
        clients(c)
    await admin.act("registry.create", **entry(summary="Kế hoạch kiểm tra công tác cán bộ"))
    secret = await admin.act("registry.create", **entry(
        summary="Kế hoạch kiểm tra công tác cán bộ (mật)", confidential=True,
        reader_ids=[reader_id]))
    for query in ("ke hoach kiem tra", "", "12/UBND"):
        assert (await admin.call("registry.search", query=query))["total"] == 2
        assert (await reader.call("registry.search", query=query))["total"] == 2
        hidden = await other.call("registry.search", query=query)
        assert hidden["total"] == 1
        assert secret["registry_id"] not in [i["registry_id"] for i in hidden["items"]]
    reply = await other.raw("registry.get", registry_id=secret["registry_id"])
    assert reply["code"] == "not_found"
    missing = await other.raw("registry.get", registry_id=999_999)
    assert missing["message"] == reply["message"]
    got = await reader.call("registry.get", registry_id=secret["registry_id"])
    assert got["confidential"] is True and got["readers"] == [reader_id]


async def test_many_matches_page_through_each_once(tmp_path, demo_db_template,
                                                   clients) -> None:
    """Above RANK_WINDOW matches the newest are ranked by relevance, older ones follow
    newest first: paging still returns every match exactly once, and total counts all."""
    import csv
    import subprocess
    import sys

    from tests.support.live import LiveServer, copy_db

    db = tmp_path / "db.sqlite3"
    copy_db(demo_db_template(30), db)
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Ngày đến", "Tác giả", "Số, ký hiệu", "Ngày tháng", "Tên loại", "Trích yếu"])
        for i in range(1, 1301):
            day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
            summary = ("Kế hoạch phòng chống lụt bão" + " lụt bão" * (i % 3))
            w.writerow([day, "UBND", f"{i}/KH", day, "Kế hoạch", summary])
    done = subprocess.run([sys.executable, "-m", "server.cli", "registry", "import", str(path),
                           "--direction", "in", "--db", f"sqlite:///{db}"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    server = LiveServer(db)
    server.start()
    try:
        staff, _ = await login(server.url, "d001")
        clients(staff)
        seen: list[int] = []
        for offset in range(0, 1400, 200):
            page = await staff.call("registry.search", query="lut bao", limit=200,
                                    offset=offset)
            assert page["total"] == 1300
            seen += [i["registry_id"] for i in page["items"]]
        assert len(seen) == 1300 and len(set(seen)) == 1300
        window = RANK_WINDOW
        assert set(seen[:window]) == set(range(1301 - window, 1301))  # the newest first
        assert seen[window:] == sorted(seen[window:], reverse=True)
        # Within the window, more of the words in the summary ranks first.
        first = await staff.call("registry.search", query="lut bao", limit=1)
        assert first["items"][0]["summary"].count("lụt bão") == 3
        # A count is remembered for the pages; a new entry is counted at once all the same.
        office, _ = await login(server.url, "admin")
        clients(office)
        await office.act("registry.create", **entry(summary="Phương án phòng chống lụt bão"))
        assert (await staff.call("registry.search", query="lut bao"))["total"] == 1301
    finally:
        server.stop()
