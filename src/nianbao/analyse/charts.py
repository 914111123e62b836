"""Charts of the statistics as PNG and SVG, labelled in Chinese (matplotlib with a CJK font)."""

from __future__ import annotations

from pathlib import Path

from ..errors import MissingDependency
from ..format import Format
from .stats import Stats

FONT_FILES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
)


def _pyplot():
    try:
        import matplotlib
    except ImportError as e:
        raise MissingDependency("画图需要 matplotlib（pip install 'nianbao[analytics]'）") from e
    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    for f in FONT_FILES:
        if Path(f).exists():
            font_manager.fontManager.addfont(f)
            name = font_manager.FontProperties(fname=f).get_name()
            plt.rcParams["font.family"] = [name]
            plt.rcParams["axes.unicode_minus"] = False
            plt.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG
            return plt
    raise MissingDependency("画图需要中文字体：请安装 fonts-noto-cjk（make sysdeps）")


def _save(plt, fig, out: Path, stem: str) -> list[Path]:
    paths = []
    for ext in ("png", "svg"):
        p = out / f"{stem}.{ext}"
        fig.savefig(p, dpi=150, bbox_inches="tight")
        paths.append(p)
    plt.close(fig)
    return paths


def charts(st: Stats, out: str | Path) -> list[Path]:
    """Write the charts of ``st`` (grouped by year) into ``out``; returns the files written."""
    plt = _pyplot()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    groups = [g for g in st.groups if g.key.get("year") is not None] if "year" in st.by else st.groups
    labels = ["·".join(str(v) for v in g.key.values() if v is not None) or "全部" for g in groups]
    written: list[Path] = []

    fig, ax = plt.subplots(figsize=(7, 4))
    bars = ax.bar(labels, [g.received for g in groups], color="#3b6ea5")
    for b, g in zip(bars, groups, strict=True):
        note = f"{g.received:.0f}" + (f"\n{g.yoy:+.0%}" if g.yoy is not None else "")
        ax.annotate(note, (b.get_x() + b.get_width() / 2, b.get_height()), ha="center", va="bottom", fontsize=8)
    ax.set_title("收到政府信息公开申请数量（本年新收）")
    ax.set_ylabel("件")
    ax.margins(y=0.2)
    written += _save(plt, fig, out, "申请数量")

    fig, ax = plt.subplots(figsize=(7, 4))
    bottom = [0.0] * len(groups)
    for grp in Format.OUTCOME_GROUPS:
        vals = [(g.outcomes.get(grp.key) or 0) * 100 for g in groups]
        ax.bar(labels, vals, bottom=bottom, label=grp.label)
        bottom = [a + b for a, b in zip(bottom, vals, strict=True)]
    ax.set_title("办理结果构成（占办理结果总计的百分比）")
    ax.set_ylabel("%")
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1, 0.5))
    written += _save(plt, fig, out, "办理结果构成")

    top = st.top_findings(10)
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.barh([f"{code} {st.names.get(code, '')}" for code, _ in reversed(top)], [n for _, n in reversed(top)],
            color="#c0504d")
    ax.set_title("最常见的审核问题（条数）")
    ax.set_xlabel("条")
    written += _save(plt, fig, out, "常见问题")
    return written
