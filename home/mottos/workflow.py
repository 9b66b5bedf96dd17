"""The moderation workflow of family mottos: "家风家训审核", one group-approval task for
the editors (编辑), the committee (居委会) and Wagtail's Moderators, assigned to the
FamilyMotto snippet; and the permissions those groups need to see mottos in the admin.

``ensure_motto_workflow`` is idempotent and works with historical models, so the data
migration calls it, and so do the demo loader and tests whose database was flushed.
"""

WORKFLOW_NAME = "家风家训审核"
TASK_NAME = "居委会审核家风家训"
APPROVER_GROUPS = ("编辑", "居委会", "Moderators")
MOTTO_PERMISSIONS = {
    "familymotto": ("add", "change", "publish", "view", "lock", "unlock"),
    "mottotheme": ("add", "change", "view"),
}


def _permissions(apps):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    permission_model = apps.get_model("auth", "Permission")
    found = []
    for model, actions in MOTTO_PERMISSIONS.items():
        content_type, _created = content_types.get_or_create(app_label="home", model=model)
        for action in actions:
            codename = f"{action}_{model}"
            permission, _created = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            found.append(permission)
    return found


def ensure_motto_workflow(apps=None):
    if apps is None:
        from django.apps import apps
    group_model = apps.get_model("auth", "Group")
    groups = [group_model.objects.get_or_create(name=name)[0] for name in APPROVER_GROUPS]
    permissions = _permissions(apps)
    for group in groups:
        group.permissions.add(*permissions)

    content_types = apps.get_model("contenttypes", "ContentType").objects
    task_type, _created = content_types.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task_model = apps.get_model("wagtailcore", "GroupApprovalTask")
    task = task_model.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = task_model.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.add(*groups)

    workflow, _created = apps.get_model("wagtailcore", "Workflow").objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    workflow_task = apps.get_model("wagtailcore", "WorkflowTask")
    workflow_task.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    motto_type, _created = content_types.get_or_create(app_label="home", model="familymotto")
    apps.get_model("wagtailcore", "WorkflowContentType").objects.update_or_create(
        content_type=motto_type, defaults={"workflow": workflow}
    )
    return workflow
