"""Map what a source calls its observed property to a kind of :data:`twin.model.sensors.KINDS`."""

from __future__ import annotations

from twin.model.sensors import KINDS

#: (words that must all occur, kind), first match wins; matched against name and definition, lower case
_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("soil", "moisture"), "bodenfeuchte"), (("bodenfeuchte",), "bodenfeuchte"),
    (("volumetric", "water", "content"), "bodenfeuchte"), (("soil", "temperature"), "bodentemperatur"),
    (("bodentemperatur",), "bodentemperatur"), (("surface", "temperature"), "oberflaechentemperatur"),
    (("oberflächentemperatur",), "oberflaechentemperatur"), (("oberflaechentemperatur",), "oberflaechentemperatur"),
    (("sewer", "fill"), "kanal_fuellstand"), (("füllstand",), "kanal_fuellstand"), (("fill", "level"), "kanal_fuellstand"),
    (("water", "level"), "kanal_wasserstand"), (("wasserstand",), "kanal_wasserstand"),
    (("relative", "humidity"), "luftfeuchte"), (("luftfeuchte",), "luftfeuchte"),
    (("air", "temperature"), "lufttemperatur"), (("lufttemperatur",), "lufttemperatur"),
    (("temperature",), "lufttemperatur"),
)


def kind_of(*texts: str | None, explicit: str | None = None) -> str | None:
    """The kind for an observed property (``explicit`` – a source's own ``art`` – wins if it is known)."""
    if explicit and explicit in KINDS:
        return explicit
    text = " ".join(t for t in texts if t).lower().replace("_", " ").replace("-", " ")
    for words, kind in _RULES:
        if all(w in text for w in words):
            return kind
    return None
