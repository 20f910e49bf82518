"""The compose images' build inputs and the `.env` they are recorded in (no Docker needed)."""
import stat

import pytest

from judge import image as sandbox_image
from web import compose_images as images


def source_tree(root, *, bundle: bool):
    """A checkout in miniature: source, clutter, and the built bundle or not."""
    for name in ("web/wsgi.py", "web/__pycache__/wsgi.cpython-311.pyc", "web/frontend/src/main.js",
                 "challenges/iou/challenge.toml", "questions/coding/iou.md", "judge/engine.py",
                 "deploy/app/Dockerfile", "deploy/app/cvjudge", "pyproject.toml",
                 *(["web/static/dist/app.js"] if bundle else [])):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text('[project]\ndependencies = ["flask==1"]\n'
                                 if name == "pyproject.toml" else name)
    return root


def test_app_context_ships_the_source_and_the_bundle_not_the_clutter(tmp_path, monkeypatch):
    monkeypatch.setattr(images, "ROOT", source_tree(tmp_path, bundle=True))
    files = images.app_files()
    assert {"app/web/wsgi.py", "app/challenges/iou/challenge.toml", "app/questions/coding/iou.md",
            "app/web/static/dist/app.js"} <= set(files)  # the built bundle ships, not its source
    assert not any("/__pycache__/" in name or name.endswith(".pyc") for name in files)
    assert not any(name.startswith("app/web/frontend/") for name in files)


def test_the_app_image_is_not_built_without_the_bundle(tmp_path, monkeypatch):
    root = source_tree(tmp_path, bundle=False)
    monkeypatch.setattr(images, "ROOT", root)
    monkeypatch.setattr(images, "BUNDLE", root / "web" / "static" / "dist" / "app.js")
    with pytest.raises(RuntimeError, match="make assets"):
        images.build_app_image(client=None)


def test_the_real_tree_ships_its_source():
    files = images.app_files()
    assert "app/web/wsgi.py" in files and "app/challenges/iou/challenge.toml" in files
    assert "app/questions/syllabus.yaml" in files


def test_the_worker_computes_the_hosts_sandbox_tag():
    """The app image carries the sandbox's build inputs, so image_tag() agrees in a worker."""
    files = images.app_files()
    for name, data in sandbox_image.build_inputs().items():
        assert files[f"app/{name}"] == data


def test_requirements_are_the_exact_pins_of_pyproject():
    requirements = images.app_requirements()
    assert any(r.startswith("gunicorn==") for r in requirements)
    assert all("==" in r for r in requirements)
    text = images.app_files()["build/app-requirements.txt"].decode()
    assert text.split() == requirements


def test_tags_depend_on_content_only():
    assert images.app_tag() == images.app_tag()
    files = {"a": b"1"}
    assert sandbox_image.content_tag("x", files) != sandbox_image.content_tag("x", {"a": b"2"})
    assert images.datastore_tag("redis") != images.datastore_tag("postgres")


def test_env_file_keeps_secrets_and_refreshes_tags(tmp_path):
    env = tmp_path / ".env"
    images.write_env(env, {"CVJUDGE_APP_IMAGE": "cvjudge-app:one"}, 112)
    first = images.read_env(env)
    assert first["CVJUDGE_APP_IMAGE"] == "cvjudge-app:one" and first["CVJUDGE_DOCKER_GID"] == "112"
    assert all(len(first[name]) == 48 for name in images.SECRET_VARIABLES)
    assert stat.S_IMODE(env.stat().st_mode) == 0o600
    env.write_text(env.read_text() + "CVJUDGE_HTTP_BIND=0.0.0.0:80\n")
    images.write_env(env, {"CVJUDGE_APP_IMAGE": "cvjudge-app:two"}, 999)
    second = images.read_env(env)
    assert second["CVJUDGE_APP_IMAGE"] == "cvjudge-app:two" and second["CVJUDGE_DOCKER_GID"] == "999"
    assert all(second[name] == first[name] for name in images.SECRET_VARIABLES)
    assert second["CVJUDGE_HTTP_BIND"] == "0.0.0.0:80"


def test_images_chosen_elsewhere_are_kept(monkeypatch):
    monkeypatch.delenv("CVJUDGE_POSTGRES_IMAGE", raising=False)
    monkeypatch.setenv("CVJUDGE_REDIS_IMAGE", "redis:7-bookworm")
    chosen = images.images_to_keep({"CVJUDGE_POSTGRES_IMAGE": "postgres:15",
                                     "CVJUDGE_APP_IMAGE": "cvjudge-app:old"})
    assert chosen == {"CVJUDGE_REDIS_IMAGE": "redis:7-bookworm",
                      "CVJUDGE_POSTGRES_IMAGE": "postgres:15"}


def fake_wheel(directory, name: str, *requires: str, extras: tuple[str, ...] = ()):
    """A wheel holding nothing but its METADATA: enough for needed_only_by to read."""
    import zipfile
    lines = [f"Name: {name}", "Version: 1.0", *(f"Provides-Extra: {e}" for e in extras),
             *(f"Requires-Dist: {r}" for r in requires)]
    with zipfile.ZipFile(directory / f"{name}-1.0-py3-none-any.whl", "w") as archive:
        archive.writestr(f"{name}-1.0.dist-info/METADATA", "\n".join(lines) + "\n")


def test_dependencies_only_the_images_python_needs_are_found(tmp_path, monkeypatch):
    """pip on a 3.11.7 host skips what Debian's 3.11.2 needs; the build would then fail."""
    import packaging.markers
    host = {**packaging.markers.default_environment(), "python_full_version": "3.11.7",
            "implementation_version": "3.11.7", "python_version": "3.11"}
    monkeypatch.setattr(packaging.markers, "default_environment", lambda: dict(host))
    fake_wheel(tmp_path, "client", 'timeouts>=4; python_full_version < "3.11.3"',
               'always>=1', 'old; python_version < "3.8"',
               'fast>=2; extra == "speed" and python_full_version < "3.11.3"', extras=("speed",))
    fake_wheel(tmp_path, "always")
    assert sandbox_image.needed_only_by("3.11.2", tmp_path) == ["fast>=2", "timeouts>=4"]
    assert sandbox_image.needed_only_by("3.11.9", tmp_path) == []
