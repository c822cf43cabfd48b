"""The catalog contact sheet: a grid of labelled thumbnails, one per asset, written atomically."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from pipeline import contact_sheet
from scenes.catalog import CATALOG


def test_a_sheet_has_one_drawn_thumbnail_per_asset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shelf = {"city": [CATALOG["bench"]], "sport": [CATALOG["football"], CATALOG["bowling_pin"]]}
    monkeypatch.setattr(contact_sheet, "by_group", lambda: shelf)
    out = tmp_path / "sheet.png"
    assert contact_sheet.contact_sheet(out, pixels=64, columns=2) == 3
    sheet = cv2.imread(str(out))
    assert sheet.shape == (128, 128, 3) and not list(tmp_path.glob("*.partial.png"))
    for r, c in ((0, 0), (0, 1), (1, 0)):  # each tile holds an asset: its middle is not all ground and sky
        tile = sheet[r * 64:(r + 1) * 64 - 18, c * 64:(c + 1) * 64].reshape(-1, 3).astype(int)
        assert np.ptp(tile, axis=0).max() > 40
    assert (sheet[64:, 64:] == 255).all()  # the unused cell stays white


def test_a_sheet_into_a_missing_folder_fails_before_rendering(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="no such folder"):
        contact_sheet.contact_sheet(tmp_path / "nope" / "sheet.png")
