from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "ortak.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.core.signals import request_finished
        from django.db.backends.signals import connection_created

        from ortak.core import pagecache

        # Every committed write to the site's content drops the cached public pages.
        connection_created.connect(pagecache.watch_connection, dispatch_uid="ortak-pagecache")
        request_finished.connect(pagecache.flush_pending, dispatch_uid="ortak-pagecache-flush")
