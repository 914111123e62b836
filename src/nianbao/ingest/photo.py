"""Phone photos of printed pages: the page found, its perspective (and a gentle curl) undone, its lighting flattened.

A photo shows the page as a bright quadrilateral on a darker background, keystoned, turned, lit from one
side. ``prepare`` finds the page (the largest bright region, its four corners), maps it onto an upright
rectangle, bends its edges straight when they bow (a page lifting off the binding), and divides by the
paper's own brightness so that the shadowed side reads like the lit one. An image whose page fills the
frame (a scan, a screenshot, a rendered PDF page) is returned untouched: nothing is measured there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

WORK_SIDE = 640  # pixels: the page is found on a reduction (fast; the corners to ~0.5 % of the side)
MIN_AREA = 0.20  # the page covers at least this much of the frame...
MAX_AREA = 0.97  # ...and leaves a visible background (a scan's page fills it)
MIN_CONTRAST = 25  # grey levels between the paper and the background around it
PAGE_SIDE = 2339  # pixels: the page is rectified to A4 at 200 dpi, as a scan is read (a photo in a PDF is rendered
# at whatever size its stated dpi gives; at the photo's own ~150 dpi a dense table's labels merged into one cell)
MIN_BOW = 0.004  # an edge bowing less than this fraction of the page's side is taken as straight


def prepare(gray: np.ndarray) -> tuple[np.ndarray, bool]:
    """The page rectified and evenly lit, and True; or ``gray`` itself and False when it is no photo."""
    corners, mask_small, f = find_page(gray)
    if corners is None or mask_small is None:
        return gray, False
    page = flatten_light(rectify(gray, corners, mask_small, f))
    return sharpen(page), True


def find_page(gray: np.ndarray) -> tuple[np.ndarray | None, np.ndarray | None, float]:
    """The page's corners (TL, TR, BR, BL, full-resolution pixels) when the image is a photo of a page on a
    darker background; the page's mask on the reduction and the reduction's factor."""
    import cv2
    import numpy as np

    f = min(1.0, WORK_SIDE / max(gray.shape[:2]))
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray.copy()
    h, w = small.shape
    # the text erased (a closing wider than a stroke), so the paper is one bright region
    k = max(5, round(min(h, w) / 60)) | 1
    paper = cv2.morphologyEx(cv2.GaussianBlur(small, (5, 5), 0), cv2.MORPH_CLOSE,
                             cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    mask = paper_mask(paper)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=4)
    if n < 2:
        return None, None, f
    big = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    region = (labels == big).astype(np.uint8) * 255
    # holes (a dark photo or a black box printed on the page) belong to the page
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    outline = max(contours, key=cv2.contourArea)
    region = cv2.drawContours(np.zeros_like(region), [outline], -1, 255, cv2.FILLED)
    area = cv2.contourArea(outline) / (h * w)
    if not MIN_AREA <= area <= MAX_AREA:
        return None, None, f
    quad = corners_of(outline.reshape(-1, 2).astype(np.float64))
    if quad is None:
        return None, None, f
    # the page and the background must differ: a scan's white margin against a grey scanner lid does too,
    # but then the page fills the frame (MAX_AREA)
    inside = np.median(small[region > 0])
    outside = np.median(small[region == 0])
    if inside - outside < MIN_CONTRAST:
        return None, None, f
    # a region that is not a quadrilateral (a dark photo printed at the page's edge bites into it) is no page
    if cv2.contourArea(quad.astype(np.float32)) < 0.93 * cv2.contourArea(outline):
        return None, None, f
    return quad / f, region, f


def paper_mask(paper: np.ndarray) -> np.ndarray:
    """The bright paper (255) against the desk (0) under uneven light: split by Otsu, then twice more after
    dividing by the light fitted over the paper found so far (a quadratic surface), so that the shadowed
    side of the page, darker than the lit desk, is still paper."""
    import cv2
    import numpy as np

    h, w = paper.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    xx, yy = xx / w - 0.5, yy / h - 0.5
    terms = np.stack([np.ones_like(xx), xx, yy, xx * xx, xx * yy, yy * yy], axis=-1).reshape(-1, 6)
    level = paper.astype(np.float64)
    for _ in range(3):
        img = np.clip(level / level.max() * 255, 0, 255).astype(np.uint8)
        _, mask = cv2.threshold(img, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        sel = mask.reshape(-1) > 0
        if sel.sum() < 100:
            break
        every = max(1, int(sel.sum()) // 20000)
        idx = np.flatnonzero(sel)[::every]
        coef, *_ = np.linalg.lstsq(terms[idx], np.log(paper.reshape(-1)[idx].astype(np.float64) + 1), rcond=None)
        light = np.exp(terms @ coef).reshape(h, w)
        level = paper / np.maximum(light, 1.0)
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))


def corners_of(points: np.ndarray) -> np.ndarray | None:
    """TL, TR, BR, BL of a page's outline: its convex hull simplified until four corners are left (a strong
    keystone moves a corner off the diagonal extremes); None when no four-cornered shape fits."""
    import cv2
    import numpy as np

    hull = cv2.convexHull(points.astype(np.float32))
    size = cv2.arcLength(hull, True)
    quad = None
    for eps in (0.005, 0.01, 0.02, 0.03, 0.05):
        approx = cv2.approxPolyDP(hull, eps * size, True)
        if len(approx) == 4:
            quad = approx.reshape(4, 2).astype(np.float64)
            break
    if quad is None:
        return None
    centre = quad.mean(axis=0)
    quad = quad[np.argsort(np.arctan2(quad[:, 1] - centre[1], quad[:, 0] - centre[0]))]  # clockwise on screen
    quad = np.roll(quad, -int(np.argmin(quad.sum(axis=1))), axis=0)  # from the top left
    sides = [np.hypot(*(quad[(i + 1) % 4] - quad[i])) for i in range(4)]
    if min(sides) < 0.2 * max(sides):
        return None
    return quad


def rectify(gray: np.ndarray, corners: np.ndarray, mask_small: np.ndarray, f: float) -> np.ndarray:
    """The page mapped onto an upright rectangle (its size the mean of opposite sides); when its edges still
    bow after that (a curl), each column and row is bent back between the straightened edges."""
    import cv2
    import numpy as np

    tl, tr, br, bl = corners
    across = (np.hypot(*(tr - tl)) + np.hypot(*(br - bl))) / 2
    down = (np.hypot(*(bl - tl)) + np.hypot(*(br - tr))) / 2
    zoom = PAGE_SIDE / max(across, down)
    w, h = int(round(across * zoom)), int(round(down * zoom))
    target = np.array([[0, 0], [w - 1, 0], [w - 1, h - 1], [0, h - 1]], dtype=np.float32)
    m = cv2.getPerspectiveTransform(corners.astype(np.float32), target)
    map_x, map_y = bowed_edges(mask_small, m, f, w, h)
    if map_x is None:
        return cv2.warpPerspective(gray, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)
    return cv2.remap(gray, map_x, map_y, cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def bowed_edges(mask_small: np.ndarray, m: np.ndarray, f: float, w: int, h: int
                ) -> tuple[np.ndarray | None, np.ndarray | None]:
    """Maps (rectangle → photo pixels) that straighten a curled page: the page's top and bottom edges, seen
    in the rectified frame, fitted as curves, and every column moved by the curves' offsets interpolated
    between them (the lines of a curled page bow as its edges do). None when the edges are straight."""
    import cv2
    import numpy as np

    contours, _ = cv2.findContours(mask_small, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    pts = max(contours, key=cv2.contourArea).reshape(-1, 1, 2).astype(np.float32) / f
    flat = cv2.perspectiveTransform(pts, m).reshape(-1, 2)
    x, y = flat[:, 0], flat[:, 1]
    inner = (x > 0.05 * w) & (x < 0.95 * w)  # the corners' rounding is no bow
    top = inner & (y < h / 2)
    bottom = inner & (y >= h / 2)
    if top.sum() < 20 or bottom.sum() < 20:
        return None, None
    u = np.linspace(0, 1, w, dtype=np.float64)
    curves = []
    for sel, edge in ((top, 0.0), (bottom, h - 1.0)):
        c = np.polyfit(x[sel] / w, y[sel] - edge, 3)
        off = np.polyval(c, u)
        off -= off[0] + (off[-1] - off[0]) * u  # the corners stay where the perspective put them
        curves.append(off)
    if max(np.abs(curves[0]).max(), np.abs(curves[1]).max()) < MIN_BOW * h:
        return None, None
    v = np.linspace(0, 1, h, dtype=np.float64)[:, None]
    ys = np.arange(h, dtype=np.float64)[:, None] + (1 - v) * curves[0][None, :] + v * curves[1][None, :]
    xs = np.broadcast_to(np.arange(w, dtype=np.float64)[None, :], (h, w))
    flat_pts = np.stack([xs, ys], axis=-1).reshape(-1, 1, 2).astype(np.float32)
    src = cv2.perspectiveTransform(flat_pts, np.linalg.inv(m)).reshape(h, w, 2)
    return src[:, :, 0].copy(), src[:, :, 1].copy()


def flatten_light(page: np.ndarray) -> np.ndarray:
    """The page divided by its paper's brightness (the text closed away on a reduction, then smoothed), so
    a shadowed side is as white as the lit one and ink as dark."""
    import cv2
    import numpy as np

    h, w = page.shape[:2]
    f = min(1.0, 400 / max(h, w))
    small = cv2.resize(page, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    k = max(7, round(max(small.shape) / 40)) | 1
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, k)))
    paper = cv2.GaussianBlur(paper, (0, 0), k / 2)
    paper = cv2.resize(paper, (w, h), interpolation=cv2.INTER_LINEAR).astype(np.float32)
    out = page.astype(np.float32) * 255.0 / np.maximum(paper, 1.0)
    return np.clip(out, 0, 255).astype(np.uint8)


def sharpen(page: np.ndarray) -> np.ndarray:
    """An unsharp mask, and the page's outermost band made white: a photo's blur (and the upsampling to
    200 dpi) left the table's thin rules too faint to be found whole (r000dense moderate: its label column
    read as one cell), and the corners found to a few pixels leave a sliver of desk along the edges."""
    import cv2
    import numpy as np

    soft = cv2.GaussianBlur(page, (0, 0), 2.0)
    out = cv2.addWeighted(page, 2.0, soft, -1.0, 0)
    band = max(3, round(0.006 * max(page.shape[:2])))
    out[:band, :] = 255
    out[-band:, :] = 255
    out[:, :band] = 255
    out[:, -band:] = 255
    return np.asarray(out, dtype=np.uint8)
