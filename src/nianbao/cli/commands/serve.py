"""nianbao serve: the web workbench; nianbao user add: create a user (the first admin) from the shell."""

from __future__ import annotations

import sys

import typer

from ..output import console, error, exit_on_error
from .ingest import DB_HELP

user_app = typer.Typer(help="工作台用户：nianbao user add 新建用户。", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
    app.add_typer(user_app, name="user")


def serve_cmd(
    db: str = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址（团队使用时可设为 0.0.0.0，并放在 HTTPS 反向代理之后）"),
    port: int = typer.Option(8000, "--port", help="端口"),
) -> None:
    """启动网页工作台（填报、审核、问题清单、汇总、统计）。首个管理员用 nianbao user add 创建。"""
    from ... import web

    with exit_on_error():
        web.require()
        console.print(f"年报工作台：http://{host}:{port}/ （接口文档 /docs；按 Ctrl+C 停止）")
        web.serve(db, host, port)


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="用户名"),
    role: str = typer.Option(..., "--role", help="角色：admin 管理员、reviewer 审核人（地区）、filer 填报人（单位）"),
    unit: str = typer.Option(None, "--unit", help="审核人所辖地区，或填报人所属单位（首次出现时加入单位树）"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="从标准输入读取密码（一行）"),
    db: str = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """新建工作台用户。密码只从标准输入读取，不出现在命令行和历史记录里。"""
    from ... import web

    if not password_stdin:
        error("请用 --password-stdin 从标准输入提供密码，例如：echo \"$PASSWORD\" | nianbao user add 张三 --role admin --password-stdin")
        raise typer.Exit(2)
    password = sys.stdin.readline().rstrip("\r\n")
    with exit_on_error():
        web.add_user(db, name, role, unit, password)
    zh = {"admin": "管理员", "reviewer": "审核人", "filer": "填报人"}[role]
    console.print(f"已新建用户 {name}（{zh}{'，' + unit if unit and role != 'admin' else ''}）")
