"""Name the site "Ortak": allauth's e-mails greet and sign with the site's name and domain.

On a fresh database the site row does not exist yet (contrib.sites creates example.com after
all migrations, only when the table is empty), so it is created here; an existing row is changed
only while it still holds the untouched default, so an operator's own values survive.
"""

from urllib.parse import urlparse

from django.conf import settings
from django.core.management.color import no_style
from django.db import migrations


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    domain = urlparse(settings.SITE_URL).netloc or "127.0.0.1:8000"
    site = Site.objects.filter(pk=settings.SITE_ID).first()
    if site is None:
        Site.objects.create(pk=settings.SITE_ID, domain=domain, name="Ortak")
        # As contrib.sites does for its default row: an explicit pk leaves PostgreSQL's sequence
        # behind, so the next site created without a pk would collide.
        for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [Site]):
            schema_editor.execute(sql)
    elif site.domain == "example.com":
        site.domain = domain
        site.name = "Ortak"
        site.save(update_fields=["domain", "name"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_first_privacy_notice"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_site, migrations.RunPython.noop)]
