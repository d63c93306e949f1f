"""Errors raised on bad input: each names the file, the row and the column a user must fix."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """A raw or reference file that cannot be used as it is.

    ``row`` and ``column`` are 1-based positions in the source file (``column`` may also be
    the published header text), so the message points at the exact cell to fix.
    """

    def __init__(
        self,
        path: str | Path | None,
        message: str,
        *,
        row: int | None = None,
        column: int | str | None = None,
    ) -> None:
        self.path = str(path) if path is not None else None
        self.row = row
        self.column = column
        self.reason = message
        super().__init__(self._render())

    def _render_traceback_(self) -> list[str]:
        """What IPython shows for this error in a notebook (papermill passes it on): the
        message alone, no stack of govstats frames; the message already says what to fix."""
        return [f"{type(self).__name__}: {self}"]

    def _render(self) -> str:
        where = [self.path or "<input>"]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.reason}"


class OutputError(OSError):
    """An output that could not be written (disk full, read-only folder, a file where a folder
    should be): names the path and what was being written, keeping the OS error's errno."""

    def __init__(self, path: str | Path, what: str, cause: OSError) -> None:
        self.path = str(path)
        self.what = what
        reason = cause.strerror or str(cause)
        super().__init__(cause.errno, f"could not write {what} to {self.path}: {reason}", self.path)

    def __str__(self) -> str:
        return self.strerror or ""
