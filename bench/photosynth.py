"""Phone photos of printed pages, made from a page image (deterministic for a seed): the page pasted on a
darker, textured background, turned and keystoned, optionally curled, lit unevenly, blurred, noisy and
JPEG-compressed. Used by score_photos.py (and to make tests/data/photo).

    photo(page_rgb: np.ndarray, level: str, seed: int) -> JPEG bytes
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from io import BytesIO

import cv2
import numpy as np
from PIL import Image


@dataclass(frozen=True)
class Level:
    margin: tuple[float, float]  # canvas size over page size (width, height)
    keystone: float  # each corner moved by up to this fraction of the page's size
    rotation: float  # degrees, either way
    light: tuple[float, float]  # the darkest side's factor (range); the lit side is 1.0
    blur: float  # Gaussian sigma, pixels
    noise: float  # sensor noise sigma, grey levels
    quality: int  # JPEG
    texture: bool  # a grained background rather than a flat one
    curl: float  # page curl: the middle of each line lifted by this fraction of the page's height


LEVELS = {
    "mild": Level((1.25, 1.20), 0.05, 1.5, (0.65, 0.75), 0.8, 2.0, 80, False, 0.0),
    "moderate": Level((1.30, 1.25), 0.08, 4.0, (0.55, 0.65), 1.2, 4.0, 70, True, 0.0),
    "curl": Level((1.30, 1.25), 0.05, 2.0, (0.60, 0.70), 1.0, 3.0, 75, True, 0.015),
}


def background(h: int, w: int, rng: np.random.Generator, texture: bool) -> np.ndarray:
    """A brown desk: flat, or with wood-like grain and blotches."""
    base = np.array([96, 132, 150], dtype=np.float32) * rng.uniform(0.8, 1.1)  # BGR brown
    img = np.ones((h, w, 3), np.float32) * base
    if texture:
        grain = rng.normal(0, 1, (h // 8 + 1, 1)).astype(np.float32)
        grain = cv2.resize(cv2.GaussianBlur(grain, (1, 0), 2), (w, h), interpolation=cv2.INTER_LINEAR)
        blot = cv2.resize(rng.normal(0, 1, (6, 8)).astype(np.float32), (w, h), interpolation=cv2.INTER_CUBIC)
        img *= (1 + 0.08 * grain + 0.10 * blot)[:, :, None]
    return img


def curl_page(page: np.ndarray, amount: float) -> np.ndarray:
    """Lines bowed upwards in the middle, more towards the right (a page lifting off the binding)."""
    h, w = page.shape[:2]
    xs = np.arange(w, dtype=np.float32)[None, :].repeat(h, 0)
    ys = np.arange(h, dtype=np.float32)[:, None].repeat(w, 1)
    t = xs / w
    lift = amount * h * (np.sin(math.pi * t) * 0.6 + 0.4 * t * t)
    squeeze = 0.01 * w * t * t  # the lifted side seen slightly foreshortened
    return cv2.remap(page, xs + squeeze, ys + lift, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                     borderValue=(255, 255, 255))


def photo(page_rgb: np.ndarray, level: str, seed: int) -> bytes:
    """The page (RGB, uint8) as a phone photo (JPEG bytes)."""
    lv = LEVELS[level]
    rng = np.random.default_rng(seed)
    page = cv2.cvtColor(page_rgb, cv2.COLOR_RGB2BGR).astype(np.float32)
    page *= np.array([0.93, 0.97, 1.0], np.float32)  # paper under a warm lamp is not pure white
    if lv.curl:
        page = curl_page(page, lv.curl)
    ph, pw = page.shape[:2]
    cw, ch = int(pw * lv.margin[0]), int(ph * lv.margin[1])
    canvas = background(ch, cw, rng, lv.texture)
    cx, cy = cw / 2 + rng.uniform(-0.03, 0.03) * cw, ch / 2 + rng.uniform(-0.03, 0.03) * ch
    a = math.radians(rng.uniform(-lv.rotation, lv.rotation))
    src = np.float32([[0, 0], [pw, 0], [pw, ph], [0, ph]])
    dst = []
    for x, y in src:
        dx, dy = x - pw / 2, y - ph / 2
        px = cx + dx * math.cos(a) - dy * math.sin(a) + rng.uniform(-lv.keystone, lv.keystone) * pw
        py = cy + dx * math.sin(a) + dy * math.cos(a) + rng.uniform(-lv.keystone, lv.keystone) * ph
        dst.append([px, py])
    m = cv2.getPerspectiveTransform(src, np.float32(dst))
    warped = cv2.warpPerspective(page, m, (cw, ch), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (cw, ch), flags=cv2.INTER_LINEAR)
    img = canvas * (1 - mask[:, :, None]) + warped * mask[:, :, None]
    # light: one side darker (a random direction), and a soft vignette
    d = rng.uniform(0, 2 * math.pi)
    xs = np.linspace(-1, 1, cw, dtype=np.float32)[None, :]
    ys = np.linspace(-1, 1, ch, dtype=np.float32)[:, None]
    t = (xs * math.cos(d) + ys * math.sin(d) + 1) / 2  # 0 on the dark side, 1 on the lit one
    low = rng.uniform(*lv.light)
    shade = low + (1 - low) * np.clip(t, 0, 1)
    shade *= 1 - 0.12 * (xs * xs + ys * ys) / 2
    img *= shade[:, :, None]
    if lv.blur:
        img = cv2.GaussianBlur(img, (0, 0), lv.blur)
    img += rng.normal(0, lv.noise, img.shape).astype(np.float32)
    img = np.clip(img, 0, 255).astype(np.uint8)
    out = BytesIO()
    Image.fromarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB)).save(out, format="JPEG", quality=lv.quality, dpi=(72, 72))
    return out.getvalue()
