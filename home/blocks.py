"""StreamField blocks for the body of general pages and news."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("Cấp"), choices=[("h2", _("Tiêu đề mục")), ("h3", _("Tiêu đề mục con"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "blocks/heading.html"
        description = _("Tiêu đề chia bài viết thành các mục")
        preview_value = {"text": "Lịch sử hình thành", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    alt_text = blocks.CharBlock(
        label=_("Mô tả ảnh (cho người khiếm thị)"),
        required=False,
        max_length=255,
        help_text=_("Để trống nếu ảnh chỉ để trang trí; mặc định dùng mô tả của ảnh."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "blocks/image.html"
        description = _("Một ảnh với chú thích")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tệp"))
    title = blocks.CharBlock(label=_("Tên hiển thị"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tệp tải về")
        template = "blocks/document.html"
        description = _("Liên kết tải tệp (PDF, DOC, DOCX…)")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Nguồn / tác giả"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "blocks/quote.html"
        description = _("Đoạn trích dẫn, ghi rõ tác giả, nguồn (Điều 5.3)")
        preview_value = {"quote": "Thông tin đăng tải phải ghi rõ tác giả, nguồn.", "attribution": "Quy chế 16/2017"}


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Đoạn văn"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "hr", "superscript", "subscript"],
        template="blocks/paragraph.html",
        description=_("Văn bản có định dạng"),
        preview_value="<p>Quảng Ngãi là tỉnh ven biển Nam Trung Bộ.</p>",
    )
    image = ImageBlock()
    document = DocumentBlock()
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
