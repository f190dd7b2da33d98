from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from bashke.api.urls import api
from bashke.core import views as core_views
from bashke.core.access import asks

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("api/v1/", api.urls),
    # Django's own views ask the kernel too: every page makes a permission decision.
    path("i18n/setlang/", asks("core.view_public")(set_language), name="set_language"),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("bashke.accounts.urls")),
    path("jsi18n/", asks("core.view_public")(JavaScriptCatalog.as_view()),
         name="javascript-catalog"),
    path("", include("bashke.consultation.urls")),
    path("", include("bashke.assessment.urls")),
    path("", include("bashke.drafting.urls")),
    path("", include("bashke.exports.urls")),
    path("", include("bashke.plans.urls")),
    prefix_default_language=True,
)

handler404 = "bashke.core.views.not_found"
