"""Legacy Word documents (.doc, Word 97-2003), through a converter installed on the machine:
antiword, catdoc or LibreOffice, tried in that order until one gives text. None of them ships
with meetingx (antiword and catdoc are GPL programs, run as separate processes); without one, a
.doc is an ``unsupported`` error entry that says what to install.
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
INSTALL_HINT = "install antiword, catdoc or LibreOffice (Debian: apt-get install antiword catdoc)"
#: Each converter's command before the file's path: it prints the text as UTF-8.
CONVERTERS = (
    ("antiword", ["-m", "UTF-8.txt", "-w", "0"]),
    ("catdoc", ["-d", "utf-8", "-w"]),
    ("soffice", ["--headless", "--cat"]),
    ("libreoffice", ["--headless", "--cat"]),
)


def converters() -> list[list[str]]:
    """The converter commands installed here, in the order they are tried."""
    return [[found, *arguments] for name, arguments in CONVERTERS if (found := shutil.which(name))]


def doc_to_text(data: bytes) -> str:
    """The text of a .doc file's bytes, as the first converter that succeeds prints it."""
    commands = converters()
    if not commands:
        raise Unreadable("unsupported", f"a .doc file needs a converter: {INSTALL_HINT}")
    failures = []
    with tempfile.TemporaryDirectory(prefix="meetingx-doc-") as directory:
        path = Path(directory) / "document.doc"
        path.write_bytes(data)
        for command in commands:
            # LibreOffice keeps a user profile: one of its own here, so that runs do not meet.
            profile = [f"-env:UserInstallation={Path(directory).as_uri()}/profile"] if "--cat" in command else []
            try:
                result = subprocess.run(command + profile + [str(path)], capture_output=True,
                                        stdin=subprocess.DEVNULL, timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                failures.append(f"{Path(command[0]).name} took over {TIMEOUT} s")
                continue
            text = result.stdout.decode("utf-8", errors="replace").removeprefix("\ufeff")
            if result.returncode == 0 and text.strip():
                base.check_size(len(result.stdout))
                return text
            message = result.stderr.decode("utf-8", "replace").strip().splitlines()
            failures.append(f"{Path(command[0]).name}: {message[-1] if message else f'exit {result.returncode}'}")
    raise Unreadable("unreadable", "; ".join(failures))
