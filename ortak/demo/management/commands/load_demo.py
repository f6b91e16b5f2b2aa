"""``manage.py load_demo``: the pilot demo, loaded step by step; safe to run again."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from ortak.demo.context import DEMO_PASSWORD, DEMO_TOTP_SECRET, DemoContext
from ortak.demo.steps import all_steps


class Command(BaseCommand):
    help = "Load the demo: accounts (one per role), organizations, units and what later steps add."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even though DEBUG is off (the demo accounts have published passwords).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_demo creates accounts with published passwords; it runs only with DEBUG=1 "
                "(as `make demo` sets) or with --force."
            )
        context = DemoContext(out=self.stdout.write)
        with transaction.atomic():
            for demo_step in all_steps():
                self.stdout.write(
                    f"Demo step {demo_step.order} {demo_step.name}: {demo_step.description}"
                )
                demo_step.run(context)
        self._print_accounts(context)

    def _print_accounts(self, context: DemoContext) -> None:
        write = self.stdout.write
        write("")
        write(self.style.SUCCESS("Demo accounts (log in at /hesap/login/):"))
        width = max((len(account.email) for account in context.accounts), default=10)
        for account in context.accounts:
            mfa = "  [MFA]" if account.needs_mfa else ""
            write(f"  {account.email.ljust(width)}  {DEMO_PASSWORD}  {account.role}{mfa}")
        write("")
        write(f"Every demo account has the password {DEMO_PASSWORD}.")
        write(
            "Accounts marked [MFA] (staff and municipality roles) ask for a six-digit code after "
            "the password. Add this secret to an authenticator app (Google Authenticator, "
            "Aegis, FreeOTP…) as a time-based key:"
        )
        write(f"  {DEMO_TOTP_SECRET}")
        uri = (
            f"otpauth://totp/{quote(settings.MFA_TOTP_ISSUER)}:demo"
            f"?secret={DEMO_TOTP_SECRET}&issuer={quote(settings.MFA_TOTP_ISSUER)}"
        )
        write(f"  ({uri})")
        write(f"or print the current code with: oathtool --totp -b {DEMO_TOTP_SECRET}")
