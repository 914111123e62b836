"""Command line: a thin typer + rich shell over the public API."""
