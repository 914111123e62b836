"""nianbao: government information-disclosure annual reports → typed records → audited findings.

The public API::

    import nianbao
    record = nianbao.parse("report.txt")        # the canonical record (raises NianbaoError on bad input)
    findings = nianbao.check(record)            # audit findings with codes, Chinese messages and cells
"""

from .core import check, check_file, parse, parse_bytes, parse_file
from .errors import InputError, MissingDependency, NianbaoError

__version__ = "0.1.0"

__all__ = [
    "InputError", "MissingDependency", "NianbaoError", "__version__", "check", "check_file", "parse",
    "parse_bytes", "parse_file",
]
