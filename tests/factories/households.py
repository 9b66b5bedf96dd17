"""Factories for the household register, residents and staff roles."""

import itertools
from decimal import Decimal

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from participation.households.choices import OwnerKind
from participation.households.codes import hash_code, new_code, normalize_code
from participation.households.models import Building, Owner, Unit
from participation.residents.choices import Relation, VerificationMethod
from participation.residents.models import ResidentProfile
from participation.roles import ensure_roles

PASSWORD = "correct horse battery staple"
_rooms = itertools.count(101)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"resident{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class BuildingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Building
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"{n + 1}号楼")
    sort_order = factory.Sequence(lambda n: n + 1)


class OwnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Owner

    ref = factory.Sequence(lambda n: f"O-{n:04d}")
    kind = OwnerKind.PERSON


def developer():
    owner, _created = Owner.objects.get_or_create(
        kind=OwnerKind.DEVELOPER, defaults={"ref": "developer"}
    )
    return owner


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    class Params:
        area = "89.50"  # UnitFactory(area="90.00") for area_m2=Decimal("90.00")

    building = factory.SubFactory(BuildingFactory)
    unit_no = "1"
    room = factory.LazyFunction(lambda: str(next(_rooms)))
    area_m2 = factory.LazyAttribute(lambda unit: Decimal(unit.area))
    owner = factory.SubFactory(OwnerFactory)


def unit_with_code(**kwargs):
    """A unit and the plain code of its letter."""
    code = new_code()
    unit = UnitFactory(
        code_hash=hash_code(normalize_code(code)), code_issued_at=timezone.now(), **kwargs
    )
    return unit, code


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResidentProfile

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"邻居{n}")
    consent_privacy_at = factory.LazyFunction(timezone.now)


def verified_resident(unit=None, relation=Relation.FAMILY, **kwargs):
    unit = unit or UnitFactory()
    return ResidentFactory(
        unit=unit,
        relation=relation,
        verified_at=timezone.now(),
        verification_method=VerificationMethod.CODE,
        **kwargs,
    )


def staff_in(role, **kwargs):
    """A staff user in one of the groups of ``participation.roles``."""
    ensure_roles()
    user = UserFactory(**{"is_staff": True, **kwargs})
    user.groups.add(Group.objects.get(name=role))
    return user
