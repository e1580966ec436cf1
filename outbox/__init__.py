"""The mail queue's memory: which messages an SMTP server has accepted (`outbox.sent`), so that a delivery task
run again after its worker was killed does not send the same e-mail twice. Rendering and queueing stay in
groundwork/mail.py. In development, e-mails are printed readable by `outbox.console`."""
