"""The bare word for "issue" in a CJK header, "발행", "発行", "发行"/"發行", names the publisher, as "publication"
does in English (rag/text/data/file_headers.toml v3); when its value is a date and nothing else, it is the date
the article was issued. A new user's Korean article opened with "발행: <outlet>": the key was unknown, the line was
dropped with a warning and the article had no publisher. The articles below are written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.loaders import LoadWarning, load_file
from rag.types import SourceDocument

ISSUED_BY = [
    ("ko_balhaeng.txt",
     "제목: 인천세관, 중고 식각장비 부품 밀반출 적발\n발행: 서해무역신문\n날짜: 2026년 3월 9일\n\n"
     "인천본부세관은 9일 식각장비 부품 40상자를 농기계 부품으로 신고해 반출하려던 업체를 적발했다고 밝혔다.\n",
     ("인천세관, 중고 식각장비 부품 밀반출 적발", "서해무역신문", "2026-03-09")),
    ("ja_hakko.txt",
     "タイトル: 横浜税関、工作機械の不正輸出を摘発\n発行: 京浜産業タイムズ\n日付: 2026年3月10日\n\n"
     "横浜税関は十日、五軸加工機を部品と偽って輸出しようとした商社を摘発したと発表した。\n",
     ("横浜税関、工作機械の不正輸出を摘発", "京浜産業タイムズ", "2026-03-10")),
    ("zh_faxing.txt",
     "标题：青岛海关查获申报不实的晶圆检测设备\n发行：黄海经贸周刊\n日期：2026年3月11日\n\n"
     "青岛海关11日表示，一批申报为普通显微镜的货物实为晶圆缺陷检测设备。\n",
     ("青岛海关查获申报不实的晶圆检测设备", "黄海经贸周刊", "2026-03-11")),
    ("ko_balhaeng_date.txt",
     "제목: 평택항, 반도체 소재 검사 강화\n발행: 2026년 3월 12일\n출처: 경기항만일보\n\n"
     "평택항만공사는 12일 불화수소 수출 화물의 전수 검사를 다음 달부터 시행한다고 밝혔다.\n",
     ("평택항, 반도체 소재 검사 강화", "경기항만일보", "2026-03-12")),
]


@pytest.mark.parametrize(("name", "text", "expected"), ISSUED_BY, ids=[n for n, _, _ in ISSUED_BY])
def test_the_key_for_issue_names_the_publisher_or_the_day_it_was_issued(tmp_path: Path, name: str, text: str,
                                                                         expected) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    warnings: list[LoadWarning] = []
    (doc,) = list(load_file(path, warnings))
    assert isinstance(doc, SourceDocument)
    assert (doc.title, doc.publisher, doc.published) == expected
    assert doc.text == text.split("\n\n", 1)[1].strip()
    assert warnings == []
