"""OpenCV's Viola-Jones face detector, re-implemented in numpy for the face tests.

OpenCV 5 dropped ``CascadeClassifier`` from its Python wheel, but the issue's bar is "OpenCV's bundled
frontal-face Haar cascade finds the face": so the cascade file from the opencv-python 4.x wheel
(tests/data/haarcascade_frontalface_default.xml.gz, Intel License Agreement, BSD-3-Clause style, header kept)
is evaluated here exactly as ``cascadedetect.cpp`` does: image pyramid, 24×24 windows, variance-normalised
Haar features over integral images, stump stages, then ``groupRectangles``.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np

CASCADE = Path(__file__).parent / "data" / "haarcascade_frontalface_default.xml.gz"


@dataclass(frozen=True)
class Stage:
    threshold: float
    features: np.ndarray  # (K,) feature index per stump
    cuts: np.ndarray  # (K,) stump thresholds
    leaves: np.ndarray  # (K, 2) left/right values


@cache
def cascade() -> tuple[tuple[Stage, ...], np.ndarray, np.ndarray, int]:
    """Stages, rects (F, 3, 4: x y w h), rect weights (F, 3) and the window size of the cascade file."""
    root = ET.fromstring(gzip.decompress(CASCADE.read_bytes())).find("cascade")
    size = int(root.findtext("width"))
    stages = []
    for st in root.find("stages"):
        nodes = [w.findtext("internalNodes").split() for w in st.find("weakClassifiers")]
        leaves = [[float(x) for x in w.findtext("leafValues").split()] for w in st.find("weakClassifiers")]
        stages.append(Stage(float(st.findtext("stageThreshold")), np.array([int(n[2]) for n in nodes]),
                            np.array([float(n[3]) for n in nodes]), np.array(leaves)))
    feats = root.find("features")
    rects = np.zeros((len(feats), 3, 4), np.int64)
    weights = np.zeros((len(feats), 3))
    for i, f in enumerate(feats):
        for k, r in enumerate(f.find("rects")):
            *xywh, w = r.text.split()
            rects[i, k] = [int(float(v)) for v in xywh]
            weights[i, k] = float(w)
    return tuple(stages), rects, weights, size


def _windows(gray: np.ndarray, step: int) -> list[tuple[int, int]]:
    """Window corners (N, 2: y, x) in ``gray`` that pass every stage."""
    stages, rects, weights, n = cascade()
    ii = cv2.integral(gray.astype(np.float64))
    sq = cv2.integral(gray.astype(np.float64) ** 2)
    ys, xs = np.mgrid[0:gray.shape[0] - n + 1:step, 0:gray.shape[1] - n + 1:step]
    y, x = ys.ravel(), xs.ravel()

    def box(img, y0, x0, h, w):
        return img[y0 + h, x0 + w] - img[y0, x0 + w] - img[y0 + h, x0] + img[y0, x0]

    area = (n - 2) ** 2  # OpenCV normalises over the window shrunk by one pixel
    s, s2 = box(ii, y + 1, x + 1, n - 2, n - 2), box(sq, y + 1, x + 1, n - 2, n - 2)
    nf = area * s2 - s * s
    nf = np.where(nf > 0, np.sqrt(np.maximum(nf, 0)), 1.0)
    for st in stages:
        r = rects[st.features]  # (K, 3, 4)
        yy = y[:, None, None] + r[None, :, :, 1]
        xx = x[:, None, None] + r[None, :, :, 0]
        sums = box(ii, yy, xx, r[None, :, :, 3], r[None, :, :, 2])  # (N, K, 3)
        val = (sums * weights[st.features][None]).sum(axis=2) / nf[:, None]
        score = np.where(val < st.cuts[None], st.leaves[None, :, 0], st.leaves[None, :, 1]).sum(axis=1)
        keep = score >= st.threshold
        y, x, nf = y[keep], x[keep], nf[keep]
        if not len(y):
            break
    return list(zip(y.tolist(), x.tolist(), strict=True))


def _group(rects: list[tuple[int, int, int, int]], min_neighbors: int, eps: float = 0.2) -> list[tuple]:
    """OpenCV's ``groupRectangles``: cluster similar rectangles, keep clusters of more than ``min_neighbors``."""
    label = list(range(len(rects)))

    def find(i):
        while label[i] != i:
            label[i] = label[label[i]]
            i = label[i]
        return i

    for i, a in enumerate(rects):
        for j in range(i):
            b = rects[j]
            d = eps * (min(a[2], b[2]) + min(a[3], b[3])) * 0.5
            if (abs(a[0] - b[0]) <= d and abs(a[1] - b[1]) <= d and abs(a[0] + a[2] - b[0] - b[2]) <= d
                    and abs(a[1] + a[3] - b[1] - b[3]) <= d):
                label[find(i)] = find(j)
    clusters: dict[int, list] = {}
    for i, r in enumerate(rects):
        clusters.setdefault(find(i), []).append(r)
    return [tuple(np.mean(c, axis=0).round().astype(int)) for c in clusters.values() if len(c) > min_neighbors]


def detect_faces(gray: np.ndarray, scale_factor: float = 1.1, min_neighbors: int = 3, min_size: int = 0) -> list[tuple]:
    """Faces (x, y, w, h) in an 8-bit grey image, as ``CascadeClassifier.detectMultiScale`` finds them
    (``min_size``: smallest face side in pixels, as its ``minSize``)."""
    n = cascade()[3]
    found = []
    factor = 1.0
    while gray.shape[0] / factor >= n and gray.shape[1] / factor >= n:
        if n * factor < min_size:
            factor *= scale_factor
            continue
        small = cv2.resize(gray, (round(gray.shape[1] / factor), round(gray.shape[0] / factor)),
                           interpolation=cv2.INTER_LINEAR)
        for y, x in _windows(small, 1 if factor > 2 else 2):
            found.append((round(x * factor), round(y * factor), round(n * factor), round(n * factor)))
        factor *= scale_factor
    return _group(found, min_neighbors)
