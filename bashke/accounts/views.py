# Placeholder views, replaced by the accounts work in progress.
from django.http import HttpResponse


def signup(request):
    return HttpResponse("signup")


def profile(request):
    return HttpResponse("profile")


def organisations(request):
    return HttpResponse("organisations")


def organisation(request, slug):
    return HttpResponse(slug)
