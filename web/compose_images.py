"""The compose stack's images, built like the sandbox's: no container registry needed.

- cvjudge-app: the web service and the graders. The source tree plus a virtualenv filled from
  wheels downloaded on the host (build/app-wheelhouse), so the build never reaches an index.
- cvjudge-redis, cvjudge-postgres: Debian's packages installed by apt inside the build (the
  Debian mirror answers over plain http from containers). Online, the official `redis` and
  `postgres` images serve as well: name them in CVJUDGE_REDIS_IMAGE / CVJUDGE_POSTGRES_IMAGE.

Every tag is a hash of what goes into the image, so building again with nothing changed
does nothing. `cvjudge compose-images` builds them all and records the tags in `.env`.
"""
import os
import secrets
import tomllib
from pathlib import Path

import docker

from judge import image as sandbox_image

ROOT = sandbox_image.ROOT
APP_WHEELHOUSE = Path(os.environ.get("CVJUDGE_APP_WHEELHOUSE", ROOT / "build" / "app-wheelhouse"))
APP_TREES = ("judge", "web", "challenges", "questions")
NOT_SHIPPED = {"__pycache__", "frontend"}  # web/frontend is the bundle's source, not needed to run
BUNDLE = ROOT / "web" / "static" / "dist" / "app.js"
DATASTORES = {"redis": ["deploy/redis/Dockerfile"],
              "postgres": ["deploy/postgres/Dockerfile", "deploy/postgres/entrypoint.sh"]}
IMAGE_VARIABLES = {"sandbox": "CVJUDGE_SANDBOX_IMAGE", "app": "CVJUDGE_APP_IMAGE",
                   "redis": "CVJUDGE_REDIS_IMAGE", "postgres": "CVJUDGE_POSTGRES_IMAGE"}
SECRET_VARIABLES = ("CVJUDGE_SECRET_KEY", "CVJUDGE_POSTGRES_PASSWORD", "CVJUDGE_REDIS_PASSWORD")


def app_requirements() -> list[str]:
    """The pinned dependencies of pyproject.toml: what the app image installs."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def _tree(top: str) -> dict[str, bytes]:
    files = {}
    for path in sorted((ROOT / top).rglob("*")):
        relative = path.relative_to(ROOT)
        if path.is_file() and not NOT_SHIPPED & set(relative.parts) and path.suffix != ".pyc":
            files[f"app/{relative.as_posix()}"] = path.read_bytes()
    return files


def app_files() -> dict[str, bytes]:
    """The app image's context, bar the wheels: Dockerfile, requirements, source under app/."""
    files = {name: (ROOT / name).read_bytes() for name in ("deploy/app/Dockerfile", "deploy/app/cvjudge")}
    files["build/app-requirements.txt"] = "\n".join(app_requirements()).encode() + b"\n"
    for top in APP_TREES:
        files.update(_tree(top))
    # the sandbox's build inputs, so a worker computes the same sandbox tag as the host
    files.update({f"app/{name}": data for name, data in sandbox_image.build_inputs().items()
                  if name.startswith("sandbox/")})
    return files


def datastore_files(name: str) -> dict[str, bytes]:
    return {path: (ROOT / path).read_bytes() for path in [*DATASTORES[name], "deploy/apt-install.sh"]}


def app_tag() -> str:
    return sandbox_image.content_tag("cvjudge-app", app_files())


def datastore_tag(name: str) -> str:
    return sandbox_image.content_tag(f"cvjudge-{name}", datastore_files(name))


def build_app_image(client, *, force: bool = False, log=print) -> str:
    if not BUNDLE.exists():
        raise RuntimeError(f"the front-end bundle {BUNDLE.relative_to(ROOT)} is missing: "
                           "run `make assets` first")
    tag = app_tag()
    if sandbox_image.image_exists(client, tag) and not force:
        log(f"app image {tag} is up to date")
        return tag
    base = sandbox_image.base_image(client, log)
    wheelhouse = sandbox_image.download_wheels(  # pip runs from its wheel in the build; it is not installed
        APP_WHEELHOUSE, [*app_requirements(), f"pip=={sandbox_image.PIP_VERSION}"],
        python_full=sandbox_image.python_version_of(client, base))
    context = sandbox_image.tar_context(app_files(), wheelhouse, wheels_at="build/app-wheelhouse")
    return sandbox_image.build_tagged(client, tag, context, "deploy/app/Dockerfile", base, "app", log)


def build_datastore_image(client, name: str, *, force: bool = False, log=print) -> str:
    tag = datastore_tag(name)
    if sandbox_image.image_exists(client, tag) and not force:
        log(f"{name} image {tag} is up to date")
        return tag
    return sandbox_image.build_tagged(client, tag, sandbox_image.tar_context(datastore_files(name)),
                                      DATASTORES[name][0], sandbox_image.base_image(client, log),
                                      name, log)


def build_stack_images(client=None, *, force: bool = False, keep: dict | None = None,
                       log=print) -> dict[str, str]:
    """Build what the compose file runs; returns {variable: tag} for the `.env` file.

    `keep` maps variables to images chosen elsewhere (the official redis, say): those are
    used as they are and not built.
    """
    client = client or docker.from_env()
    images = {}
    for name, variable in IMAGE_VARIABLES.items():
        if (keep or {}).get(variable):
            images[variable] = keep[variable]
        elif name == "sandbox":
            images[variable] = sandbox_image.build_image(client, force=force, log=log)
        elif name == "app":
            images[variable] = build_app_image(client, force=force, log=log)
        else:
            images[variable] = build_datastore_image(client, name, force=force, log=log)
    return images


def docker_socket_gid(socket: str = "/var/run/docker.sock") -> int:
    """The group that may use the engine's socket; the worker container joins it."""
    return os.stat(socket).st_gid


def read_env(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split("=", 1) for line in path.read_text().splitlines()
             if "=" in line and not line.lstrip().startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def images_to_keep(existing: dict[str, str]) -> dict[str, str]:
    """Image choices that are not ours (from the environment or `.env`) are left alone."""
    chosen = {}
    for variable in IMAGE_VARIABLES.values():
        value = os.environ.get(variable) or existing.get(variable, "")
        if value and not value.startswith("cvjudge-"):
            chosen[variable] = value
    return chosen


def write_env(path: Path, images: dict[str, str], docker_gid: int) -> None:
    """Record the image tags and the socket's group; generate missing secrets once."""
    values = read_env(path)
    values.update(images, CVJUDGE_DOCKER_GID=str(docker_gid))
    for variable in SECRET_VARIABLES:
        values.setdefault(variable, secrets.token_hex(24))  # hex: safe inside URLs
    lines = ["# Written by `cvjudge compose-images`: image tags, the Docker socket's group and",
             "# generated secrets (kept across runs). Keep this file private.",
             *(f"{key}={value}" for key, value in values.items())]
    path.write_text("\n".join(lines) + "\n")
    path.chmod(0o600)
