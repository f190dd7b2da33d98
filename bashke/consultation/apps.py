from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ConsultationConfig(AppConfig):
    name = "bashke.consultation"
    label = "consultation"
    # The admin's name for this part of the site, not the plan status (plans.PlanStatus).
    verbose_name = pgettext_lazy("part of the site", "Consultation")
