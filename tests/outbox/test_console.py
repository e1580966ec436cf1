"""The development console backend prints e-mails as a person reads them: headers decoded, body in plain text."""

import io

from django.core.mail import EmailMultiAlternatives

from outbox.console import EmailBackend


def test_subject_and_body_are_printed_readable():
    message = EmailMultiAlternatives(
        "Trang “Hội nghị” đã được gửi duyệt",
        "Xin chào Bình,\nTrang “Hội nghị” chờ Ban biên tập duyệt: http://quangngai.localhost:8000/admin/pages/7/edit/\n",
        "no-reply@quangngai.localhost",
        ["Trần Văn Bình <bbt@quangngai.gov.vn>"],
    )
    message.attach_alternative("<p>Xin chào Bình</p>", "text/html")
    stream = io.StringIO()

    EmailBackend(stream=stream).send_messages([message])

    printed = stream.getvalue()
    assert "Subject: Trang “Hội nghị” đã được gửi duyệt" in printed
    assert "To: Trần Văn Bình <bbt@quangngai.gov.vn>" in printed
    assert (
        "Xin chào Bình,\nTrang “Hội nghị” chờ Ban biên tập duyệt: http://quangngai.localhost:8000/admin/pages/7/edit/"
        in printed
    )
    assert "=?utf-8?" not in printed and "<p>" not in printed
