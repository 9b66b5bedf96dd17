"""Load each feature's ``signals.py``: a feature folder connects its own receivers
(page-cache invalidation, notifications) without editing the app's ``apps.py``."""

import importlib
import importlib.util
import pkgutil


def load_feature_signals(app_config):
    """Import ``<app>.<feature>.signals`` for every feature package that has one."""
    package = importlib.import_module(app_config.name)
    for module in pkgutil.iter_modules(package.__path__):
        if not module.ispkg:
            continue
        name = f"{app_config.name}.{module.name}.signals"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)
