"""Small pieces shared by the apps' admin modules."""


class ReadOnly:
    """An admin (or inline) that shows rows but never adds, changes or deletes them: those
    rows change only through the services, which keep the audit log."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
