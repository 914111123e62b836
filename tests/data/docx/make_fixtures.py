"""Make the DOCX fixtures from r000dense.docx: ``.venv/bin/python tests/data/docx/make_fixtures.py``.

- numbered_textbox.docx: the six section headings lose their typed "一、" and get Word list numbers
  (chineseCounting, "%1、") instead; a text box holding a decoy heading and numbers sits before
  表三 (read once, as text: the table's grid still gives 表三), and a page header says "第 1 页";
  expected record = r000dense's
- textbox_title.docx (from r000.docx): the report's two title lines moved into one floating text box
  (a Word 2010 drawing with its VML fallback copy, as Word writes it); expected record = r000's
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


def _box_paragraphs(lines: list[tuple[str, int]]) -> str:
    return "".join(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="{sz}"/></w:rPr>'
                   f'<w:t>{text}</w:t></w:r></w:p>' for text, sz in lines)


def textbox_title() -> None:
    """One text box in an ordinary report: the title, as Word saves a box (drawing + VML fallback)."""
    with zipfile.ZipFile(HERE / "r000.docx") as z:
        files = {n: z.read(n) for n in z.namelist()}
    doc = files["word/document.xml"].decode("utf-8")
    lines = [("聊城市统计局", 24), ("2021 年政府信息公开工作年度报告", 28)]
    start = doc.index("<w:body>") + len("<w:body>")
    end = doc.index("</w:p>", doc.index(lines[1][0])) + len("</w:p>")
    inner = _box_paragraphs(lines)
    box = ('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
           '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
           'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
           '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
           '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
           '<wp:extent cx="4114800" cy="685800"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
           '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
           '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
           '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4114800" cy="685800"/></a:xfrm>'
           '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="6350"><a:noFill/></a:ln></wps:spPr>'
           f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr rot="0" vert="horz" wrap="square">'
           '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
           'path="m,l,21600r21600,l21600,xe"><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
           '<v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;margin-left:0;'
           'margin-top:0;width:324pt;height:54pt;z-index:251659264;mso-position-horizontal:center;'
           'mso-position-horizontal-relative:margin" filled="f" stroked="f" strokeweight=".5pt">'
           f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox><w10:wrap type="topAndBottom" '
           'anchorx="margin"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    doc = doc[:start] + box + doc[end:]
    files["word/document.xml"] = doc.encode("utf-8")
    write("textbox_title.docx", files)
    expected = json.loads((HERE / "expected" / "r000.docx.json").read_text(encoding="utf-8"))
    (HERE / "expected" / "textbox_title.docx.json").write_text(
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
    textbox_title()
    bad()
