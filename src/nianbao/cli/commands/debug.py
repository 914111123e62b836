"""nianbao debug FILE -o OUT.html: the document with every extracted cell and finding marked."""

from __future__ import annotations

from pathlib import Path

import typer

from nianbao import debug_html

from ..output import console, exit_on_error, write_or_exit


def register(app: typer.Typer) -> None:
    app.command("debug")(debug_cmd)


def debug_cmd(
    file: Path = typer.Argument(..., help="报告文件：pdf、扫描件、html、docx、txt 等"),
    out: Path = typer.Option(None, "-o", "--output", help="输出的 HTML 文件（默认：与输入同名的 .debug.html）"),
) -> None:
    """生成调试页面：页面图像上标出每个提取到的单元格（记录键）和审核发现的问题。"""
    target = out or file.with_name(file.name + ".debug.html")
    with exit_on_error():
        page = debug_html(file)
    write_or_exit(target, page)
    console.print(f"已生成调试页面：{target}（{len(page) // 1024} KB）")
