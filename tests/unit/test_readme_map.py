"""The README's map of web/ names every kernel module and area, and nothing that is gone."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"


def web_map() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme[readme.index("- **web/**"):readme.index("Each container runs")]


def test_every_kernel_module_and_area_is_on_the_map():
    text = web_map()
    kernel = {path.name for path in WEB.glob("*.py")}
    areas = {path.parent.name for path in WEB.glob("*/__init__.py")} - {"migrations"}
    assert [name for name in sorted(kernel) if f"`{name}`" not in text] == []
    assert [area for area in sorted(areas) if f"`{area}/`" not in text] == []


def test_every_module_the_map_names_exists():
    names = set(re.findall(r"`([a-z_/]+\.py)`", web_map()))
    present = {path.name for path in WEB.rglob("*.py")} | {"import_contracts.py"}
    assert sorted(name for name in names if Path(name).name not in present) == []
