"""spaCy factories of meetingx's components (``nlp.add_pipe("meetingx_dates")``).

Each factory takes an optional ``data_dir`` so that a user can run a component on lexicons of
their own (a directory laid out like ``meetingx/data/<lang>/``), and wraps the component in
:class:`~meetingx.components.ruledata.WithRuleData`, so that a saved pipeline carries the rule data
it was built from. Every factory is also a ``spacy_factories`` entry point in ``pyproject.toml``,
so that spaCy finds it without meetingx imported.
"""

from __future__ import annotations

from functools import partial
from typing import Optional

from spacy.language import Language

from meetingx.components import SpanWriter
from meetingx.components.attendance import AttendanceFinder
from meetingx.components.clauses import ClauseFinder
from meetingx.components.dates import DateFinder
from meetingx.components.held import HeldFinder
from meetingx.components.numbering import MarkerFinder
from meetingx.components.people import PeopleFinder
from meetingx.components.places import PlaceFinder
from meetingx.components.resolutions import ResolutionFinder
from meetingx.components.ruledata import PipedWithRuleData, WithRuleData
from meetingx.components.structure import StructureFinder
from meetingx.components.textview import TextViewSetter
from meetingx.lexicon import load_lexicon


@Language.factory("meetingx_text")
def make_text(nlp: Language, name: str) -> TextViewSetter:
    return TextViewSetter()


@Language.factory("meetingx_structure", default_config={"data_dir": None})
def make_structure(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, StructureFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_dates", default_config={"data_dir": None})
def make_dates(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, DateFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_people", default_config={"data_dir": None, "use_tagger": True})
def make_people(nlp: Language, name: str, data_dir: Optional[str], use_tagger: bool) -> PipedWithRuleData:
    return PipedWithRuleData(name, partial(PeopleFinder, use_tagger=use_tagger), load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_places", default_config={"data_dir": None})
def make_places(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, PlaceFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_resolutions", default_config={"data_dir": None})
def make_resolutions(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, ResolutionFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_numbering", default_config={"data_dir": None})
def make_numbering(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, MarkerFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_clauses", default_config={"data_dir": None})
def make_clauses(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, ClauseFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_attendance", default_config={"data_dir": None})
def make_attendance(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, AttendanceFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_held", default_config={"data_dir": None})
def make_held(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, HeldFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_spans")
def make_spans(nlp: Language, name: str) -> SpanWriter:
    return SpanWriter()
