"""Colours a scene script may name: CSS colour names, everyday shades, ``#rrggbb`` or ``[r, g, b]``.

Colours in scripts are sRGB (what a person picks in a colour picker); engines convert to linear light.
"""

from __future__ import annotations

import difflib
import re

import numpy as np

# CSS Color Module 4 named colours plus common shades that people write in prompts.
NAMED_COLOURS: dict[str, str] = {
    "aliceblue": "f0f8ff", "amber": "ffbf00", "antiquewhite": "faebd7", "aqua": "00ffff", "aquamarine": "7fffd4",
    "azure": "f0ffff", "beige": "f5f5dc", "bisque": "ffe4c4", "black": "000000", "blanchedalmond": "ffebcd",
    "blue": "0000ff", "blueviolet": "8a2be2", "brass": "b5a642", "bronze": "cd7f32", "brown": "a52a2a",
    "burgundy": "800020", "burlywood": "deb887", "cadetblue": "5f9ea0", "cerulean": "007ba7", "charcoal": "36454f",
    "chartreuse": "7fff00", "chocolate": "d2691e", "cobalt": "0047ab", "copper": "b87333", "coral": "ff7f50",
    "cornflowerblue": "6495ed", "cornsilk": "fff8dc", "cream": "fffdd0", "crimson": "dc143c", "cyan": "00ffff",
    "darkblue": "00008b", "darkcyan": "008b8b", "darkgoldenrod": "b8860b", "darkgray": "a9a9a9",
    "darkgreen": "006400", "darkgrey": "a9a9a9", "darkkhaki": "bdb76b", "darkmagenta": "8b008b",
    "darkolivegreen": "556b2f", "darkorange": "ff8c00", "darkorchid": "9932cc", "darkred": "8b0000",
    "darksalmon": "e9967a", "darkseagreen": "8fbc8f", "darkslateblue": "483d8b", "darkslategray": "2f4f4f",
    "darkslategrey": "2f4f4f", "darkturquoise": "00ced1", "darkviolet": "9400d3", "deeppink": "ff1493",
    "deepskyblue": "00bfff", "dimgray": "696969", "dimgrey": "696969", "dodgerblue": "1e90ff", "emerald": "50c878",
    "firebrick": "b22222", "floralwhite": "fffaf0", "forestgreen": "228b22", "fuchsia": "ff00ff",
    "gainsboro": "dcdcdc", "ghostwhite": "f8f8ff", "gold": "ffd700", "goldenrod": "daa520", "gray": "808080",
    "green": "008000", "greenyellow": "adff2f", "grey": "808080", "honeydew": "f0fff0", "hotpink": "ff69b4",
    "indianred": "cd5c5c", "indigo": "4b0082", "ivory": "fffff0", "jade": "00a86b", "khaki": "f0e68c",
    "lavender": "e6e6fa", "lavenderblush": "fff0f5", "lawngreen": "7cfc00", "lemon": "fff44f", "lemonchiffon": "fffacd",
    "lightblue": "add8e6", "lightcoral": "f08080", "lightcyan": "e0ffff", "lightgoldenrodyellow": "fafad2",
    "lightgray": "d3d3d3", "lightgreen": "90ee90", "lightgrey": "d3d3d3", "lightpink": "ffb6c1",
    "lightsalmon": "ffa07a", "lightseagreen": "20b2aa", "lightskyblue": "87cefa", "lightslategray": "778899",
    "lightslategrey": "778899", "lightsteelblue": "b0c4de", "lightyellow": "ffffe0", "lilac": "c8a2c8",
    "lime": "00ff00", "limegreen": "32cd32", "linen": "faf0e6", "magenta": "ff00ff", "maroon": "800000",
    "mauve": "e0b0ff", "mediumaquamarine": "66cdaa", "mediumblue": "0000cd", "mediumorchid": "ba55d3",
    "mediumpurple": "9370db", "mediumseagreen": "3cb371", "mediumslateblue": "7b68ee", "mediumspringgreen": "00fa9a",
    "mediumturquoise": "48d1cc", "mediumvioletred": "c71585", "midnightblue": "191970", "mint": "98ff98",
    "mintcream": "f5fffa", "mistyrose": "ffe4e1", "moccasin": "ffe4b5", "mustard": "ffdb58", "navajowhite": "ffdead",
    "navy": "000080", "ochre": "cc7722", "oldlace": "fdf5e6", "olive": "808000", "olivedrab": "6b8e23",
    "orange": "ffa500", "orangered": "ff4500", "orchid": "da70d6", "palegoldenrod": "eee8aa", "palegreen": "98fb98",
    "paleturquoise": "afeeee", "palevioletred": "db7093", "papayawhip": "ffefd5", "peach": "ffcba4",
    "peachpuff": "ffdab9", "peru": "cd853f", "pink": "ffc0cb", "plum": "dda0dd", "powderblue": "b0e0e6",
    "purple": "800080", "rebeccapurple": "663399", "red": "ff0000", "rose": "ff007f", "rosybrown": "bc8f8f",
    "royalblue": "4169e1", "ruby": "e0115f", "rust": "b7410e", "saddlebrown": "8b4513", "salmon": "fa8072",
    "sandybrown": "f4a460", "sapphire": "0f52ba", "scarlet": "ff2400", "seagreen": "2e8b57", "seashell": "fff5ee",
    "sienna": "a0522d", "silver": "c0c0c0", "sky": "87ceeb", "skyblue": "87ceeb", "slateblue": "6a5acd",
    "slategray": "708090", "slategrey": "708090", "snow": "fffafa", "springgreen": "00ff7f", "steelblue": "4682b4",
    "tan": "d2b48c", "teal": "008080", "terracotta": "e2725b", "thistle": "d8bfd8", "tomato": "ff6347",
    "turquoise": "40e0d0", "vermilion": "e34234", "violet": "ee82ee", "wheat": "f5deb3", "white": "ffffff",
    "whitesmoke": "f5f5f5", "yellow": "ffff00", "yellowgreen": "9acd32",
}

_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def _normalise_name(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.strip().lower())


def parse_colour(value: str | tuple[float, ...] | list[float]) -> tuple[float, float, float]:
    """Return the sRGB triple (0..1) of a colour name, ``#rrggbb``/``#rgb`` or ``[r, g, b]`` in 0..1.

    Raises ``ValueError`` with a message that says what is allowed.
    """
    if isinstance(value, str):
        key = _normalise_name(value)
        if key in NAMED_COLOURS:
            hexcode = NAMED_COLOURS[key]
        else:
            m = _HEX.match(value.strip())
            if not m:
                close = difflib.get_close_matches(key, NAMED_COLOURS, n=3, cutoff=0.75)
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise ValueError(
                    f"unknown colour {value!r}{hint}; use a CSS colour name, '#rrggbb' or [r, g, b] in 0..1"
                )
            hexcode = m.group(1)
            if len(hexcode) == 3:
                hexcode = "".join(c * 2 for c in hexcode)
        return tuple(int(hexcode[i : i + 2], 16) / 255.0 for i in (0, 2, 4))  # type: ignore[return-value]
    triple = tuple(float(c) for c in value)
    if len(triple) != 3 or not all(0.0 <= c <= 1.0 for c in triple):
        raise ValueError(f"colour {list(value)} must be three numbers in 0..1")
    return triple  # type: ignore[return-value]


def srgb_to_linear(rgb: np.ndarray | tuple[float, float, float]) -> np.ndarray:
    """Convert sRGB-encoded values in 0..1 to linear light (IEC 61966-2-1)."""
    c = np.asarray(rgb, dtype=np.float64)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(rgb: np.ndarray | tuple[float, float, float]) -> np.ndarray:
    """Linear light (clipped to 0..1) to sRGB-encoded 0..1 (the exact IEC 61966-2-1 curve)."""
    c = np.clip(np.asarray(rgb, dtype=np.float64), 0.0, 1.0)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055)
