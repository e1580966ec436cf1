"""A real SMTP server for following's e-mails: the fixtures of tests/groundwork/test_mail.py."""

from tests.groundwork.test_mail import smtp_port, smtp_server

__all__ = ["smtp_port", "smtp_server"]
