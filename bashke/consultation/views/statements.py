"""The statements page of a plan: vote agree / disagree / pass on each statement (plain
forms; htmx, when loaded, swaps only the statement voted on), propose or publish statements,
approve proposals."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bashke.consultation.forms.deliberation import StatementForm, VoteForm
from bashke.consultation.models import Statement, Vote
from bashke.consultation.services import statements as services
from bashke.consultation.views.deliberation import TEMPLATES, error_status
from bashke.core.permissions import allowed, require
from bashke.core.web import add_service_errors, client_ip
from bashke.plans.models import ActionPlan, Component, Stage


def _statement_plan(slug):
    return get_object_or_404(ActionPlan.objects.prefetch_related(
        Prefetch("stages", queryset=Stage.objects.in_order())), slug=slug)


def _statements_context(request, plan, form=None):
    user = request.user
    statements = list(Statement.objects.for_plan(plan).approved().with_totals()
                      .select_related("idea", "component").order_by("created_at", "id"))
    mine = {}
    if user.is_authenticated:
        mine = dict(Vote.objects.filter(user=user, statement__plan=plan)
                    .values_list("statement_id", "choice"))
    for statement in statements:
        statement.my_vote = mine.get(statement.pk)
        statement.total = statement.agree_count + statement.disagree_count + statement.pass_count
    open_stage, upcoming = services.voting_window(plan)
    can_publish = allowed(user, "consultation.publish_statement", plan)
    can_review = allowed(user, "consultation.review_statement", plan)
    can_propose = user.is_authenticated and (open_stage is not None
                                             or (can_publish and upcoming is not None))
    components = list(Component.objects.filter(goal__plan=plan).order_by("goal__number",
                                                                         "position"))
    return {
        "plan": plan, "statements": statements, "open_stage": open_stage,
        "upcoming": upcoming, "closed_message": "" if open_stage
        else services.voting_closed_message(plan),
        "can_publish": can_publish, "can_propose": can_propose, "can_review": can_review,
        "pending": list(Statement.objects.for_plan(plan).pending().select_related("idea"))
        if can_review else [],
        "form": form or StatementForm(components=components),
        "choices": Vote.Choice.choices,
    }


def statements(request, slug):
    plan = _statement_plan(slug)
    require(request.user, "plans.view_plan", plan)
    return render(request, f"{TEMPLATES}/statements.html", _statements_context(request, plan))


@require_POST
def add_statement(request, slug):
    plan = _statement_plan(slug)
    if not allowed(request.user, "consultation.propose_statement", plan):
        return redirect_to_login(reverse("consultation:statements", args=[plan.slug]))
    components = Component.objects.filter(goal__plan=plan)
    form = StatementForm(request.POST, components=list(components))
    if form.is_valid():
        try:
            statement = services.add_statement(
                plan, actor=request.user, text=form.cleaned_data["text"],
                language=form.cleaned_data["language"],
                component=form.cleaned_data["component"], client_address=client_ip(request))
        except ValidationError as error:
            add_service_errors(form, error)
            status = error_status(error)
        else:
            messages.success(request, _("The statement is published.") if statement.approved
                             else _("Thank you. Your statement is published once a moderator "
                                    "has approved it."))
            return redirect("consultation:statements", plan.slug)
    else:
        status = 400
    return render(request, f"{TEMPLATES}/statements.html",
                  _statements_context(request, plan, form), status=status)


@require_POST
def review_statement(request, slug, pk):
    statement = get_object_or_404(Statement.objects.select_related("plan"), pk=pk,
                                  plan__slug=slug)
    approve = request.POST.get("approve") == "1"
    services.review_statement(statement, actor=request.user, approve=approve)
    messages.success(request, _("The statement is published.") if approve
                     else _("The statement is rejected."))
    return redirect("consultation:statements", slug)


@require_POST
def vote(request, slug, pk):
    statement = get_object_or_404(Statement.objects.select_related("plan"), pk=pk,
                                  plan__slug=slug, approved=True)
    plan = _statement_plan(slug)
    statement.plan = plan  # with its stages loaded
    if not allowed(request.user, "consultation.vote", statement):
        return redirect_to_login(reverse("consultation:statements", args=[slug]))
    form = VoteForm(request.POST)
    error_message = ""
    status = 200
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose agree, disagree or pass."))
        services.vote(statement, actor=request.user, choice=form.cleaned_data["choice"],
                      client_address=client_ip(request))
    except ValidationError as error:
        error_message = " ".join(error.messages)
        status = error_status(error)
    if request.htmx:
        # Only this statement's row is replaced, with its new totals.
        statement = (Statement.objects.with_totals().select_related("idea", "component")
                     .get(pk=statement.pk))
        statement.my_vote = Vote.objects.filter(statement=statement, user=request.user
                                                ).values_list("choice", flat=True).first()
        statement.total = (statement.agree_count + statement.disagree_count
                           + statement.pass_count)
        return render(request, f"{TEMPLATES}/_statement.html", {
            "statement": statement, "plan": plan, "open_stage": True,
            "choices": Vote.Choice.choices, "error_message": error_message}, status=status)
    if error_message:
        messages.error(request, error_message)
    else:
        messages.success(request, _("Your vote is counted. You can change it while voting "
                                    "is open."))
    return redirect(reverse("consultation:statements", args=[slug]) + f"#statement-{pk}")
