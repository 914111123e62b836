"""Every limit on what a document may make nianbao do, in one place, each with its reason.

A report is a few pages with four small tables: anything a file asks for beyond these bounds is a
damaged or hostile file, not a report. Readers check a size the document states (a span, a page
count, a member's size, an image's pixels) against these limits BEFORE they allocate for it, and
refuse with an ``InputError`` naming the file and the part. A number outside its range is not read
as a number: the cell is null and the record says so (finding L-04 数值超出范围无法读取).

This module is the foundation: it imports nothing of nianbao, so every stage may use it.
"""

from __future__ import annotations

import re

# ---- files and archives -------------------------------------------------------------------------
# The largest real reports (a scanned PDF of 40 pages) are ~30 MB; a bigger file is not one report.
MAX_FILE_BYTES = 60 * 1024 * 1024
# One XML part of an office file, uncompressed. A 200-page DOCX body is ~5 MB; 64 MB leaves room for
# embedded styles while keeping a zip bomb out of memory.
MAX_PART_BYTES = 64 * 1024 * 1024
# Everything read out of one document's zip (DOCX / XLSX / OFD parts), uncompressed.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
# Compression ratio of one member. Office XML deflates ~10:1, very repetitive XML ~100:1; a bomb 1000:1.
# Checked only for members larger than ``RATIO_FLOOR_BYTES`` (a tiny part may compress any way).
MAX_RATIO = 200
RATIO_FLOOR_BYTES = 1024 * 1024
# Parts in one document's zip. A DOCX has ~20, an OFD one content part per page plus resources.
MAX_DOC_MEMBERS = 5000
# Members of one .zip archive given to batch ingest: a year of a province's reports is ~3 000.
MAX_ARCHIVE_MEMBERS = 20000
# One member of a batch archive, uncompressed: the same bound as a file given directly.
MAX_MEMBER_BYTES = MAX_FILE_BYTES
# Zip compression methods the standard library reads (stored, deflate, bzip2, lzma).
ZIP_METHODS = frozenset({0, 8, 12, 14})

# ---- pages, pixels, tables ----------------------------------------------------------------------
# An annual report has 3–40 pages; more is another kind of document (a yearbook, a gazette).
MAX_PDF_PAGES = 120
MAX_OFD_PAGES = 200
# OCR costs 1–3 s a page: the time a scan may take.
MAX_SCAN_PAGES = 40
# Text runs of one OFD page / characters of one PDF page: a dense A4 page has ~3 000 characters.
MAX_RUNS_PER_PAGE = 20000
MAX_CHARS_PER_PAGE = 50000
# Path segments looked at on one PDF page: a ruled table has a few hundred; a drawing many thousands.
MAX_SEGMENTS_PER_PAGE = 20000
# Pixels of one decoded image (a decompression bomb is refused before decoding) and of one rendered
# page (the debugger, OCR): A4 at 300 dpi is 8.7 M pixels.
MAX_PIXELS = 40_000_000
MAX_RENDER_PIXELS = 20_000_000
# A page image thinner than this (1 × 100 000 px) is not a page: OpenCV and the OCR model refuse it.
MIN_IMAGE_SIDE = 16
MAX_IMAGE_ASPECT = 20
# A long screenshot (长截图) of a web page or WeChat article is read in page-sized strips at its own
# resolution: a phone's at 3× is ~1 200 px wide and up to ~60 000 tall; more pixels than this is not one
# report (and decoding it would take gigabytes), nor is an image more than this many widths tall.
MAX_LONG_PIXELS = 80_000_000
MAX_LONG_ASPECT = 60
# A row/column span larger than this is a typo or an attack, not a table; slots of one table.
MAX_SPAN = 1000
MAX_TABLE_SLOTS = 400_000
# Columns of one table row: the widest report table (表三) has 9.
MAX_TABLE_COLUMNS = 4000
# Slots merged ranges of one worksheet may cover (a merge of A1:XFD1048576 would be 17 billion objects).
MAX_SHEET_CELLS = 200_000
MAX_SHEET_ROWS = 100_000
MAX_SHEET_COLUMNS = 200
# One worksheet's XML, uncompressed: openpyxl keeps ~500 bytes per cell, so 8 MB of XML stays under 200 MB.
MAX_SHEET_PART_BYTES = 8 * 1024 * 1024
# Text boxes and drawn shapes of one DOCX: LibreOffice's PDF import makes one box per text run and one
# line per table rule, ~300 a page; 120 pages of that is ~40 000.
MAX_BOXES = 50_000
# Cells of one document (text debris, grid rows): a report has ~1 000; a 60 MB file of tabs has millions.
MAX_CELLS = 300_000
# Automatic list numbers: a start of 5 000 digits is not a list.
MAX_LIST_NUMBER = 100_000
# Nesting depth of XML/HTML elements walked recursively (Python's stack is ~1 000 frames).
MAX_DEPTH = 200

# ---- numbers ------------------------------------------------------------------------------------
# Digits in a number token: Python refuses int() of more than 4 300 digits, a 64-bit column holds 18.
MAX_DIGITS = 12
# Decimal places of a value: amounts in 万元 have two to four; more is not a figure a report prints.
MAX_FRACTION = 6
# A count (applications, documents, cases): the largest real figure is a province's 行政许可 in the
# millions. Beyond this a cell is unreadable, never a number.
MAX_COUNT = 999_999_999
# An amount (万元, fees): the same bound; below zero is never a fee.
MAX_AMOUNT = 999_999_999.0
# Chinese numerals (二千零二十三, 一百零五) longer than this are not a figure in a report.
MAX_NUMERAL_CHARS = 12
# The year a report covers: the regulation took effect in 2008; reports of the 1990s do not exist.
MIN_YEAR, MAX_YEAR = 1990, 2100

# ---- time and memory ----------------------------------------------------------------------------
# Wall time one document may take in a batch worker (OCR of 40 pages excepted: that has its own bound).
MAX_SECONDS_PER_DOC = 30
MAX_SECONDS_PER_SCAN = 300
# Address space one batch ingest worker may add to what it maps at start (RLIMIT_AS). Above 1 GB resident
# is a defect; the limit is higher because the OCR runtime maps large model files and reserves arenas.
MAX_WORKER_BYTES = 3 * 1024 * 1024 * 1024

_INT = re.compile(r"\s*[+]?(\d+)")


def small_int(text: str | None, default: int, lo: int = 0, hi: int = MAX_SPAN) -> int:
    """An integer attribute the document gives as a size or an index (colspan, gridSpan, ilvl, start):
    its leading digits, clamped to [lo, hi]; ``default`` when it has none. Never calls int() on more
    digits than fit the range, so a 5 000-digit attribute costs nothing."""
    m = _INT.match(text or "")
    if not m:
        return default
    digits = m.group(1).lstrip("0") or "0"
    if len(digits) > len(str(hi)):
        return hi
    return max(lo, min(int(digits), hi))


def count_in_range(value: float | int) -> bool:
    """A count or an amount a report can state (sign aside: negatives are flagged by the audit)."""
    return -MAX_COUNT <= value <= MAX_COUNT


def year_in_range(year: int | None) -> bool:
    return year is not None and MIN_YEAR <= year <= MAX_YEAR
