"""Make the DOCX fixtures from r000dense.docx: ``.venv/bin/python tests/data/docx/make_fixtures.py``.

- numbered_textbox.docx: the six section headings lose their typed "一、" and get Word list numbers
  (chineseCounting, "%1、") instead; a text box holding a decoy heading and numbers sits before
  表三 (read once, as text: the table's grid still gives 表三), and a page header says "第 1 页";
  expected record = r000dense's
- not_docx.docx: a zip of something else (a text file and a picture) named .docx
- truncated.docx: the first half of r000dense.docx
- broken_xml.docx: word/document.xml cut in the middle
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).parent
BASE = HERE / "r000dense.docx"
HEADINGS = ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项")
NUM_ID = "77"
ABSTRACT = (f'<w:abstractNum w:abstractNumId="{NUM_ID}"><w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>'
            '<w:lvlJc w:val="left"/></w:lvl></w:abstractNum>')
NUM = f'<w:num w:numId="{NUM_ID}"><w:abstractNumId w:val="{NUM_ID}"/></w:num>'
TEXTBOX = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx>'
           '<w:txbxContent><w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>'
           '<w:p><w:r><w:t>一、本年新收政府信息公开申请数量</w:t></w:r><w:r><w:tab/><w:t>999</w:t></w:r></w:p>'
           '</w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>一、本年新收政府信息公开申请数量 999'
           '</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'
           '</w:r></w:p>')
HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr '
          'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>第 1 页 999</w:t>'
          '</w:r></w:p></w:hdr>')


def parts() -> dict[str, bytes]:
    with zipfile.ZipFile(BASE) as z:
        return {n: z.read(n) for n in z.namelist()}


def write(name: str, files: dict[str, bytes]) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in files.items():
            z.writestr(n, data)
    (HERE / name).write_bytes(buf.getvalue())


def numbered_textbox() -> None:
    files = parts()
    doc = files["word/document.xml"].decode("utf-8")
    for h in HEADINGS:
        pat = re.compile(r"<w:p>(<w:pPr>(?:(?!</w:pPr>).)*</w:pPr>)?(<w:r>(?:(?!</w:r>).)*?<w:t>)" + re.escape(h))
        m = pat.search(doc)
        assert m, h
        ppr = m.group(1) or "<w:pPr></w:pPr>"
        ppr = ppr.replace("<w:pPr>", f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{NUM_ID}"/></w:numPr>', 1)
        doc = doc[:m.start()] + "<w:p>" + ppr + m.group(2) + h[2:] + doc[m.end():]
    i = doc.index("<w:p>", doc.index("收到和处理政府信息公开申请情况") - 400)
    doc = doc[:i] + TEXTBOX + doc[i:]
    for ns, uri in (("wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"),
                    ("v", "urn:schemas-microsoft-com:vml"),
                    ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
                    ("mc", "http://schemas.openxmlformats.org/markup-compatibility/2006")):
        if f"xmlns:{ns}=" not in doc[:3000]:
            doc = doc.replace("<w:document ", f'<w:document xmlns:{ns}="{uri}" ', 1)
    files["word/document.xml"] = doc.encode("utf-8")
    num = files["word/numbering.xml"].decode("utf-8")
    first_num = num.index("<w:num ")
    num = num[:first_num] + ABSTRACT + num[first_num:]
    num = num.replace("</w:numbering>", NUM + "</w:numbering>")
    files["word/numbering.xml"] = num.encode("utf-8")
    files["word/header1.xml"] = HEADER.encode("utf-8")
    write("numbered_textbox.docx", files)
    expected = json.loads((HERE / "expected" / "r000dense.docx.json").read_text(encoding="utf-8"))
    (HERE / "expected" / "numbered_textbox.docx.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def bad() -> None:
    write("not_docx.docx", {"readme.txt": "这是一个压缩包，不是 Word 文档。".encode(), "a.png": b"\x89PNG\r\n\x1a\n" + bytes(64)})
    data = BASE.read_bytes()
    (HERE / "truncated.docx").write_bytes(data[: len(data) // 2])
    files = parts()
    xml = files["word/document.xml"]
    files["word/document.xml"] = xml[: len(xml) // 2]
    write("broken_xml.docx", files)


if __name__ == "__main__":
    numbered_textbox()
    bad()
