import unicodedata

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL = "international", _("International organisation")
    CITIZEN = "citizen", _("Citizen")


class Gender(models.TextChoices):
    # Asked only for participation statistics; never shown against a person.
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Other")
    UNSAID = "", _("Prefer not to say")


def organisation_name_key(name: str) -> str:
    """What two spellings of one organisation's name have in common: "QENDRA  PËR" and
    "Qendra për" give the same key. Done in Python, as SQLite folds only ASCII letters."""
    return " ".join(unicodedata.normalize("NFKC", name or "").split()).casefold()


class OrganisationQuerySet(models.QuerySet):
    def with_member_count(self):
        # Deactivated accounts no longer speak for an organisation, so they are not counted.
        return self.annotate(member_count=models.Count(
            "members", filter=models.Q(members__is_active=True)))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    # Filled by save(); unique, so a second "Qendra për…" in other letter case is refused by
    # the database too. Null for rows written around save() (bulk_create).
    name_key = models.CharField(max_length=400, unique=True, null=True,  # noqa: DJ001
                                editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = organisation_name_key(self.name)
        if "update_fields" in kwargs and "name" in (kwargs["update_fields"] or ()):
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_key"}
        if not self.slug:
            self.slug = slugify(self.name)[:200] or "organisation"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("accounts:organisation", kwargs={"slug": self.slug})

    @property
    def audit_scope(self) -> str:
        return f"organisation:{self.pk}"


class BashkeUserManager(UserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("email_verified", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        # Addresses are stored in lower case, so "Ana@Example.org" logs in as ana@example.org
        # everywhere (our log-in form, the admin's, management commands).
        return self.get(email=normalise_email(username))

    def sector_counts(self, organisation) -> list[tuple[str, int]]:
        """(sector label, active members) for one organisation, in the order of ``Sector``."""
        counts = dict(
            self.filter(organisation=organisation, is_active=True)
            .order_by().values_list("sector").annotate(n=models.Count("id"))
        )
        return [(label, counts[value]) for value, label in Sector.choices if counts.get(value)]


def normalise_email(address: str) -> str:
    """The one spelling an address is stored and looked up under."""
    return (address or "").strip().lower()


# The glossary's "ish-pjesëmarrës"; the wording comment threads already used.
FORMER_PARTICIPANT = _("A former participant")


class User(AbstractUser):
    """A person. Logs in with an e-mail address; the name shown is ``display_name``."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(_("name"), max_length=150)
    email_verified = models.BooleanField(_("e-mail verified"), default=False)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="members",
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices,
                              default=Sector.CITIZEN)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True,
                              default="")
    # Named in the page's language, as everywhere ("Anglisht" on an Albanian page).
    preferred_language = models.CharField(_("language"), max_length=2,
                                          choices=[("sq", _("Albanian")), ("en", _("English"))],
                                          default="sq")
    # When the last verification or password-reset e-mail was queued: a mail box cannot be
    # flooded by pressing "send again", and the check is one conditional UPDATE, so it holds
    # across app processes.
    verification_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    password_reset_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # An address the person asked to change to, until they follow the link sent there.
    pending_email = models.EmailField(_("new e-mail address, not yet confirmed"), blank=True,
                                      default="", editable=False)
    # Set when the person deleted their account: the row stays so that what they published
    # keeps its place, but it holds nothing personal any more (see accounts/privacy.py).
    erased_at = models.DateTimeField(_("account deleted"), null=True, blank=True,
                                     editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = BashkeUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # The manager and forms already lower-case addresses; this keeps a second account
            # for "Ana@…" out even when a row is written some other way.
            models.UniqueConstraint(
                Lower("email"), name="accounts_user_email_ci_unique",
                violation_error_message=_("An account with this e-mail address already exists."),
            ),
        ]

    def __str__(self):
        return self.public_name if self.erased_at else (self.display_name or self.email)

    @property
    def public_name(self) -> str:
        """The name shown beside what the person wrote, on pages, in the API and in
        exports: the one place that knows a deleted account has no name any more."""
        if self.erased_at is not None:
            return str(FORMER_PARTICIPANT)
        return self.display_name

    def clean(self):
        super().clean()
        self.email = normalise_email(self.email)

    def audit_repr(self):
        # The audit log's object name may reach public pages; a person's name must not.
        return f"user #{self.pk}"

    def get_full_name(self):
        return self.public_name

    def get_short_name(self):
        return self.public_name


class LoginFailureQuerySet(models.QuerySet):
    def for_pair(self, email: str, ip: str):
        return self.filter(email=normalise_email(email)[:254], ip=ip)

    def from_ip(self, ip: str):
        return self.filter(ip=ip)

    def since(self, moment):
        return self.filter(at__gte=moment)


class LoginFailure(models.Model):
    """One failed log-in: the address typed and the client it came from.

    Counted per (e-mail, client) pair and per client, never per e-mail alone: failures from
    elsewhere must not lock the owner out (see accounts/throttle.py). Kept in the database
    rather than a cache so that every app process sees the same count.
    """

    email = models.CharField(_("e-mail address typed"), max_length=254)
    ip = models.CharField(_("client address"), max_length=100)
    at = models.DateTimeField(_("when"), default=timezone.now)

    objects = LoginFailureQuerySet.as_manager()

    class Meta:
        verbose_name = _("failed log-in")
        verbose_name_plural = _("failed log-ins")
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["email", "ip", "at"], name="accounts_loginfail_pair_at"),
            models.Index(fields=["ip", "at"], name="accounts_loginfail_ip_at"),
            models.Index(fields=["at"], name="accounts_loginfail_at"),
        ]

    def __str__(self):
        return f"{self.email} from {self.ip} {self.at:%Y-%m-%d %H:%M:%S}"


# Fields that are personal data: kept in the audit log, never shown on public pages.
PERSONAL_FIELDS = ("email", "display_name", "gender", "password", "last_login",
                   "pending_email")
