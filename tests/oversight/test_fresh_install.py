"""A fresh install (`migrate` and `create_agency_site`, no demo): the rule table of R10 is there, and the daily digest
command runs (nothing is due, nothing is queued). Builds its own database, as tests/test_fresh_install.py does."""

import json

from tests.test_fresh_install import fresh_install, fresh_install_template, manage, postgres_admin  # noqa: F401 - fixtures

CHECK = """
import json
from home.models import PostingRule
from home.posting import posting_limit
print(json.dumps({"rules": PostingRule.objects.count(), "questions": posting_limit("questions")}))
"""


def test_the_posting_rules_and_the_digest_command_work_on_a_fresh_install(fresh_install):  # noqa: F811
    env, _mail_dir = fresh_install
    assert json.loads(manage(env, "shell", "--no-imports", "-c", CHECK)) == {"rules": 9, "questions": 15}
    assert manage(env, "send_deadline_digests") == "0 digest(s) queued.\n"
