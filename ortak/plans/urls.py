"""Plans URLs, assembled from three groups so that each can evolve on its own:
public pages (``urls_public``), editor pages (``urls_editor``) and import/export (``urls_io``)."""

from ortak.plans.urls_editor import urlpatterns as editor_patterns
from ortak.plans.urls_io import urlpatterns as io_patterns
from ortak.plans.urls_public import urlpatterns as public_patterns

app_name = "plans"

# Editor and import/export paths are more specific; they come before the public catch-alls.
urlpatterns = [*editor_patterns, *io_patterns, *public_patterns]
