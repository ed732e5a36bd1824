"""spaCy imported without its command line, until somebody asks for it.

``import spacy`` runs ``from .cli.info import info`` (for ``spacy.info()``), and that imports the
whole of ``spacy.cli``: typer, click, weasel, requests, httpx, about 350 modules that a program
running a pipeline never uses. On the machine of the README's figures that is 0.19 s of the 0.55 s
that importing spaCy costs, paid by every ``meetingx extract`` and every worker process.

:func:`install` (called by ``import meetingx``) puts a finder first on ``sys.meta_path`` that waits
for the import of ``spacy`` and, while spaCy's ``__init__`` runs, and only then, stands in for
``spacy.cli`` and ``spacy.cli.info``: the ``info`` spaCy binds is :func:`info`, which imports the
real one when called. Once spaCy is imported, the stand-ins are gone from ``sys.modules``, so
``import spacy.cli`` and ``from spacy.cli import download`` import the real command line, and the
attribute ``spacy.cli`` imports it when first read (``spacy.cli.download(...)`` works as it does
without meetingx). Where spaCy was imported before meetingx, nothing changes. Where spaCy's
``__init__`` fails with the stand-ins (a release that reads more of its command line), it is run
again without them: the import is slower, never different.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Any

#: The package whose import is changed, and its command line, imported when asked for.
PACKAGE = "spacy"
COMMAND_LINE = "spacy.cli"


def info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: spaCy's own, imported on the first call (see the module's docstring)."""
    from spacy.cli.info import info as spacy_info

    return spacy_info(*args, **kwargs)


def _command_line_on_demand(name: str) -> Any:
    """The module ``__getattr__`` of ``spacy``: the attribute ``cli`` imports ``spacy.cli``."""
    if name == "cli":
        return importlib.import_module(COMMAND_LINE)
    raise AttributeError(f"module {PACKAGE!r} has no attribute {name!r}")


def _stand_ins() -> dict[str, types.ModuleType]:
    """Empty modules for ``spacy.cli`` and ``spacy.cli.info``; the second one holds :func:`info`."""
    package = types.ModuleType(COMMAND_LINE, "stands in for spaCy's command line while spaCy is imported")
    package.__path__ = []
    module = types.ModuleType(f"{COMMAND_LINE}.info")
    setattr(module, "info", info)
    setattr(package, "info", module)
    return {package.__name__: package, module.__name__: module}


class _WithoutCommandLine(importlib.abc.Loader):
    """spaCy's own loader, run with the stand-ins in ``sys.modules``."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        _uninstall()
        stand_ins = _stand_ins()
        sys.modules.update(stand_ins)
        try:
            self.loader.exec_module(module)
        except Exception:
            _remove(stand_ins)
            self.loader.exec_module(module)  # as if meetingx were not there
        else:
            _remove(stand_ins)
            if "cli" not in vars(module) and "__getattr__" not in vars(module):
                setattr(module, "__getattr__", _command_line_on_demand)  # PEP 562: read for missing names
        finally:
            module.__loader__ = self.loader
            if module.__spec__ is not None:
                module.__spec__.loader = self.loader


def _remove(stand_ins: dict[str, types.ModuleType]) -> None:
    for name, stand_in in stand_ins.items():
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]


class _Finder(importlib.abc.MetaPathFinder):
    """Finds nothing itself: hands the first import of ``spacy`` to :class:`_WithoutCommandLine`.
    It leaves ``sys.meta_path`` once spaCy's loader runs: the import system is still going
    through the list while it asks the finders."""

    def __init__(self) -> None:
        self.used = False

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname != PACKAGE or self.used:
            return None
        self.used = True
        spec = importlib.util.find_spec(fullname)  # by the finders after this one
        if spec is not None and spec.loader is not None:
            spec.loader = _WithoutCommandLine(spec.loader)
        return spec


def install() -> None:
    """Have the next ``import spacy`` leave out its command line (nothing if spaCy is imported)."""
    if PACKAGE not in sys.modules and not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def _uninstall() -> None:
    sys.meta_path[:] = [finder for finder in sys.meta_path if not isinstance(finder, _Finder)]
