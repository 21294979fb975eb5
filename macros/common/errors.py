"""Data errors: collected in one pass, printed as ``file:line: field.path: message``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class DataError:
    """One problem in one place of one data file."""

    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass
class ErrorLog:
    """Collects every error of a run so an editor sees them all at once."""

    errors: list[DataError] = field(default_factory=list)

    def add(self, file: str, line: int, path: str, message: str) -> None:
        self.errors.append(DataError(file, line, path, message))

    def __bool__(self) -> bool:
        return bool(self.errors)

    def sorted(self) -> list[DataError]:
        return sorted(set(self.errors))


class DataInvalid(Exception):
    """Raised when the data has errors; carries all of them, already sorted."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} kesalahan ditemukan. Perbaiki lalu jalankan lagi.")
        return "\n".join(lines)
