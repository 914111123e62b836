"""A 表三 row fused into too many digits to list every way to cut them: the cuts its own sum allows.

An HTML→text tool that writes a table row as one run of text (html-to-text, BeautifulSoup's ``get_text()``)
glues the row's cells: 「1043607901160912396506049」 is 1043|607|901|1609|1239|650|6049. Cutting 25 digits
into seven cells has more ways than the decoder lists (``decoder.MAX_READINGS``), so such a row was left
unread, and with it every sum across rows that would have settled the rows around it. The ways whose six
applicant cells sum to the 总计 are few and found quickly: the 总计 is a tail of the last run, and no
applicant cell exceeds it. They are not every reading of the characters (a document whose printed row
does not add up is read otherwise), so the decoder keeps one only where the sums across rows confirm it.
"""

from __future__ import annotations

from .values import leading_zero

MAX_SUMMED_STEPS = 20_000  # search steps per row; past that the row stays unread


def _reachable(need: int, digits: int, parts: int, width: int) -> bool:
    """Whether ``digits`` digits cut into ``parts`` parts of at most ``width`` digits may sum to ``need``:
    between the least such parts can be (lengths as even as possible, each part of two digits or more at
    least 10…0) and the most (lengths as uneven as possible, every digit 9)."""
    q, r = divmod(digits, parts)
    least = r * (10 ** q if q >= 1 else 0) + (parts - r) * (10 ** (q - 1) if q >= 2 else 0)
    most = 0
    left = digits
    for k in range(parts, 0, -1):
        size = min(width, left - (k - 1))
        most += 10 ** size - 1
        left -= size
    return least <= need <= most


def summed_cuts(runs: list[str], cells: int, most: int, cap: int) -> list[list[tuple[str, ...]]] | None:
    """The ways to cut the digit runs (each at least one cell, a part never starting with 0 unless it is
    0, at most ``most`` digits) into ``cells`` cells whose first ``cells - 1`` sum to the last; per way,
    each run's parts. None when there are more than ``cap`` or the search takes too many steps."""
    if not runs or any(not r.isdigit() for r in runs):
        return None  # a decimal or blank mark: not a fused row of counts
    out: list[list[tuple[str, ...]]] = []
    budget = [MAX_SUMMED_STEPS]
    last = runs[-1]
    for size in range(1, min(most, len(last)) + 1):
        total = last[len(last) - size:]
        if leading_zero(total):
            continue
        head = [*runs[:-1], last[:len(last) - size]] if size < len(last) else list(runs[:-1])
        if not head:
            continue
        # an applicant cell is no larger than the 总计: no more digits
        found = _Search(head, int(total), min(most, size), budget).cuts(cells - 1)
        if found is None:
            return None
        for parts in found:
            # the last run lends the 总计 its tail; when all of it is the 总计, the run's parts are that alone
            out.append([*parts, (total,)] if size == len(last) else [*parts[:-1], (*parts[-1], total)])
        if len(out) > cap:
            return None
    return out


class _Search:
    """Cuts of ``head`` (runs of digits) into parts of at most ``width`` digits summing to ``target``."""

    def __init__(self, head: list[str], target: int, width: int, budget: list[int]) -> None:
        self.head, self.target, self.width, self.budget = head, target, width, budget
        self.after = [sum(len(r) for r in head[i + 1:]) for i in range(len(head))]
        self.acc: list[list[str]] = [[] for _ in head]
        self.out: list[list[tuple[str, ...]]] = []

    def cuts(self, parts: int) -> list[list[tuple[str, ...]]] | None:
        return self.out if self._rec(0, 0, parts, 0, True) else None

    def _rec(self, idx: int, pos: int, left: int, got: int, fresh: bool) -> bool:
        self.budget[0] -= 1
        if self.budget[0] < 0:
            return False
        head, width = self.head, self.width
        if idx == len(head):
            if left == 0 and got == self.target:
                self.out.append([tuple(a) for a in self.acc])
            return True
        digits = head[idx]
        rest = len(digits) - pos + self.after[idx]
        if rest > left * width or rest < left or (fresh and left < len(head) - idx):
            return True
        if left and not _reachable(self.target - got, rest, left, width):
            return True
        sizes = range(1, 2) if digits[pos] == "0" else range(1, min(width, len(digits) - pos) + 1)
        for k in sizes:
            value = int(digits[pos:pos + k])
            if got + value > self.target:
                break
            self.acc[idx].append(digits[pos:pos + k])
            if pos + k == len(digits):
                ok = self._rec(idx + 1, 0, left - 1, got + value, True)
            else:
                ok = self._rec(idx, pos + k, left - 1, got + value, False)
            self.acc[idx].pop()
            if not ok:
                return False
        return True
