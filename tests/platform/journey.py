"""A partner platform's journey through the generated client; run by test_client.py.

Only the typed client talks to the server (no raw HTTP); each call's result is one union,
``<Model> | <one model per error code>``, narrowed once. Needs MATCHMAKER_URL and
MATCHMAKER_ADMIN_KEY.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import queue
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, TypeVar

from matchmaker_client import AuthenticatedClient
from matchmaker_client.api.imports import imports_create, imports_read
from matchmaker_client.api.incubators import incubators_create, incubators_list
from matchmaker_client.api.keys import keys_create, keys_me, keys_rotate
from matchmaker_client.api.matching import (
    incubators_matches,
    partners_matches,
    scenarios_matches,
    startups_bundle,
    startups_matches,
)
from matchmaker_client.api.partners import partners_create
from matchmaker_client.api.recommendations import recommendations_batch, recommendations_create
from matchmaker_client.api.reviews import matches_create
from matchmaker_client.api.scenarios import scenarios_create
from matchmaker_client.api.startups import (
    startups_create,
    startups_read,
    startups_update,
)
from matchmaker_client.api.webhooks import webhooks_create, webhooks_ping
from matchmaker_client.models import (
    AccessDetail,
    BatchRecommendation,
    BundleResponse,
    ConflictError,
    Domain,
    DuplicateDetail,
    DuplicateError,
    ForbiddenError,
    IdempotencyKeyReusedError,
    ImportFinishedEvent,
    ImportJobRead,
    ImportUpload,
    IncubatorCreate,
    IncubatorPage,
    IncubatorRead,
    InvalidTransitionError,
    KeyCreate,
    KeyIssued,
    MatchActionCreate,
    MatchList,
    MatchRecordRead,
    Me,
    NotFoundError,
    PartnerCreate,
    PartnerRead,
    PayloadTooLargeError,
    PingEvent,
    PingQueued,
    PreconditionFailedError,
    RateLimitedError,
    Recommendation,
    ResourceRef,
    ScenarioCreate,
    ScenarioRead,
    StartupBatch,
    StartupCreate,
    StartupRead,
    StartupRecommendation,
    StartupUpdate,
    Target,
    TargetKind,
    TransitionDetail,
    UnauthorizedError,
    ValidationFailedError,
    VersionDetail,
    WebhookCreate,
    WebhookCreated,
)
from matchmaker_client.types import File

T = TypeVar("T")
E = TypeVar("E")
api = AuthenticatedClient(
    base_url=os.environ["MATCHMAKER_URL"], token=os.environ["MATCHMAKER_ADMIN_KEY"], timeout=120
)
LOCATION = {"city": "Beijing", "region": "beijing", "country": "CN"}
STARTUP: dict[str, Any] = {
    "name": f"Weld Vision {uuid.uuid4().hex[:6]}",
    "pitch": "AI inspection of welds on car body lines",
    "domains": ["ai", "intelligent_manufacturing"],
    "stage": "pilot",
    "trl": 6,
    "location": LOCATION,
    "needs": ["pilot_scenario"],
}
INCUBATOR: dict[str, Any] = {
    "name": f"Weld Works {uuid.uuid4().hex[:6]}",
    "kind": "national_incubator",
    "description": "Manufacturing incubator with a pilot line for machine vision.",
    "location": LOCATION,
    "domains": ["ai", "intelligent_manufacturing"],
    "stages": ["prototype", "pilot"],
    "trl_min": 3,
    "trl_max": 8,
    "capacity": 5,
}


def ok(result: object, model: type[T]) -> T:
    assert isinstance(result, model), result
    return result


def error(result: object, model: type[E]) -> E:
    """Each error code parses into its own model, with a typed ``detail``."""
    assert isinstance(result, model), result
    return result


# Profiles: create, read with its ETag, update with If-Match; a stale one is refused.
created = startups_create.sync_detailed(client=api, body=StartupCreate.from_dict(STARTUP))
startup = ok(created.parsed, StartupRead)
assert created.headers["Location"] == f"/v1/startups/{startup.id}"
read = startups_read.sync_detailed(startup.id, client=api)
etag = read.headers["ETag"]
assert ok(read.parsed, StartupRead).name == STARTUP["name"]
patch = StartupUpdate.from_dict({"trl": 7})
updated = startups_update.sync_detailed(startup.id, client=api, body=patch, if_match=etag)
assert ok(updated.parsed, StartupRead).trl == 7
assert updated.headers["ETag"] != etag
stale = startups_update.sync(startup.id, client=api, body=patch, if_match=etag)
version = error(stale, PreconditionFailedError).detail
assert isinstance(version, VersionDetail)
assert version.current_version == 2, version
duplicate = startups_create.sync(client=api, body=StartupCreate.from_dict(STARTUP))
existing = error(duplicate, DuplicateError).detail
assert isinstance(existing, DuplicateDetail)
assert existing.existing_id == startup.id, existing
missing = startups_read.sync(2_000_000_000, client=api)
ref = error(missing, NotFoundError).detail
assert isinstance(ref, ResourceRef)
assert (ref.kind, ref.id) == ("startup", 2_000_000_000), ref
invalid = startups_create.sync(client=api, body=StartupCreate.from_dict({**STARTUP, "trl": 12}))
assert [f.field for f in error(invalid, ValidationFailedError).detail] == ["trl"]
incubator = ok(
    incubators_create.sync(client=api, body=IncubatorCreate.from_dict(INCUBATOR)), IncubatorRead
)
page = incubators_list.sync(
    client=api, domain=[Domain.AI], kind=[incubator.kind], q=INCUBATOR["name"]
)
assert [i.id for i in ok(page, IncubatorPage).items] == [incubator.id]
bad = incubators_list.sync(client=api, cursor="AAAAAA", limit=1)
ok(bad, IncubatorPage)

# Matches in every direction, and the bundle.
forward = ok(startups_matches.sync(startup.id, client=api), MatchList)
assert incubator.id in [m.profile.id for m in forward.matches]
backward = ok(incubators_matches.sync(incubator.id, client=api), MatchList)
assert startup.id in [m.profile.id for m in backward.matches]
bundle = startups_bundle.sync(startup.id, client=api)
ok(bundle, BundleResponse)

# A partner and a scenario it publishes: the startup's matches with each, and theirs back.
PARTNER = {
    "name": f"Weld Systems GmbH {uuid.uuid4().hex[:6]}",
    "kind": "multinational_corporation",
    "description": "Car body welding lines; pilots machine-vision inspection with startups.",
    "location": {"city": "Munich", "region": "abroad", "country": "DE"},
    "domains": ["ai", "intelligent_manufacturing"],
    "collaboration_modes": ["pilot_procurement"],
}
partner = ok(partners_create.sync(client=api, body=PartnerCreate.from_dict(PARTNER)), PartnerRead)
SCENARIO = {
    "title": "Weld seam inspection on a car body line",
    "publisher": partner.id,
    "description": "Pilot AI inspection of spot welds on a running car body line.",
    "domains": ["ai", "intelligent_manufacturing"],
    "location": LOCATION,
}
scenario = ok(
    scenarios_create.sync(client=api, body=ScenarioCreate.from_dict(SCENARIO)), ScenarioRead
)
for target, wanted in ((TargetKind.PARTNERS, partner.id), (TargetKind.SCENARIOS, scenario.id)):
    listed = ok(startups_matches.sync(startup.id, client=api, target=target, limit=50), MatchList)
    assert wanted in [m.profile.id for m in listed.matches], target
for back in (
    partners_matches.sync(partner.id, client=api, limit=50),
    scenarios_matches.sync(scenario.id, client=api, limit=50),
):
    assert startup.id in [m.profile.id for m in ok(back, MatchList).matches]

# Recommendations for profiles not stored: one, and a batch.
draft = StartupRecommendation.from_dict({"kind": "startups", "profile": {**STARTUP, "name": "X"}})
one = ok(recommendations_create.sync(client=api, body=draft), Recommendation)
assert incubator.id in [m.profile.id for m in one.results[0].matches]
batch_body = StartupBatch.from_dict({"kind": "startups", "profiles": [STARTUP, STARTUP]})
once = str(uuid.uuid4())
batch = ok(
    recommendations_batch.sync(client=api, body=batch_body, idempotency_key=once),
    BatchRecommendation,
)
assert len(batch.items) == 2
other_body = StartupBatch.from_dict({"kind": "startups", "profiles": [STARTUP]})
reused = recommendations_batch.sync(client=api, body=other_body, idempotency_key=once)
assert error(reused, IdempotencyKeyReusedError).detail[0].field == "Idempotency-Key"

# A webhook receiver, a subscription, and a signed ping verified before it is trusted.
events: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers["Content-Length"]))
        events.put((dict(self.headers), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


server = HTTPServer(("127.0.0.1", 0), Receiver)
threading.Thread(target=server.serve_forever, daemon=True).start()
hook = ok(
    webhooks_create.sync(
        client=api,
        body=WebhookCreate.from_dict(
            {"url": f"http://127.0.0.1:{server.server_port}/", "events": ["import.finished"]}
        ),
    ),
    WebhookCreated,
)
ok(webhooks_ping.sync(hook.id, client=api), PingQueued)
headers, raw = events.get(timeout=60)
signed = f"{headers['X-Matchmaker-Timestamp']}.".encode() + raw
expected = hmac.new(hook.secret.encode(), signed, hashlib.sha256).hexdigest()
assert hmac.compare_digest(f"v1={expected}", headers["X-Matchmaker-Signature"])
ping = PingEvent.from_dict(json.loads(raw))
assert ping.data.webhook_id == hook.id

# A bulk import: the upload is a real file part.
csv_file = (
    "external_id,name,pitch,domains,stage,trl,location.region\n"
    "c-1,Arm Lab,Robot hands,robotics,prototype,5,beijing\n"
)
upload = ImportUpload(
    file=File(payload=io.BytesIO(csv_file.encode()), file_name="rows.csv"),
    kind=Target.STARTUPS,
)
job = ok(imports_create.sync(client=api, body=upload), ImportJobRead)
finished = ImportFinishedEvent.from_dict(json.loads(events.get(timeout=120)[1]))
assert finished.data.import_id == job.id
done = ok(imports_read.sync(job.id, client=api), ImportJobRead)
assert done.status == finished.data.status == "finished", done

# A review action on the match.
action = MatchActionCreate.from_dict(
    {
        "startup_id": startup.id,
        "incubator_id": incubator.id,
        "action": "accept",
        "as_side": "target",
    }
)
record = ok(matches_create.sync(client=api, body=action), MatchRecordRead)
assert record.startup_id == startup.id
# A side that accepted withdraws; it cannot decline.
decline = MatchActionCreate.from_dict(
    {**action.to_dict(), "action": "decline", "reason": "domain_mismatch"}
)
refused = error(matches_create.sync(client=api, body=decline), InvalidTransitionError).detail
assert isinstance(refused, TransitionDetail)
assert refused.match_id == record.id, refused

# A founder's key may not create an incubator: 403 names its role and the kind.
founder = ok(keys_create.sync(client=api, body=KeyCreate.from_dict({"role": "founder"})), KeyIssued)
as_founder = AuthenticatedClient(base_url=os.environ["MATCHMAKER_URL"], token=founder.key)
refusal = incubators_create.sync(client=as_founder, body=IncubatorCreate.from_dict(INCUBATOR))
access = error(refusal, ForbiddenError).detail
assert isinstance(access, AccessDetail)
assert (access.role, access.kind) == ("founder", "incubator")
# The founder's key has a burst of 5 requests (the test server's limit): the next is a 429.
answers = [keys_me.sync(client=as_founder) for _ in range(6)]
assert isinstance(answers[-1], RateLimitedError), answers
# A body over the size limit is refused before it is read.
huge = StartupCreate.from_dict({**STARTUP, "description": "x" * (2 << 20)})
error(startups_create.sync(client=api, body=huge), PayloadTooLargeError)

# Without a key: 401, parsed like every error.
anonymous = AuthenticatedClient(base_url=os.environ["MATCHMAKER_URL"], token="mm_bad")
error(startups_read.sync(startup.id, client=anonymous), UnauthorizedError)

# Rotating the key in use, with no body: the new key works, the old one is revoked.
me = ok(keys_me.sync(client=api), Me)
issued = ok(keys_rotate.sync(me.key.id, client=api), KeyIssued)
rotated = AuthenticatedClient(base_url=os.environ["MATCHMAKER_URL"], token=issued.key)
assert ok(keys_me.sync(client=rotated), Me).key.id == issued.id
error(keys_me.sync(client=api), UnauthorizedError)
revoked = error(keys_rotate.sync(me.key.id, client=rotated), ConflictError).detail
assert isinstance(revoked, ResourceRef)
assert (revoked.kind, revoked.id) == ("key", me.key.id)
print("journey: done")
