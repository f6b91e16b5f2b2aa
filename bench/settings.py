"""Settings of the benchmark's gunicorn process: the project's settings, plus bench/urls.py.

Used only by bench/load.py (DJANGO_SETTINGS_MODULE=bench.settings in the server it starts), so the
production URL configuration never contains the benchmark's floor view.
"""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
