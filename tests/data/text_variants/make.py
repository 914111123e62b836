"""How the text-variant fixtures were made from the seeds (kept for the record; rerun by hand).

    .venv/bin/python tests/data/text_variants/make.py

Each variant imitates a mess seen in converted reports; each has its expected record in expected/.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
SEEDS = HERE.parent / "text"
EXP = HERE.parent / "text" / "expected"
OUT_EXP = HERE / "expected"


def seed(prefix):
    p = next(SEEDS.glob(f"{prefix}_*.txt"))
    return p.read_text(encoding="utf-8"), json.loads((EXP / f"{p.stem}.json").read_text(encoding="utf-8"))


def write(name, data: bytes, expected):
    (HERE / name).write_bytes(data)
    OUT_EXP.mkdir(exist_ok=True)
    (OUT_EXP / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def markdown_tables(text):
    """Tab rows → markdown pipe rows (as PDF-to-markdown converters write them)."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            out.append("| " + " | ".join(cells) + " |")
            if cells and cells[0].startswith("第二十条"):
                out.append("|" + "---|" * len(cells))
        else:
            out.append(line)
    return "\n".join(out)


def ocr_typos(text):
    """Misreadings an OCR engine makes in labels and digits."""
    subs = [("其他法律行政法规禁止公开", "其他法律行政止公开"), ("属于国家秘密", "属于国家秘蜜"),
            ("(一) 予以公开", "(一) 予以公幵"), ("本年新收政府信息公开申请数", "本年新收政府信息公开申清数"),
            ("2. 重复申请\t1", "2. 重复申靖\t1"), ("行政处罚\t16", "行政处罚\t1６"),
            ("保护第三方合法权益", "保护第三方合法杈益")]
    for a, b in subs:
        assert a in text, a
        text = text.replace(a, b, 1)
    return text


def ocr_expected(expected):
    """A text that shows OCR misreads keeps only what the format's arithmetic confirms (extract/noise.py):
    表三 and 表四 add up and stay; 表二 has no sums, but its rows read cleanly (label and numbers alone on
    their line; 1６ is a digit) in a reading whose 表三/表四 sums all hold, so they stay (noisy_rows.py);
    of the narrative's counts only the one 表三 confirms (收到申请 14 件) stays."""
    out = json.loads(json.dumps(expected))
    for key, v in list(out.get("narrative", {}).items()):
        if isinstance(v, (int, float)) and not isinstance(v, bool) and key != "requests_received":
            del out["narrative"][key]
    return out


def one_cell_per_line(text):
    """Every tab cell on a line of its own, no blank lines between rows (a crude HTML-to-text)."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            out.extend(c.strip() for c in line.split("\t") if c.strip())
        else:
            out.append(line)
    return "\n".join(out)


def main():
    t0, e0 = seed("000")
    write("000_ocr_typos.txt", ocr_typos(t0).encode("utf-8"), ocr_expected(e0))
    t1, e1 = seed("001")
    write("001_markdown.md", markdown_tables(t1).encode("utf-8"), e1)
    t4, e4 = seed("004")
    write("004_gbk_crlf.txt", t4.replace("\n", "\r\n").encode("gb18030"), e4)
    write("004_bom.txt", b"\xef\xbb\xbf" + t4.encode("utf-8"), e4)
    t2, e2 = seed("002")
    write("002_one_cell_per_line.txt", one_cell_per_line(t2).encode("utf-8"), e2)


if __name__ == "__main__":
    main()


# 000_repeated_merged_cells.md: seed 000 with 表三 as a PDF-to-markdown converter writes it, every
# merged cell repeated in each row it covers ("| 三、本年度办理结果 | （六）其他处理 | 3.其他 | 0 | …").
# It was written from the expected record with the format's row labels (see the test's docstring).

# r*_pdftotext_layout*.txt and r*_pdftotext_raw.txt: `pdftotext -layout` and `pdftotext -raw` (poppler 22)
# of shared/research/samples/r000.pdf, r001.pdf and r000dense.pdf; expected records are the samples'.
# huaian2024_pdftotext_layout.txt: `pdftotext -layout` of shared/corpus/huaian2024.pdf (a real WPS-exported PDF).
# huaian2024_pdftotext_raw.txt: `pdftotext -raw` of the same PDF (表四 header broken one glyph per line).
