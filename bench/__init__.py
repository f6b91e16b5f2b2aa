"""Benchmarks: load (bench/load.py) and data scale (bench/import_plan.py); not part of the tests."""
