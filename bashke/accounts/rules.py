"""Who may act on an account. A person manages their own account (profile, password,
verification e-mail, their data, API tokens); the target is that account, or None for
"the account of whoever asks". Superusers pass every rule (Django's own); being staff
grants nothing here."""

import rules

signed_in = rules.is_authenticated & rules.is_active


@rules.predicate
def is_own_account(user, account):
    return account is None or getattr(account, "pk", None) == user.pk


rules.add_perm("accounts.manage_own_account", signed_in & is_own_account)
# Anyone signed in may list an organisation that is missing (duplicates are refused).
rules.add_perm("accounts.add_organisation", signed_in)
# Correcting a listing (name, sector) speaks for everyone in it: superusers only, who pass
# every rule; the admin is its door.
rules.add_perm("accounts.change_organisation_listing", rules.always_deny)
# Other people's accounts (their address, whether they may open the admin): superusers only.
rules.add_perm("accounts.administer_accounts", rules.always_deny)
