"""The English components: spaCy factories registered for ``en`` under the names of the Chinese
ones (``meetingx_dates``, ``meetingx_people``…), so that an English pipeline is built the same way
and :mod:`meetingx.assemble` reads the same candidate labels from both.

English minutes state their meeting in a header and a lead (``MINUTES OF THE REGULAR MEETING``,
``Mayor Tierney called the meeting to order at 7:00 p.m.``), list who attended in rosters
(``Present:``, ``Also present:``), number their items (``1.``, ``4.01)``, ``a)``), and report
motions with their votes (``Motion carried 5-0``). The rules read these from word lists in
``meetingx/data/en/``; every rule id starts with ``en.`` and names the module
(``en.person.roster`` lives in :mod:`meetingx.components.en.people`).
"""
