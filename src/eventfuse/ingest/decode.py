"""Read one file's bytes safely: bounded size, and a clear error for empty, binary or
non-UTF-8 content. We never guess an encoding: invalid UTF-8 is an error the user can fix."""

from __future__ import annotations

from pathlib import Path

from eventfuse.errors import InputError

__all__ = ["decode_text", "read_bytes", "read_text"]

_SNIFF = 8192
# Bytes that never appear in text files (all C0 controls except tab, newlines, form feed, ESC).
_CONTROL = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}


def read_bytes(path: Path, max_bytes: int) -> bytes | InputError:
    """The file's bytes, or an InputError naming it: missing, not a file, too large, empty."""
    src = str(path)
    try:
        if not path.exists():
            return InputError(src, "no such file or directory")
        if not path.is_file():
            return InputError(src, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(src, f"file too large ({size} bytes > limit {max_bytes})")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # bound the read even if the file grew meanwhile
    except OSError as exc:
        return InputError(src, f"cannot read file ({exc.strerror or exc})")
    if len(data) > max_bytes:
        return InputError(src, f"file too large (> limit {max_bytes} bytes)")
    if not data:
        return InputError(src, "empty file")
    return data


def decode_text(src: str, data: bytes) -> str | InputError:
    """UTF-8 text (BOM dropped), or an InputError for binary, UTF-16 or invalid UTF-8 bytes."""
    head = data[:_SNIFF]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return InputError(src, "UTF-16 text is not supported (save it as UTF-8)")
    if b"\x00" in data or _mostly_control(head):
        return InputError(src, "binary file (not text)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(src, f"invalid UTF-8 at byte {exc.start}")
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return InputError(src, "empty file (only whitespace)")
    return text


def read_text(path: Path, max_bytes: int) -> str | InputError:
    """``read_bytes`` then ``decode_text``."""
    data = read_bytes(path, max_bytes)
    if isinstance(data, InputError):
        return data
    return decode_text(str(path), data)


def _mostly_control(head: bytes) -> bool:
    """More than 10% control bytes: an image, archive or executable, not text."""
    if not head:
        return False
    n_control = sum(1 for b in head if b in _CONTROL)
    return n_control * 10 > len(head)
