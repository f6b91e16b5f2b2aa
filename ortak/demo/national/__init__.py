"""National-scale synthetic data (issue 6): ``manage.py generate_national --scale S``.

S = 1.0 is the whole country: the 81 provinces (reference data), about 1,390 municipalities of
the right kinds, about 400 strategic plans of realistic size with five years of half-yearly values
and target revisions, 100,000 organizations, 500,000 users, 300,000 suggestions and offers with
answers, 1,000,000 comments and 2,000,000 supports, with every stored figure computed. Every count
scales with S (tests use S = 0.01).

Modules, in the order ``run.generate`` calls them:

- ``options``: the counts for a scale, the seed, the as-of date, the marks of generated rows;
- ``geography`` and ``names``: district counts and populations per province, Turkish word banks;
- ``places``: municipalities and their units;
- ``people``: users (one password hash for all), organizations, memberships;
- ``plan_content`` and ``timeline``: plan drafts from the pilot demo's content bank, at national
  sizes, with values for every period due by the as-of date and a mid-term plan update;
- ``plan_writer`` and ``chain``: the plans in bulk, the revision hash chain, the aggregates;
- ``participation`` and ``texts``: contributions, answers, comments and supports;
- ``indexing``: responsiveness figures and the search index;
- ``clear``: removing what an earlier run generated; ``progress``: the progress bar and timings.

Generated rows are findable, so that ``--clear`` removes them and nothing else: municipalities and
organizations have slugs starting with ``MARK`` ("sentetik-"), users have e-mail addresses at
``USER_DOMAIN`` (a reserved ``.invalid`` domain); everything else hangs on those. The reference
municipalities (organizations app's data migration) are reused, never duplicated or changed.
"""
