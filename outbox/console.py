"""An e-mail backend for development (portal.settings.dev) that prints each message as a person reads it.

Django's console backend prints the message as it would go on the wire: a Vietnamese subject comes out as
"=?utf-8?b?VHJhbmcg4oCc...?=" and the body may be quoted-printable. This one decodes the headers and prints the
plain-text body, noting any HTML alternative and attachments by name.
"""

from email import message_from_bytes, policy

from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend

SHOWN_HEADERS = ("Message-ID", "Date", "From", "To", "Cc", "Reply-To", "Subject")


class EmailBackend(DjangoConsoleBackend):
    """Django's console backend, with decoded headers and the plain-text body."""

    def write_message(self, message):
        parsed = message_from_bytes(message.message().as_bytes(), policy=policy.default)
        # Unfolded, on one line each (the decoder keeps the space that folding put before an encoded word).
        lines = [f"{name}: {' '.join(str(parsed[name]).split())}" for name in SHOWN_HEADERS if parsed[name] is not None]
        body = parsed.get_body(preferencelist=("plain",))
        lines += ["", body.get_content().rstrip() if body is not None else "(no plain-text part)"]
        for part in parsed.walk():
            if not part.is_multipart() and part is not body:  # the HTML alternative, attachments
                lines.append(f"[{' '.join(filter(None, [part.get_content_type(), part.get_filename()]))}]")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
