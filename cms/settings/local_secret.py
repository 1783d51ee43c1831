"""A development secret key of this checkout's own, never one from the repository: signed
links (follow, unsubscribe, profile updates) and sessions of a demo someone exposed cannot be
forged by anyone who read the code."""

import os
from pathlib import Path

from django.core.management.utils import get_random_secret_key


def local_secret_key(path: Path) -> str:
    """The key kept in ``path`` (ignored by git), made on first use, readable by its owner only."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    key = get_random_secret_key()
    # O_EXCL: of two processes starting at once, the second reads the first one's key.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(descriptor, "w") as file:
        file.write(key + "\n")
    return key
