"""The text of a PDF that fpdf2 wrote, read back without a PDF library: enough for a test to
find what a person would read in it."""

import re
import zlib

ESCAPES = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}


def shown_strings(stream: bytes) -> list[bytes]:
    """The literal strings a content stream shows (`(...) Tj`), their escapes undone."""
    found = []
    for match in re.finditer(rb"\((?P<text>(?:\\.|[^\\)])*)\)\s*Tj", stream, re.S):
        raw, text, i = match.group("text"), bytearray(), 0
        while i < len(raw):
            if raw[i] == 0x5C:  # a backslash
                following = raw[i + 1]
                if 0x30 <= following <= 0x37:
                    digits = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4]).group()
                    text.append(int(digits, 8))
                    i += 1 + len(digits)
                    continue
                text.append(ESCAPES.get(following, following))
                i += 2
            else:
                text.append(raw[i])
                i += 1
        found.append(bytes(text))
    return found


def pdf_text(data: bytes) -> str:
    """The text of an fpdf2 document: its streams inflated, each shown string (two bytes a glyph)
    mapped back to characters through each embedded font's ToUnicode table in turn (each font
    numbers its glyphs itself; the text of one font reads right through its own table)."""
    streams = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            streams.append(zlib.decompress(match.group(1)))
        except zlib.error:
            streams.append(match.group(1))
    tables = []
    for stream in streams:
        for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
            pairs = re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block)
            tables.append({int(glyph, 16): chr(int(char, 16)) for glyph, char in pairs})
    shown = [text for stream in streams for text in shown_strings(stream)]
    return "\n".join(
        "".join(table.get(int.from_bytes(text[i : i + 2]), "?") for i in range(0, len(text), 2))
        for table in tables
        for text in shown
    )
