"""Legacy Word documents (.doc, Word 97-2003), through a converter installed on the machine:
antiword, catdoc or LibreOffice, the first found. None of them ships with meetingx (antiword and
catdoc are GPL programs, run as separate processes); without one, a .doc is an ``unsupported``
error entry that says what to install.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from meetingx.reading import base
from meetingx.reading.base import Unreadable

#: Seconds a converter may take for one file.
TIMEOUT = 120
INSTALL_HINT = "install antiword, catdoc or LibreOffice (Debian: apt-get install antiword)"


def converter() -> list[str] | None:
    """The command that prints a .doc file's text as UTF-8 (the file's path is appended), or None."""
    if found := shutil.which("antiword"):
        return [found, "-m", "UTF-8.txt", "-w", "0"]
    if found := shutil.which("catdoc"):
        return [found, "-d", "utf-8", "-w"]
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return [found, "--headless", "--cat"]
    return None


def doc_to_text(data: bytes) -> str:
    """The text of a .doc file's bytes, as the converter prints it."""
    command = converter()
    if command is None:
        raise Unreadable("unsupported", f"a .doc file needs a converter: {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix="meetingx-doc-") as directory:
        path = Path(directory) / "document.doc"
        path.write_bytes(data)
        # LibreOffice keeps a user profile: one in the temporary directory, so runs do not meet.
        environment_profile = [f"-env:UserInstallation={Path(directory).as_uri()}/profile"] \
            if command[1] == "--headless" else []
        with subprocess.Popen(command + environment_profile + [str(path)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, stdin=subprocess.DEVNULL) as process:
            try:
                output, errors = process.communicate(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                raise Unreadable("unreadable", f"{Path(command[0]).name} took over {TIMEOUT} s")
    name = Path(command[0]).name
    if process.returncode != 0:
        message = errors.decode("utf-8", "replace").strip().splitlines()
        raise Unreadable("unreadable", f"{name} failed: {message[-1] if message else process.returncode}")
    base.check_size(len(output))
    return output.decode("utf-8", errors="replace")

