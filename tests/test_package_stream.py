"""The chunked encryption stream of twin.package (ChunkEncryptor / decrypt_chunks): round trips at the
chunk borders, and every reordered, cut, swapped or extended stream refused."""

from __future__ import annotations

import os

import pytest

from twin.errors import SignatureError
from twin.package.crypto import ChunkEncryptor, decrypt_chunks


def _stream(data: bytes, chunk: int = 4096) -> tuple[bytes, bytes, list[bytes]]:
    key, prefix, out = os.urandom(32), os.urandom(8), []
    enc = ChunkEncryptor(key, prefix, out.append, chunk)
    enc.write(data)
    enc.finish()
    return key, prefix, out


def _decrypt(key: bytes, prefix: bytes, chunks: list[bytes], chunk: int = 4096) -> bytes:
    blob = b"".join(chunks)
    pos = {"i": 0}

    def read_exact(n: int) -> bytes:
        b = blob[pos["i"]:pos["i"] + n]
        pos["i"] += n
        return b
    return b"".join(decrypt_chunks(key, prefix, read_exact, len(blob), chunk))


@pytest.mark.parametrize("n", [1, 4095, 4096, 4097, 8192, 3 * 4096 + 5])
def test_stream_round_trip_at_chunk_borders(n):
    data = os.urandom(n)
    key, prefix, chunks = _stream(data)
    assert len(chunks) == max(1, -(-n // 4096)) and _decrypt(key, prefix, chunks) == data


def test_stream_detects_reorder_truncation_swap_and_extension():
    data = os.urandom(4 * 4096 + 100)
    key, prefix, chunks = _stream(data)
    other_key_chunks = _stream(data)[2]
    cases = {
        "reordered": [chunks[1], chunks[0], *chunks[2:]],
        "truncated at a chunk border": chunks[:3],
        "last chunk dropped, shorter stream": chunks[:-1],
        "chunk from another stream": [chunks[0], other_key_chunks[1], *chunks[2:]],
        "chunk duplicated": [chunks[0], chunks[0], *chunks[2:]],
        "extended": chunks + [chunks[-1]],
    }
    for name, bad in cases.items():
        with pytest.raises(SignatureError):
            _decrypt(key, prefix, bad)
            pytest.fail(name)
