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

from spacy.lang.en import English
from spacy.language import Language

from meetingx.components import SpanWriter
from meetingx.components.en import attendance as en_attendance
from meetingx.components.en import clauses as en_clauses
from meetingx.components.en import dates as en_dates
from meetingx.components.en import held as en_held
from meetingx.components.en import numbering as en_numbering
from meetingx.components.en import people as en_people
from meetingx.components.en import places as en_places
from meetingx.components.en import resolutions as en_resolutions
from meetingx.components.en import structure as en_structure
from meetingx.components.en import textview as en_textview
from meetingx.components.attendance import AttendanceFinder
from meetingx.components.clauses import ClauseFinder
from meetingx.components.dates import DateFinder
from meetingx.components.held import HeldFinder
from meetingx.components.numbering import MarkerFinder
from meetingx.components.people import PeopleFinder
from meetingx.components.places import PlaceFinder
from meetingx.components.resolutions import ResolutionFinder
from meetingx.components.ruledata import WithRuleData
from meetingx.components.structure import StructureFinder
from meetingx.components.textview import TextViewSetter
from meetingx.lexicon import load_lexicon


@Language.factory("meetingx_text", default_config={"data_dir": None})
def make_text(nlp: Language, name: str, data_dir: Optional[str]) -> TextViewSetter:
    return TextViewSetter()


@Language.factory("meetingx_structure", default_config={"data_dir": None})
def make_structure(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, StructureFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_dates", default_config={"data_dir": None})
def make_dates(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, DateFinder, load_lexicon(nlp.lang, data_dir))


@Language.factory("meetingx_people", default_config={"data_dir": None, "use_tagger": True})
def make_people(nlp: Language, name: str, data_dir: Optional[str], use_tagger: bool) -> WithRuleData:
    return WithRuleData(name, partial(PeopleFinder, use_tagger=use_tagger), load_lexicon(nlp.lang, data_dir))


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


# English: the same concerns under the same names, read by the components of meetingx.components.en
# (spaCy prefers a factory registered for the pipeline's language to the one for every language).
@English.factory("meetingx_text", default_config={"data_dir": None})
def make_en_text(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_textview.EnglishTextViewSetter, load_lexicon(nlp.lang, data_dir), sets_text_view=True)


@English.factory("meetingx_structure", default_config={"data_dir": None})
def make_en_structure(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_structure.StructureFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_dates", default_config={"data_dir": None})
def make_en_dates(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_dates.DateFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_people", default_config={"data_dir": None, "use_tagger": True})
def make_en_people(nlp: Language, name: str, data_dir: Optional[str], use_tagger: bool) -> WithRuleData:
    # English names need no tagger: ``use_tagger`` is taken, so that a pipeline's config is the same
    return WithRuleData(name, en_people.PeopleFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_places", default_config={"data_dir": None})
def make_en_places(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_places.PlaceFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_resolutions", default_config={"data_dir": None})
def make_en_resolutions(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_resolutions.ResolutionFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_numbering", default_config={"data_dir": None})
def make_en_numbering(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_numbering.ItemFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_clauses", default_config={"data_dir": None})
def make_en_clauses(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_clauses.ClauseFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_attendance", default_config={"data_dir": None})
def make_en_attendance(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_attendance.AttendanceFinder, load_lexicon(nlp.lang, data_dir))


@English.factory("meetingx_held", default_config={"data_dir": None})
def make_en_held(nlp: Language, name: str, data_dir: Optional[str]) -> WithRuleData:
    return WithRuleData(name, en_held.EnglishHeldFinder, load_lexicon(nlp.lang, data_dir))
