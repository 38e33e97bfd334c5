"""twin.files: the staged result folder lands whole with the transaction or not at all."""

from __future__ import annotations

import pytest

from twin.files import staged_folder


def test_staged_folder_is_placed_only_at_the_end(tmp_path):
    final = tmp_path / "rasters" / "lauf1"
    with staged_folder(final) as stage:
        (stage.path / "a.tif").write_bytes(b"x")
        assert stage.path.name.startswith(".") and not final.exists()
        stage.place()
    assert (final / "a.tif").read_bytes() == b"x"
    assert [p.name for p in final.parent.iterdir()] == ["lauf1"]


@pytest.mark.parametrize("placed", [False, True])
def test_a_failure_leaves_neither_scratch_nor_placed_folder(tmp_path, placed):
    final = tmp_path / "rasters" / "lauf2"
    with pytest.raises(RuntimeError):
        with staged_folder(final) as stage:
            (stage.path / "a.tif").write_bytes(b"x")
            if placed:
                stage.place()  # e.g. the store's commit fails after the move
            raise RuntimeError("Abbruch")
    assert list(final.parent.iterdir()) == []
