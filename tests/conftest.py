"""Shared fixtures: every test gets its own config, data and cache folders."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))  # the seeded generators: `import generate_crm`

if TYPE_CHECKING:
    from generate_crm import CustomerExport, ProspectList

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEV_DATA = SHARED / "dev-data"


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep tests away from the user's real config, sessions and index."""
    root = tmp_path_factory.mktemp("icp-home")
    monkeypatch.setenv("ICP_COACH_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("ICP_COACH_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("ICP_COACH_CACHE_DIR", str(root / "cache"))
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ICP_COACH_API_KEY", "ICP_COACH_BASE_URL",
                 "ICP_COACH_ENGINE", "ICP_COACH_MODEL", "ICP_COACH_CHROMA_URL"):
        monkeypatch.delenv(name, raising=False)
    return root


@pytest.fixture
def dev_data() -> Path:
    """The team's labelled corpus, beside the repository on the team's machines only.

    Tests that use it say so in their name (``..._devcorpus``) and skip on a fresh clone.
    """
    if not DEV_DATA.is_dir():
        pytest.skip(f"the team's labelled corpus is not beside this checkout ({DEV_DATA})")
    return DEV_DATA


@pytest.fixture(scope="session")
def customer_export(tmp_path_factory: pytest.TempPathFactory) -> CustomerExport:
    """A seeded CRM export (400 customers, one duplicate row) with planted traits and best accounts."""
    from generate_crm import write_customer_export

    return write_customer_export(tmp_path_factory.mktemp("crm") / "customers.csv")


@pytest.fixture(scope="session")
def prospect_list(tmp_path_factory: pytest.TempPathFactory) -> ProspectList:
    """A seeded prospect list (200 accounts) whose exclusions and tiers were planted, with its rules file."""
    from generate_crm import write_prospect_list, write_rules

    folder = tmp_path_factory.mktemp("prospects")
    planted = write_prospect_list(folder / "prospects.csv")
    write_rules(folder / "icp_rules.json", planted.rules)
    return planted
