"""The demo loader's guard (issue 10): it never writes demo data, and its guessable
letter codes, into a database that holds a real register or where it is not allowed.
Each test starts from an empty database, so these are apart from the demo's own tests
(test_demo_community.py, which loads the demo once for the module)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command


def test_demo_refuses_to_run_where_it_is_not_allowed(db, settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_community", quiet=True, no_credentials=True)
    assert not get_user_model().objects.exists()


def test_demo_refuses_a_database_that_holds_a_real_register(db, settings, tmp_path):
    """Issue 10: demo codes are derived from the address; a real register must not get them."""
    from participation.households.models import Unit
    from tests.factories.households import BuildingFactory, OwnerFactory, UnitFactory

    settings.VAR_DIR = tmp_path
    real = UnitFactory(
        building=BuildingFactory(name="3号楼"),
        unit_no="1",
        room="301",
        owner=OwnerFactory(ref="张三-房产证-0001"),
        code_hash="real-hash",
    )
    with pytest.raises(CommandError, match="household register the demo did not create"):
        call_command("load_demo_community", quiet=True, no_credentials=True)
    real.refresh_from_db()
    assert real.code_hash == "real-hash"
    assert Unit.objects.count() == 1
    assert not get_user_model().objects.exists()


def test_demo_refuses_a_register_whose_addresses_are_not_the_demos(db, settings, tmp_path):
    from tests.factories.households import BuildingFactory, UnitFactory, developer

    settings.VAR_DIR = tmp_path
    UnitFactory(building=BuildingFactory(name="A座"), owner=developer())
    with pytest.raises(CommandError):
        call_command("load_demo_community", quiet=True, no_credentials=True)
    assert not get_user_model().objects.exists()
