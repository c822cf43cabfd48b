"""What the camera sees of each actor, exactly, from the compiled timeline: no rendering.

Every actor is an oriented box per frame (:class:`Boxes`): a rigid actor's is its asset's size × scale,
posed by its heading/pitch/roll; a person's or animal's is fitted around its posed parts (forward
kinematics of the baked joint rotations), so a seated woman is shorter and a raised arm is inside.
:func:`actor_views` projects those boxes through the timeline's camera (position, heading/pitch/roll,
horizontal fov, aspect = resolution width / height) and gives, per frame and actor, the projected
rectangle in normalised frame coordinates (0..1, origin top left, v down), its height as a share of the
frame height (unclipped, so a close-up can exceed 1) and the share of the frame the clipped rectangle
covers. Occlusion by other actors is not taken into account: this is the box, not the silhouette.

Everything is vectorised over frames and actors; the only Python loops are over actors and joints.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from scenes.catalog import asset, model
from scenes.rig import hpr_matrix, joint_matrices

__all__ = ["Boxes", "View", "actor_boxes", "actor_views", "body_part_boxes", "camera_points", "part_matrices",
           "posed_boxes", "project_points"]

NEAR = 0.05  # metres: the near plane boxes are clipped against before projection
_ARMS = ("arm", "hand", "tail")  # parts left out of the slim body box (they swing through things)

# the eight corners of a unit box with its base centred on the origin (x, y in ±0.5, z in 0..1)
_UNIT = np.array([[x, y, z] for z in (0.0, 1.0) for y in (-0.5, 0.5) for x in (-0.5, 0.5)])
_CUBE = _UNIT + np.array([0.5, 0.5, 0.0])  # the same corners of the box spanning 0..1 on every axis
# the twelve edges of that box, as corner index pairs
_EDGES = np.array([(0, 1), (2, 3), (4, 5), (6, 7), (0, 2), (1, 3), (4, 6), (5, 7), (0, 4), (1, 5), (2, 6), (3, 7)])


@dataclass(frozen=True)
class Boxes:
    """Oriented boxes per frame and actor: ``centre`` (F, N, 3), ``axes`` (F, N, 3, 3) whose columns are
    the box's x, y, z directions in the world, and ``half`` extents (F, N, 3) along them (metres)."""

    centre: np.ndarray
    axes: np.ndarray
    half: np.ndarray

    def corners(self) -> np.ndarray:
        """The eight corners (F, N, 8, 3) of every box in world coordinates."""
        signs = _UNIT * 2.0 - np.array([0.0, 0.0, 1.0])  # ±1 on every axis
        local = signs[None, None] * self.half[:, :, None, :]  # (F, N, 8, 3)
        return self.centre[:, :, None, :] + np.einsum("fnij,fnkj->fnki", self.axes, local)

    @property
    def bottom(self) -> np.ndarray:
        """The lowest point of each box (F, N): its base height, tilted or not."""
        return self.centre[..., 2] - np.einsum("fnj,fnj->fn", np.abs(self.axes[:, :, 2, :]), self.half)

    @property
    def top(self) -> np.ndarray:
        """The highest point of each box (F, N)."""
        return self.centre[..., 2] + np.einsum("fnj,fnj->fn", np.abs(self.axes[:, :, 2, :]), self.half)


@dataclass(frozen=True)
class View:
    """The camera's view of every actor per frame.

    ``rect`` (F, N, 4): u0, v0, u1, v1 of the projected box in normalised frame coordinates (0..1 spans
    the frame, origin top left; unclipped, NaN when the box is wholly behind the camera);
    ``height_share`` (F, N): projected height over frame height (unclipped, 0 when behind);
    ``visible_area`` (F, N): the share of the frame the rectangle covers once clipped to the frame
    (0 off screen, behind the camera or hidden).
    """

    rect: np.ndarray
    height_share: np.ndarray
    visible_area: np.ndarray

    @property
    def in_frame(self) -> np.ndarray:
        """(F, N) bool: some of the actor's box is on screen."""
        return self.visible_area > 0.0


@cache
def _part_corners(asset_name: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corners of every joint's parts' local box, stacked: joint index per box (K,), corners (K, 8, 3)
    and whether the box belongs to the slim body (K,) (not arms, hands or tails)."""
    m = model(asset_name)
    joints, corners, body = [], [], []
    for j, joint in enumerate(m.joints):
        verts = m.joint_vertices(j)
        if not verts:
            continue
        pts = np.concatenate(verts).astype(np.float64)
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        joints.append(j)
        corners.append(lo + _CUBE * (hi - lo))
        body.append(not any(word in joint.name for word in _ARMS))
    return np.array(joints), np.stack(corners), np.array(body)


def part_matrices(timeline, i: int) -> np.ndarray:
    """Model-space matrices (F, K, 4, 4) of the joints of an articulated actor that carry parts."""
    actor = timeline.actors[i]
    track = timeline.poses[actor.id]
    joints, _, _ = _part_corners(actor.asset)
    return joint_matrices(model(actor.asset), track.rotations, track.root_offset)[:, joints]


def _posed_points(timeline, i: int, mats: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Corners (F, K·8, 3) of an articulated actor's part boxes in its own frame (scaled, not placed), and
    which of them belong to the slim body (K·8,)."""
    _, corners, body = _part_corners(timeline.actors[i].asset)
    # one (F, 3, 3) @ (3, 8) product per part: far faster than broadcasting tiny matrices
    pts = np.stack([mats[:, k, :3, :3] @ corners[k].T for k in range(len(corners))], 1).swapaxes(2, 3)
    pts = pts + mats[:, :, None, :3, 3]
    f = len(pts)
    return pts.reshape(f, -1, 3) * timeline.scales[:, i, None, :], np.repeat(body, 8)


def body_part_boxes(timeline, i: int, mats: np.ndarray | None = None) -> Boxes:
    """World boxes (F, K, ...) of an articulated actor's body parts (one per joint that carries parts,
    arms, hands and tail left out), posed: what interpenetration is judged with. ``mats`` are its
    :func:`part_matrices`, when already computed."""
    _, corners, body = _part_corners(timeline.actors[i].asset)
    mats = (mats if mats is not None else part_matrices(timeline, i))[:, body]
    corners = corners[body]
    lo, hi = corners[:, 0], corners[:, 7]
    scale = timeline.scales[:, i, None, :]  # (F, 1, 3)
    mid = (mats[..., :3, :3] @ ((lo + hi) / 2.0)[None, :, :, None])[..., 0] + mats[..., :3, 3]
    turn = hpr_matrix(timeline.hpr[:, i])[:, None]  # (F, 1, 3, 3)
    centre = timeline.positions[:, i, None, :] + (turn @ (scale * mid)[..., None])[..., 0]
    half = (hi - lo)[None] / 2.0 * scale.mean(axis=-1, keepdims=True)
    return Boxes(centre, turn @ mats[..., :3, :3], np.broadcast_to(half, centre.shape).copy())


def posed_boxes(timeline, mats: dict[int, np.ndarray] | None = None) -> tuple[Boxes, Boxes]:
    """Every actor's posed oriented box at every frame, and the slim body boxes.

    Rigid actors: asset size × scale, base centred on the position, turned by heading/pitch/roll (both
    boxes the same). People and animals: the box in the actor's own frame around its posed parts; the
    slim box leaves out arms, hands and tail. ``mats`` maps actor indices to their :func:`part_matrices`,
    when already computed.
    """
    f, n = timeline.positions.shape[:2]
    axes = hpr_matrix(timeline.hpr)  # (F, N, 3, 3)
    lo, hi = np.zeros((2, f, n, 3)), np.zeros((2, f, n, 3))
    for i, actor in enumerate(timeline.actors):
        if actor.id in timeline.poses:
            pts, body = _posed_points(timeline, i, mats[i] if mats else part_matrices(timeline, i))
            # coordinates first, points last: numpy reduces over a contiguous last axis ten times faster
            by_axis = np.ascontiguousarray(pts.swapaxes(1, 2))  # (F, 3, P)
            lo[0, :, i], hi[0, :, i] = by_axis.min(axis=2), by_axis.max(axis=2)
            slim = by_axis[:, :, body]
            lo[1, :, i], hi[1, :, i] = slim.min(axis=2), slim.max(axis=2)
        else:
            size = np.asarray(asset(actor.asset).size) * timeline.scales[:, i]
            lo[:, :, i] = size * np.array([-0.5, -0.5, 0.0])
            hi[:, :, i] = size * np.array([0.5, 0.5, 1.0])
    mid = (lo + hi)[..., None] / 2.0  # (2, F, N, 3, 1)
    centre = timeline.positions + (axes[None] @ mid)[..., 0]
    half = (hi - lo) / 2.0
    balls = [i for i, a in enumerate(timeline.actors) if asset(a.asset).traits.round and a.id not in timeline.poses]
    if balls:  # a ball is the same about its centre however it has rolled: its box stays level (a rolled box's
        axes = axes.copy()  # corners dipped into the table it had come to rest on)
        level = timeline.hpr[:, balls] * np.array([1.0, 0.0, 0.0])
        axes[:, balls] = hpr_matrix(level)
    return Boxes(centre[0], axes, half[0]), Boxes(centre[1], axes, half[1])


def actor_boxes(timeline, body: bool = False, mats: dict[int, np.ndarray] | None = None) -> Boxes:
    """Every actor's posed oriented box at every frame (with ``body``, the slim body boxes; see
    :func:`posed_boxes`)."""
    return posed_boxes(timeline, mats)[1 if body else 0]


def camera_points(timeline, points: np.ndarray) -> np.ndarray:
    """World points (F, ..., 3) in each frame's camera coordinates: x right, y forward (depth), z up."""
    rot = hpr_matrix(timeline.camera_hpr)  # (F, 3, 3), columns right, forward, up
    rel = points - timeline.camera_position.reshape((-1,) + (1,) * (points.ndim - 2) + (3,))
    flat = rel.reshape(len(rel), -1, 3)
    return np.einsum("fji,fkj->fki", rot, flat).reshape(points.shape)


def _tangents(timeline) -> tuple[np.ndarray, np.ndarray]:
    """tan(half horizontal fov) and tan(half vertical fov) per frame (F,)."""
    res = timeline.script.resolution
    tx = np.tan(np.radians(timeline.camera_fov) / 2.0)
    return tx, tx * res.height / res.width


def project_points(timeline, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Normalised frame coordinates (F, ..., 2) (u right, v down, 0..1 across the frame) and depths
    (F, ...) of world points; points at or behind the camera get NaN coordinates."""
    cam = camera_points(timeline, points)
    tx, tz = _tangents(timeline)
    shape = (-1,) + (1,) * (points.ndim - 2)
    depth = cam[..., 1]
    safe = np.where(depth > NEAR, depth, np.nan)
    u = 0.5 + cam[..., 0] / (2.0 * safe * tx.reshape(shape))
    v = 0.5 - cam[..., 2] / (2.0 * safe * tz.reshape(shape))
    return np.stack([u, v], -1), depth


def _clipped_box_points(cam: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Corners (F, N, 8, 3) in camera coordinates → the points (F, N, 20, 3) whose projections bound the
    box's image once clipped against the near plane (corners in front, plus edge/near-plane crossings),
    and which of them are valid (F, N, 20)."""
    depth = cam[..., 1]
    a, b = cam[..., _EDGES[:, 0], :], cam[..., _EDGES[:, 1], :]
    da, db = depth[..., _EDGES[:, 0]], depth[..., _EDGES[:, 1]]
    crosses = (da - NEAR) * (db - NEAR) < 0.0
    t = np.where(crosses, (NEAR - da) / np.where(crosses, db - da, 1.0), 0.0)
    cut = a + t[..., None] * (b - a)
    points = np.concatenate([cam, cut], axis=-2)
    valid = np.concatenate([depth >= NEAR, crosses], axis=-1)
    return points, valid


VIEW_WINDOW = 1024  # frames projected at once: the clipped corners take ~9 KB a frame, so a whole hour at once
# would peak at gigabytes; each frame's view depends on that frame alone, so windows give the same arrays


def actor_views(timeline, boxes: Boxes | None = None, actors: list[int] | None = None) -> View:
    """Project every actor's posed box through the camera at every frame (see :class:`View`), in windows of
    :data:`VIEW_WINDOW` frames so memory stays flat in video length. With ``actors`` (indices) only theirs
    are projected (each actor's view is its own: the same figures), every other one's is empty: a NaN
    rectangle, no height and nothing visible."""
    boxes = boxes if boxes is not None else actor_boxes(timeline)
    n = len(timeline.times)
    if n <= VIEW_WINDOW and actors is None:
        return _views(timeline, boxes)
    cols = slice(None) if actors is None else np.asarray(sorted(set(actors)), dtype=np.int64)
    windows = [slice(a, a + VIEW_WINDOW) for a in range(0, n, VIEW_WINDOW)]
    parts = [_views(_FrameWindow(timeline, w, cols), Boxes(boxes.centre[w][:, cols], boxes.axes[w][:, cols],
                                                            boxes.half[w][:, cols])) for w in windows]
    fields = [np.concatenate([getattr(p, f) for p in parts]) for f in ("rect", "height_share", "visible_area")]
    if actors is None:
        return View(*fields)
    everyone = boxes.centre.shape[1]
    full = [np.full((n, everyone, *f.shape[2:]), fill) for f, fill in zip(fields, (np.nan, 0.0, 0.0), strict=True)]
    for whole, part in zip(full, fields, strict=True):
        whole[:, cols] = part
    return View(*full)


class _FrameWindow:
    """The per-frame camera fields of a timeline for a range of frames and some actors (what :func:`_views`
    reads)."""

    def __init__(self, timeline, frames: slice, actors: slice | np.ndarray = slice(None)) -> None:
        self.script = timeline.script
        self.times = timeline.times[frames]
        self.camera_position = timeline.camera_position[frames]
        self.camera_hpr = timeline.camera_hpr[frames]
        self.camera_fov = timeline.camera_fov[frames]
        self.visible = timeline.visible[frames][:, actors]


def _views(timeline, boxes: Boxes) -> View:
    points, valid = _clipped_box_points(camera_points(timeline, boxes.corners()))
    tx, tz = _tangents(timeline)
    depth = np.maximum(points[..., 1], NEAR)
    u = 0.5 + points[..., 0] / (2.0 * depth * tx[:, None, None])
    v = 0.5 - points[..., 2] / (2.0 * depth * tz[:, None, None])
    seen = valid.any(axis=-1)
    with np.errstate(invalid="ignore"):
        rect = np.stack([np.where(valid, u, np.inf).min(-1), np.where(valid, v, np.inf).min(-1),
                         np.where(valid, u, -np.inf).max(-1), np.where(valid, v, -np.inf).max(-1)], -1)
    rect[~seen] = np.nan
    height = np.where(seen, rect[..., 3] - rect[..., 1], 0.0)
    width_in = np.clip(rect[..., 2], 0.0, 1.0) - np.clip(rect[..., 0], 0.0, 1.0)
    height_in = np.clip(rect[..., 3], 0.0, 1.0) - np.clip(rect[..., 1], 0.0, 1.0)
    area = np.where(seen & timeline.visible, np.nan_to_num(width_in * height_in), 0.0)
    return View(rect, height, area)
