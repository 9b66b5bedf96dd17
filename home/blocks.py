"""StreamField blocks for content pages: one shared body block, as bakerydemo does."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.events.blocks import UpcomingEventsBlock
from participation.blocks import OpenConsultationsBlock, OpenVotesBlock, VolunteersNeededBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=200, label=_("Caption"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Text alternative"),
        help_text=_("What the image shows, for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(required=False, max_length=120, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        template = "blocks/attachment_block.html"
        label = _("Attachment")


class ContactBlock(blocks.StructBlock):
    """Who to call or visit about a notice: most notices end with one."""

    name = blocks.CharBlock(max_length=60, label=_("Name or office"))
    role = blocks.CharBlock(required=False, max_length=60, label=_("Role"))
    phone = blocks.CharBlock(required=False, max_length=40, label=_("Phone"))
    address = blocks.CharBlock(required=False, max_length=120, label=_("Address"))
    hours = blocks.CharBlock(required=False, max_length=120, label=_("Opening hours"))

    class Meta:
        icon = "user"
        template = "blocks/contact_block.html"
        label = _("Contact")


class BodyBlock(blocks.StreamBlock):
    """The body of notices, standard pages and home page sections."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="blocks/paragraph_block.html",
        label=_("Paragraph"),
        icon="pilcrow",
    )
    image = ImageBlock()
    attachment = AttachmentBlock()
    table = TableBlock(label=_("Table"), icon="table")
    contact = ContactBlock()

    class Meta:
        label = _("Body")


class HomeBodyBlock(BodyBlock):
    """The home page's sections: the shared body plus what participation offers."""

    open_votes = OpenVotesBlock()
    open_consultations = OpenConsultationsBlock()
    upcoming_events = UpcomingEventsBlock()
    volunteers_needed = VolunteersNeededBlock()

    class Meta:
        label = _("Sections")


# Home sections with live figures (turnout bars, supports, free seats): their HTML is
# kept for LIVE_SECONDS at most (a vote or the clock changes them, not only an edit).
# The other sections are the same for everyone until an editor changes them, so the
# home page keeps their HTML per cache generation ({% memo %}, portal.fragment_tags).
LIVE_SECTIONS = ("open_votes", "open_consultations", "volunteers_needed")
