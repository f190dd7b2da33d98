"""Briefs (background, criteria, the methodological package) with their documents, and the
library of other countries' commitments shown as examples."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import get_valid_filename, slugify
from django.utils.translation import gettext_lazy as _

from bashke.consultation import markup
from bashke.core.text import Bilingual, active_content_language
from bashke.core.uploads import KINDS
from bashke.plans.models import ActionPlan, Component

BODY_MAX_LENGTH = 50000
SUMMARY_MAX_LENGTH = 5000
RESERVED_SLUGS = {"new"}  # examples/new/ is the page that adds one


class BriefKind(models.TextChoices):
    BACKGROUND = "background", _("Background information")
    CRITERIA = "criteria", _("Criteria for including ideas")
    METHODOLOGY = "methodology", _("Methodological package")
    OTHER = "other", _("Other")


class BriefQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def for_plan(self, plan):
        return self.filter(plan=plan)

    def in_order(self):
        # Plan-wide briefs first, then each component's, in the plan's own order.
        return self.order_by(models.F("component").asc(nulls_first=True),
                             "component__goal__number", "component__position", "order", "id")

    def for_page(self):
        return (self.select_related("plan", "component", "component__goal")
                .prefetch_related("documents", "sent_to"))


class Brief(Bilingual, models.Model):
    bilingual_fields = ("title", "body")
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="briefs",
                             verbose_name=_("action plan"))
    component = models.ForeignKey(
        Component, null=True, blank=True, on_delete=models.PROTECT, related_name="briefs",
        verbose_name=_("component"), help_text=_("Leave empty for a brief on the whole plan."))
    kind = models.CharField(_("kind"), max_length=15, choices=BriefKind.choices,
                            default=BriefKind.BACKGROUND)
    title_sq = models.CharField(_("title (Albanian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_sq = models.TextField(_("text (Albanian)"), max_length=BODY_MAX_LENGTH,
                               blank=True)
    body_en = models.TextField(_("text (English)"), max_length=BODY_MAX_LENGTH,
                               blank=True)
    published = models.BooleanField(_("published"), default=False)
    order = models.PositiveSmallIntegerField(
        _("order"), default=1, help_text=_("Briefs with a lower number come first."))
    # The seed's stage "sending the methodological package to the leaders of each
    # component": which components' leaders have received it, and when.
    sent_to = models.ManyToManyField(Component, blank=True, related_name="packages_received",
                                     verbose_name=_("sent to the leaders of"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = BriefQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("brief")
        verbose_name_plural = _("briefs")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(title_sq="") | ~models.Q(title_en=""),
                name="brief_has_a_title"),
        ]

    def __str__(self):
        return self.title_en or self.title_sq

    def get_absolute_url(self):
        return reverse("consultation:brief", kwargs={"slug": self.plan.slug, "pk": self.pk})

    def clean(self):
        errors = {}
        if not (self.title_sq.strip() or self.title_en.strip()):
            errors["title_sq"] = _("Give the brief a title in at least one language.")
        # A text field's max_length binds forms only; the renderer refuses longer text.
        errors.update(_too_long(self, ("body_sq", "body_en"), BODY_MAX_LENGTH))
        if errors:
            raise ValidationError(errors)

    @property
    def is_package(self):
        return self.kind == BriefKind.METHODOLOGY

    @property
    def body_html(self):
        return render_body(self.body)

    @property
    def title_language(self):
        return language_of(self, "title")

    @property
    def body_language(self):
        return language_of(self, "body")


def _too_long(instance, fields, limit) -> dict:
    return {name: _("At most %(limit)s characters, please; this has %(length)s.")
            % {"limit": limit, "length": len(getattr(instance, name) or "")}
            for name in fields if len(getattr(instance, name) or "") > limit}


def render_body(text: str):
    """Markdown-light, sanitised, through the consultation's one renderer."""
    return markup.render(text, max_length=BODY_MAX_LENGTH)


def language_of(instance, field: str) -> str:
    """The language :func:`bashke.core.text.pick` reads ``field`` in, for ``lang=…``."""
    first = active_content_language()
    second = "en" if first == "sq" else "sq"
    return first if getattr(instance, f"{field}_{first}", "") else second


def document_path(document, filename):
    # The stored name is ours, never the uploader's: no path tricks, no clashes, no
    # personal data in file names. The original name is kept on the row for downloads.
    return f"briefs/{document.brief.plan_id}/{uuid.uuid4().hex}.{document.kind}"


class BriefDocument(Bilingual, models.Model):
    bilingual_fields = ("title",)
    brief = models.ForeignKey(Brief, on_delete=models.CASCADE, related_name="documents",
                              verbose_name=_("brief"))
    title_sq = models.CharField(_("title (Albanian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("original file name"), max_length=200)
    kind = models.CharField(_("type"), max_length=5,
                            choices=[(k.extension, k.label) for k in KINDS.values()])
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["brief", "uploaded_at", "id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title_en or self.title_sq or self.original_name

    def get_absolute_url(self):
        return reverse("consultation:brief_document", kwargs={
            "slug": self.brief.plan.slug, "pk": self.brief_id, "document": self.pk})

    @property
    def heading(self):
        return self.title or self.original_name

    @property
    def content_type(self):
        return KINDS[self.kind].content_type

    @property
    def kind_label(self):
        return KINDS[self.kind].label

    @property
    def download_name(self):
        """A name that is safe in a Content-Disposition header and on any disk."""
        stem = self.original_name.rsplit(".", 1)[0]
        stem = get_valid_filename(slugify(stem, allow_unicode=True)) or "document"
        return f"{stem[:80]}.{self.kind}"


# Examples from other countries -------------------------------------------------------------

class ExampleTheme(models.TextChoices):
    # The seed's three groups of examples.
    DIGITAL = "digital", _("Digital public participation and deliberation")
    ADMINISTRATION = "administration", _("Public participation in administration")
    LAW_MAKING = "law_making", _("Public participation in law-making")


class ExampleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def in_order(self):
        """The seed's three themes in the seed's order, then countries alphabetically in the
        reader's language, then the newest plan first."""
        theme_order = models.Case(
            *[models.When(theme=value, then=models.Value(position))
              for position, value in enumerate(ExampleTheme.values)],
            default=models.Value(len(ExampleTheme.values)))
        return self.order_by(theme_order, f"country_{active_content_language()}",
                             "-start_year", "-end_year", "id")

    def countries(self):
        """(code, Albanian name, English name) of each country with an example."""
        return (self.order_by("country_en").values_list("country_code", "country_sq",
                                                        "country_en").distinct())


class Example(Bilingual, models.Model):
    """A commitment from another country's OGP action plan, offered as inspiration."""

    bilingual_fields = ("country", "place", "title", "summary")
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    country_code = models.CharField(_("country code"), max_length=2,
                                    help_text=_("ISO 3166-1 alpha-2, e.g. FR"))
    country_sq = models.CharField(_("country (Albanian)"), max_length=100)
    country_en = models.CharField(_("country (English)"), max_length=100)
    place_sq = models.CharField(_("region or city (Albanian)"), max_length=100, blank=True,
                                help_text=_("For a local or regional government's plan."))
    place_en = models.CharField(_("region or city (English)"), max_length=100, blank=True)
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2019–2021"))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    title_sq = models.CharField(_("title (Albanian)"), max_length=250)
    title_en = models.CharField(_("title (English)"), max_length=250)
    summary_sq = models.TextField(_("summary (Albanian)"), max_length=SUMMARY_MAX_LENGTH)
    summary_en = models.TextField(_("summary (English)"), max_length=SUMMARY_MAX_LENGTH)
    theme = models.CharField(_("theme"), max_length=20, choices=ExampleTheme.choices)
    source_url = models.URLField(_("source"), max_length=500)
    published = models.BooleanField(_("published"), default=True)

    objects = ExampleQuerySet.as_manager()

    class Meta:
        ordering = ["theme", "-start_year", "country_en", "id"]
        verbose_name = _("example from another country")
        verbose_name_plural = _("examples from other countries")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_year__gte=models.F("start_year")),
                                   name="example_ends_after_it_starts"),
        ]

    def __str__(self):
        return f"{self.where_en} {self.period}: {self.title_en}"

    def get_absolute_url(self):
        return reverse("consultation:example", kwargs={"example": self.slug})

    def clean(self):
        errors = _too_long(self, ("summary_sq", "summary_en"), SUMMARY_MAX_LENGTH)
        if (self.start_year is not None and self.end_year is not None
                and self.end_year < self.start_year):
            errors["end_year"] = _("The last year cannot come before the first.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This name is used by the site; choose another.")
        if errors:
            raise ValidationError(errors)

    @property
    def title_language(self):
        return language_of(self, "title")

    @property
    def summary_language(self):
        return language_of(self, "summary")

    @property
    def summary_html(self):
        return markup.render(self.summary, max_length=SUMMARY_MAX_LENGTH)

    @property
    def where(self):
        return f"{self.place}, {self.country}" if self.place else self.country

    @property
    def where_en(self):
        return f"{self.place_en}, {self.country_en}" if self.place_en else self.country_en
