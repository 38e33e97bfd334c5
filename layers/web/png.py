"""A minimal PNG writer (8-bit RGBA, no interlace) for the web twin's map images: numpy and zlib only."""

from __future__ import annotations

import struct
import zlib

import numpy as np


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bytes(rgba: np.ndarray) -> bytes:
    """PNG file of an (h, w, 4) uint8 image, row 0 at the top."""
    img = np.ascontiguousarray(rgba, dtype=np.uint8)
    if img.ndim != 3 or img.shape[2] != 4:
        raise ValueError(f"RGBA-Bild (h, w, 4) erwartet, nicht {img.shape}")
    h, w = img.shape[:2]
    raw = np.hstack([np.zeros((h, 1), dtype=np.uint8), img.reshape(h, w * 4)]).tobytes()  # filter 0 per row
    header = struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + \
        _chunk(b"IEND", b"")
