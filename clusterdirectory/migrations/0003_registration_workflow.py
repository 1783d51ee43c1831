"""The moderation workflow that registrations are submitted to, and what moderators may do
with the records of registrations and contact requests (read and delete).

Moderators (Wagtail's own group) approve it; a site can change the task's groups in
Settings → Workflow tasks. The workflow is found by name (``REGISTRATION_WORKFLOW``).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Cluster registration approval"
TASK_NAME = "Moderators approve a cluster registration"


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def grant_record_permissions(apps, schema_editor):
    # Permissions of new models only exist after migrate ends, unless created here.
    app_config = apps.get_app_config("clusterdirectory")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="clusterdirectory",
            codename__in=[
                "view_clusterregistration",
                "delete_clusterregistration",
                "view_contactrequest",
                "delete_contactrequest",
            ],
        )
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clusterdirectory", "0002_matchpoint"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_workflow, remove_workflow),
        migrations.RunPython(grant_record_permissions, migrations.RunPython.noop),
    ]
