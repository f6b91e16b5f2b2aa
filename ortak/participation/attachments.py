"""Checking uploaded attachments: allowed types by extension *and* content, and size.

The extension alone is what the sender claims; the first bytes say what the file is. Both must
agree with the list below, so an HTML page renamed ``.pdf`` is refused. Files are served back
through a view with ``Content-Disposition: attachment`` and ``nosniff``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
_ZIP = (b"PK\x03\x04",)


@dataclass(frozen=True)
class FileType:
    content_type: str
    signatures: tuple[bytes, ...]  # empty: plain text, checked by decoding


ALLOWED: dict[str, FileType] = {
    ".pdf": FileType("application/pdf", (b"%PDF-",)),
    ".png": FileType("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": FileType("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": FileType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP
    ),
    ".xlsx": FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    ".odt": FileType("application/vnd.oasis.opendocument.text", _ZIP),
    ".ods": FileType("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    ".txt": FileType("text/plain", ()),
    ".csv": FileType("text/csv", ()),
}


def max_bytes() -> int:
    return int(getattr(settings, "ORTAK_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))


def allowed_extensions() -> str:
    return ", ".join(sorted(ext.lstrip(".") for ext in ALLOWED))


def check_upload(upload: UploadedFile) -> str:
    """Validate one upload; return its content type. Raises ``ValidationError`` with a message
    naming the file."""
    name = upload.name or ""
    extension = PurePath(name).suffix.lower()
    file_type = ALLOWED.get(extension)
    if file_type is None:
        raise ValidationError(
            _("“%(name)s” is not an allowed file type. Allowed: %(types)s."),
            code="file_type",
            params={"name": name, "types": allowed_extensions()},
        )
    if upload.size is None or upload.size > max_bytes():
        raise ValidationError(
            _("“%(name)s” is larger than %(size)s MB."),
            code="file_size",
            params={"name": name, "size": max_bytes() // (1024 * 1024)},
        )
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    if file_type.signatures:
        matches = any(head.startswith(signature) for signature in file_type.signatures)
    else:
        matches = _is_text(head)
    if not matches:
        raise ValidationError(
            _("“%(name)s” does not look like a %(extension)s file."),
            code="file_content",
            params={"name": name, "extension": extension.lstrip(".").upper()},
        )
    return file_type.content_type


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml")):
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sample is still text.
        return exc.start >= len(head) - 3
    return True


def check_uploads(uploads: list[UploadedFile]) -> list[str]:
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)s files."), code="too_many", params={"count": MAX_FILES}
        )
    return [check_upload(upload) for upload in uploads]
