"""The tone hint on a couplet's edit page: advice for the editor, never a refusal."""

from wagtail.admin.panels import Panel


class ToneHintPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/tone_hint_panel.html"

        def is_shown(self):
            return bool(self.instance is not None and self.instance.pk and self.instance.tone_hint)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["hint"] = self.instance.tone_hint
            return context
