#!/usr/bin/env python3
"""Renders every icon file from the two drawings in assets/.

    python3 packaging/icons.py

Needs rsvg-convert (Debian/Ubuntu: `apt-get install librsvg2-bin`) and Pillow
(`pip install Pillow`). The outputs are committed, so building the app or an installer
never needs these tools; run this only after changing assets/icon.svg or icon-small.svg.

- assets/icon-small.svg: the 16 px grid drawing, used for 16, 24 and 32 px.
- assets/icon.svg: the full drawing, used from 48 px up.
"""

import io
import subprocess
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"
SMALL = 32  # the largest size drawn from icon-small.svg

PNG_SIZES = [16, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
ICNS_SIZES = [32, 64, 128, 256, 512, 1024]


def render(size: int) -> Image.Image:
    source = ASSETS / ("icon-small.svg" if size <= SMALL else "icon.svg")
    png = subprocess.run(
        ["rsvg-convert", "-w", str(size), "-h", str(size), str(source)],
        check=True,
        capture_output=True,
    ).stdout
    image = Image.open(io.BytesIO(png)).convert("RGBA")
    assert image.size == (size, size), (source, image.size)
    return image


def main() -> None:
    images = {size: render(size) for size in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))}

    for size in PNG_SIZES:
        images[size].save(ASSETS / f"icon-{size}.png", optimize=True)

    ico = [images[size] for size in ICO_SIZES]
    ico[-1].save(
        ROOT / "packaging/windows/ngayhoi.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=ico[:-1],
    )

    icns = [images[size] for size in ICNS_SIZES]
    icns[-1].save(ROOT / "packaging/macos/ngayhoi.icns", append_images=icns[:-1])

    for path in sorted(ASSETS.glob("icon-*.png")) + [
        ROOT / "packaging/windows/ngayhoi.ico",
        ROOT / "packaging/macos/ngayhoi.icns",
    ]:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
