"""The demo community's households and residents, for ``load_demo_community``.

12 buildings × 2 units (单元) × 6 floors × 2 flats = 288 households with areas between
60 and 140 m². Most owners hold one flat; every 23rd owner also holds the flat across
the landing (one head, two areas), and the developer still holds six unsold flats in
12号楼 and one in 11号楼 (one head together). Demo residents show each state: verified
owner's voter, family member, tenant, a building captain, a committee member, and one
person who signed up but has not claimed a unit yet.

Demo letter codes are derived from the address (``demo_code``), so they are the same on
every machine and the README can name one to try. That is only acceptable because the
community is fictional: never load the demo into a real site. ``foreign_households``
counts what the register holds that the demo did not create, and the loader refuses to
run while it is not zero (a real register must never receive guessable codes or demo
log-ins). Unused demo codes are
re-hashed on every run, so they work under whichever SECRET_KEY the site runs with
(``make run`` and ``make serve`` use different keys on one database).
"""

import hashlib
import random
from dataclasses import dataclass
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from participation import roles
from participation.demo import volunteering as volunteering_demo
from participation.demo.consultations import ensure_demo_consultations
from participation.demo.reports import ensure_demo_reports
from participation.demo.reports import summary as reports_summary
from participation.demo.votes import ensure_demo_votes
from participation.households.choices import OwnerKind
from participation.households.codes import ALPHABET, CODE_LENGTH, format_code, hash_code
from participation.households.models import Building, Owner, Unit
from participation.residents.choices import Relation, VerificationMethod
from participation.residents.models import ResidentProfile
from participation.votes.models import PlanVote

UNITS_PER_BUILDING = 2


FLOORS = 6


FLATS_PER_FLOOR = 2


TWO_FLAT_OWNER_EVERY = 23


DEVELOPER_FLATS = {("12号楼", "2", f"{floor}0{flat}") for floor in (4, 5, 6) for flat in (1, 2)}


DEVELOPER_FLATS.add(("11号楼", "2", "602"))


EMAIL_DOMAIN = "qingwu.example"


@dataclass(frozen=True)
class DemoPerson:
    username: str
    name: str
    address: tuple | None
    relation: str = ""
    phone: str = ""
    role: str | None = None
    captain_of: str | None = None
    staff: bool = False
    verified: bool = True
    what: str = ""


PEOPLE = [
    DemoPerson(
        "wangfang",
        "3号楼王芳",
        ("3号楼", "1", "301"),
        Relation.OWNER_VOTER,
        "6123 7301",
        what="verified, owner's named voter",
    ),
    DemoPerson(
        "liqiang", "李强", ("3号楼", "1", "301"), Relation.FAMILY, what="verified, family member"
    ),
    DemoPerson(
        "zhaomin",
        "赵敏",
        ("5号楼", "2", "402"),
        Relation.TENANT,
        "6123 7542",
        what="verified, tenant",
    ),
    DemoPerson(
        "wangguifang",
        "王阿姨",
        ("3号楼", "2", "201"),
        Relation.OWNER_VOTER,
        "6123 4505",
        role=roles.CAPTAIN,
        captain_of="3号楼",
        what="building captain of 3号楼",
    ),
    DemoPerson(
        "zhouxiaowen",
        "周晓雯（网格员）",
        None,
        role=roles.COMMITTEE,
        staff=True,
        verified=False,
        what="committee member (居委会), can verify residents in /admin/",
    ),
    DemoPerson(
        "wuye",
        "青梧物业客服",
        None,
        role=roles.PROPERTY,
        staff=True,
        verified=False,
        what="property company (物业), handles resident reports in /admin/",
    ),
    DemoPerson(
        "chenjing",
        "陈静",
        None,
        verified=False,
        what="signed up, not verified yet: try the letter code below",
    ),
]


# The household whose letter the README suggests trying (as chenjing).
TRY_ADDRESS = ("3号楼", "1", "502")


def demo_code(building, unit_no, room):
    """The fixed demo code of one address, grouped like a real one (ABCD-EFGH-JKMN)."""
    digest = hashlib.sha256(f"linli-demo:{building}-{unit_no}-{room}".encode()).digest()
    return format_code("".join(ALPHABET[b % len(ALPHABET)] for b in digest[:CODE_LENGTH]))


def _bare(code):
    return code.replace("-", "")


def _addresses(building):
    for unit_no in range(1, UNITS_PER_BUILDING + 1):
        for floor in range(1, FLOORS + 1):
            for flat in range(1, FLATS_PER_FLOOR + 1):
                yield str(unit_no), f"{floor}0{flat}"


def _area(building_number, unit_no, flat):
    """Flat 1 is the smaller plan; each building varies a little around its plan."""
    rng = random.Random(f"{building_number}-{unit_no}-{flat}")  # noqa: S311 - demo data
    base = (62, 96) if flat == "1" else (98, 138)
    return Decimal(rng.randint(base[0] * 100, base[1] * 100)) / 100


def _demo_ref(number, unit_no, room):
    return f"QW-{number:02d}-{unit_no}-{room}"


def foreign_households(building_names):
    """How many units and owners in the register the demo did not create.

    ``building_names`` maps the demo's building numbers to names ({3: "3号楼"}). A unit
    is the demo's when its address is one the demo builds and its owner is the
    developer or a demo owner (``QW-…`` refs); an owner is the demo's when its ref is
    one the demo gives. Anything else means the database holds a real register, into
    which demo codes (derived from the address, so guessable) must never be written.
    """
    addresses = {
        (name, unit_no, room)
        for name in building_names.values()
        for unit_no, room in _addresses(name)
    }
    refs = {
        _demo_ref(number, unit_no, room)
        for number, name in building_names.items()
        for unit_no, room in _addresses(name)
    }
    rows = Unit.objects.values_list(
        "building__name", "unit_no", "room", "owner__ref", "owner__kind"
    ).iterator()
    foreign_units = sum(
        1
        for building, unit_no, room, ref, kind in rows
        if (building, unit_no, room) not in addresses
        or (kind != OwnerKind.DEVELOPER and ref not in refs)
    )
    foreign_owners = Owner.objects.exclude(kind=OwnerKind.DEVELOPER).exclude(ref__in=refs)
    return foreign_units + foreign_owners.count()


def ensure_households(buildings):
    """Units and owners for the demo buildings; returns how many units were added."""
    developer, _created = Owner.objects.get_or_create(
        kind=OwnerKind.DEVELOPER, defaults={"ref": "developer"}
    )
    existing = {(u.building_id, u.unit_no, u.room) for u in Unit.objects.all()}
    owners = {o.ref: o for o in Owner.objects.all()}
    now = timezone.now()
    new_units = []
    counter = 0
    for number, building in sorted(buildings.items()):
        shared_owner = None
        for unit_no, room in _addresses(building):
            counter += 1
            if (building.name, unit_no, room) in DEVELOPER_FLATS:
                owner = developer
            elif shared_owner is not None:
                owner, shared_owner = shared_owner, None
            else:
                ref = _demo_ref(number, unit_no, room)
                owner = owners.get(ref) or Owner.objects.create(ref=ref)
                owners[ref] = owner
                if counter % TWO_FLAT_OWNER_EVERY == 0 and room.endswith("1"):
                    shared_owner = owner
            if (building.pk, unit_no, room) in existing:
                continue
            new_units.append(
                Unit(
                    building=building,
                    unit_no=unit_no,
                    room=room,
                    area_m2=_area(number, unit_no, room[-1]),
                    owner=owner,
                    code_issued_at=now,
                )
            )
    Unit.objects.bulk_create(new_units)
    _rehash_unused_codes()
    return len(new_units)


def _rehash_unused_codes():
    units = list(Unit.objects.select_related("building").filter(code_used_at__isnull=True))
    for unit in units:
        unit.code_hash = hash_code(_bare(demo_code(unit.building.name, unit.unit_no, unit.room)))
    Unit.objects.bulk_update(units, ["code_hash"], batch_size=500)


def _unit(address):
    building, unit_no, room = address
    return Unit.objects.select_related("owner").get(
        building__name=building, unit_no=unit_no, room=room
    )


def ensure_people(password):
    """The demo residents and staff (see PEOPLE); passwords are reset on every run."""
    roles.ensure_roles()
    user_model = get_user_model()
    now = timezone.now()
    for person in PEOPLE:
        user, created = user_model.objects.get_or_create(
            username=person.username,
            defaults={"email": f"{person.username}@{EMAIL_DOMAIN}", "first_name": person.name},
        )
        user.is_staff = person.staff
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if person.role:
            user.groups.add(Group.objects.get(name=person.role))
        if not created or person.staff:
            continue  # staff are not residents: no profile, not "waiting for verification"
        profile = ResidentProfile(
            user=user,
            display_name=person.name,
            phone=person.phone,
            consent_privacy_at=now,
            consent_contact_at=now,
        )
        if person.captain_of:
            profile.captain_of = Building.objects.get(name=person.captain_of)
        if person.address and person.verified:
            unit = _unit(person.address)
            profile.unit, profile.relation = unit, person.relation
            profile.verified_at = now
            profile.verification_method = VerificationMethod.CODE
            Unit.objects.filter(pk=unit.pk, code_used_at__isnull=True).update(code_used_at=now)
            if person.relation == Relation.OWNER_VOTER:
                Owner.objects.filter(pk=unit.owner_id, voter__isnull=True).update(voter=user)
        profile.save()


def ensure_editor_email(username):
    """Log-ins go through allauth, which wants a confirmed address: confirm the editor's."""
    user = get_user_model().objects.get(username=username)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def load(buildings, password, editor_username):
    """Everything above, then the demo plan votes; returns the units added in this run."""
    added = ensure_households(buildings)
    ensure_people(password)
    ensure_editor_email(editor_username)
    users = get_user_model().objects
    committee = next(p.username for p in PEOPLE if p.role == roles.COMMITTEE)
    ensure_demo_votes(
        clerk=users.get(username=committee),
        keep_free_users=users.filter(username__in=[p.username for p in PEOPLE]),
    )
    ensure_demo_consultations(committee=users.get(username=committee))
    volunteering_demo.ensure_demo_volunteering()
    ensure_demo_reports(
        committee=users.get(username=committee), property_staff=users.get(username="wuye")
    )
    return added


def summary():
    units = Unit.objects.count()
    owners = Owner.objects.filter(units__isnull=False).distinct().count()
    votes = PlanVote.objects.count()
    return (
        f"Households: {units} units, {owners} owners by head (the developer is one). "
        f"Plan votes: {votes} (/votes/; wangfang votes for her owner). "
        + volunteering_demo.summary()
        + " "
        + reports_summary()
    )


def credentials_text(password):
    lines = ["Demo residents (log in at /accounts/login/, same password as the editor):"]
    for person in PEOPLE:
        where = "-".join(person.address) if person.address else ""
        lines.append(f"  {person.username:<12} {password}  {person.what} {where}".rstrip())
    address = "-".join(TRY_ADDRESS)
    lines.append(
        f"Letter code to try at /accounts/household/: {address}  {demo_code(*TRY_ADDRESS)}"
    )
    return "\n".join(lines)
