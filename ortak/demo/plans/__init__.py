"""Demo strategic plans 2025–2029 for the ten MoDeL pilot municipalities (issue 3).

``content`` is a bank of realistic Turkish plan content by theme and municipality, ``generator``
assembles each pilot's plan from it deterministically (seeded by the municipality's slug),
``writer`` stores it and ``step`` is the ``load_demo`` step. Synthetic content, real names.
"""
