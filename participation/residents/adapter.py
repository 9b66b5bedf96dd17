"""allauth's adapter, changed in one place: e-mails go out as background tasks."""

from allauth.account.adapter import DefaultAccountAdapter

from participation.residents.tasks import send_email


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (
                content
                for content, mimetype in getattr(message, "alternatives", [])
                if mimetype == "text/html"
            ),
            None,
        )
        send_email.enqueue(
            subject=str(message.subject),
            body=message.body,
            from_email=message.from_email,
            to=list(message.to),
            html=html,
            headers=dict(message.extra_headers),
        )
