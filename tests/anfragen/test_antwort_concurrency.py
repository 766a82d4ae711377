"""Two Beratung members press "Antwort senden" on the same request at the same moment: one answer, one mail.

Only PostgreSQL with two real connections shows that the row lock makes the
second sender wait and then see the first one's answer; SQLite serialises
every write anyway (tests/anfragen/test_antworten.py checks the rule itself).
"""

import threading
import time
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from anfragen import services
from anfragen.models import Antwort
from tests.factories import make_anfrage

TIMEOUT = 30


@pytest.mark.django_db(transaction=True)
def test_two_members_answering_at_once_send_one_mail(postgresql_only):
    anfrage = make_anfrage(email="person@example.org")
    # Plain users: a transactional test may run after another has flushed the staff groups.
    members = [User.objects.create_user(name, is_staff=True) for name in ("erste", "zweite")]
    geoeffnet = timezone.now()  # both opened the reply form before either sent
    mail.outbox.clear()
    barrier = threading.Barrier(len(members))
    outcomes: dict[str, object] = {}
    record = services._record_answer

    def slow_record(**kwargs):
        time.sleep(0.3)  # the first sender holds the lock a while: the second must wait for it, not slip past
        return record(**kwargs)

    def send(user):
        try:
            barrier.wait(timeout=TIMEOUT)
            services.antwort_send(anfrage=anfrage, text=f"Antwort von {user}", user=user, stand=geoeffnet)
            outcomes[user.username] = "gesendet"
        except ValidationError as error:
            outcomes[user.username] = error.code
        except BaseException as error:
            barrier.abort()
            outcomes[user.username] = error
        finally:
            connection.close()

    with mock.patch("anfragen.services._record_answer", slow_record):
        threads = [threading.Thread(target=send, args=(user,)) for user in members]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(TIMEOUT)

    assert sorted(map(str, outcomes.values())) == ["answered_meanwhile", "gesendet"], outcomes
    assert Antwort.objects.filter(anfrage=anfrage).count() == 1
    assert [m.to for m in mail.outbox] == [["person@example.org"]]
    winner = next(name for name, outcome in outcomes.items() if outcome == "gesendet")
    assert mail.outbox[0].body.startswith(f"Antwort von {winner}")
