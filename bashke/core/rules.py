"""Permissions for pages that are about no one plan (home, log-in, the examples library,
the API's index): everyone may read them, anonymous visitors included. They exist so that
every page asks the kernel something, and a page that should not be public cannot be
written by forgetting to ask."""

import rules

rules.add_perm("core.view_public", rules.always_allow)
