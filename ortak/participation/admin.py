"""The back office for platform admins: read and search participation, fix data by hand.

Moderation and answers go through the site's own pages (they notify and audit); the admin is
for looking things up, so most fields are read-only here.
"""

from django.contrib import admin

from ortak.participation.models import (
    Answer,
    Attachment,
    Comment,
    Contribution,
    ContributionRevision,
    Flag,
    Follow,
    ResponsivenessFigure,
    SearchEntry,
    Support,
)


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = (
        "created_at",
        "status",
        "text",
        "reason",
        "author",
        "unit",
        "activity",
    )
    readonly_fields = fields
    can_delete = False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    fields = (
        "original_name",
        "content_type",
        "size",
        "created_at",
    )
    readonly_fields = fields


class RevisionInline(admin.TabularInline):
    model = ContributionRevision
    extra = 0
    fields = (
        "created_at",
        "title",
        "text",
        "edited_by",
    )
    readonly_fields = fields
    can_delete = False


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "municipality", "unit", "status", "created_at", "due_at"]
    list_filter = ["kind", "status", "is_public"]
    search_fields = ["title", "text", "municipality__name"]
    list_select_related = ["municipality", "unit"]
    raw_id_fields = [
        "plan",
        "municipality",
        "unit",
        "author",
        "organization",
        "implementing_activity",
    ]
    readonly_fields = [
        "created_at",
        "updated_at",
        "due_at",
        "first_answered_at",
        "answered_within_deadline",
        "support_count",
        "comment_count",
        "reminder_sent_at",
        "escalated_at",
    ]
    date_hierarchy = "created_at"
    inlines = [AnswerInline, AttachmentInline, RevisionInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "author", "contribution", "node_kind", "created_at", "hidden_at"]
    search_fields = ["text"]
    list_select_related = ["author", "contribution"]
    raw_id_fields = ["plan", "contribution", "parent", "author"]


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ["__str__", "reporter", "state", "created_at", "decided_by", "decided_at"]
    list_filter = ["state"]
    list_select_related = ["reporter", "decided_by", "contribution", "comment"]
    raw_id_fields = ["reporter", "contribution", "comment", "decided_by"]


@admin.register(ResponsivenessFigure)
class ResponsivenessFigureAdmin(admin.ModelAdmin):
    list_display = ["municipality", "unit", "received", "answered", "due", "overdue", "updated_at"]
    list_select_related = ["municipality", "unit"]
    readonly_fields = [f.name for f in ResponsivenessFigure._meta.fields]


admin.site.register(Support, raw_id_fields=["user", "contribution"])
admin.site.register(Follow, raw_id_fields=["user", "municipality", "contribution", "plan"])
admin.site.register(
    SearchEntry, list_display=["title", "kind", "is_public", "updated_at"], list_filter=["kind"]
)
