"""Colour maths for the palette tests: colour-blindness simulation and CIEDE2000.

Plain Python, no dependencies. A colour is a "#rrggbb" string (sRGB, D65).

* :func:`simulate` applies the Machado, Oliveira & Fernandes (2009) matrices
  for dichromats (severity 1.0) in linear RGB, as their paper does.
* :func:`delta_e` is the CIEDE2000 difference (Sharma, Wu & Dalal 2005) of
  two colours in CIELAB; 1 is about the smallest difference anyone notices.
"""

from __future__ import annotations

import math

Matrix = tuple[tuple[float, float, float], ...]

#: Machado et al. (2009), severity 1.0, for linear sRGB.
MACHADO: dict[str, Matrix] = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
#: The visions the tests check: normal, then the three dichromacies.
VISIONS = ("normal", *MACHADO)

# sRGB (D65) to CIE XYZ, and the D65 white point.
_RGB_TO_XYZ: Matrix = ((0.4124564, 0.3575761, 0.1804375),
                       (0.2126729, 0.7151522, 0.0721750),
                       (0.0193339, 0.1191920, 0.9503041))
_WHITE = (0.95047, 1.0, 1.08883)

Linear = tuple[float, float, float]
Lab = tuple[float, float, float]


def _mul(m: Matrix, v: Linear) -> Linear:
    return (m[0][0] * v[0] + m[0][1] * v[1] + m[0][2] * v[2],
            m[1][0] * v[0] + m[1][1] * v[1] + m[1][2] * v[2],
            m[2][0] * v[0] + m[2][1] * v[1] + m[2][2] * v[2])


def linear_rgb(hex_colour: str) -> Linear:
    """A "#rrggbb" colour as linear RGB in 0..1."""
    h = hex_colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"not a #rrggbb colour: {hex_colour!r}")

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(h[i:i + 2], 16) / 255) for i in (0, 2, 4))
    return (r, g, b)


def simulate(hex_colour: str, vision: str) -> Linear:
    """Linear RGB of the colour as seen with ``vision`` (one of :data:`VISIONS`).

    The result is clipped to the displayable range, as a screen would show it.
    """
    rgb = linear_rgb(hex_colour)
    if vision == "normal":
        return rgb
    r, g, b = _mul(MACHADO[vision], rgb)
    return (min(max(r, 0.0), 1.0), min(max(g, 0.0), 1.0), min(max(b, 0.0), 1.0))


def lab(rgb: Linear) -> Lab:
    """CIELAB (D65) of a linear RGB colour."""
    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    x, y, z = (c / w for c, w in zip(_mul(_RGB_TO_XYZ, rgb), _WHITE, strict=True))
    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def ciede2000(lab1: Lab, lab2: Lab) -> float:
    """The CIEDE2000 colour difference (kL = kC = kH = 1)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0

    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    else:
        dh = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    d_big_h = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))

    l_bar = (l1 + l2) / 2
    cp_bar = (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_bar - 30))
         + 0.24 * math.cos(math.radians(2 * hp_bar))
         + 0.32 * math.cos(math.radians(3 * hp_bar + 6))
         - 0.20 * math.cos(math.radians(4 * hp_bar - 63)))
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    s_c = 1 + 0.045 * cp_bar
    s_h = 1 + 0.015 * cp_bar * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (d_big_h / s_h) ** 2
                     + r_t * (dc / s_c) * (d_big_h / s_h))


def delta_e(colour1: str, colour2: str, vision: str = "normal") -> float:
    """CIEDE2000 difference of two "#rrggbb" colours as seen with ``vision``."""
    return ciede2000(lab(simulate(colour1, vision)), lab(simulate(colour2, vision)))
