"""Build the sandbox image locally, without needing a container registry.

The image tag is derived from the content of the build inputs, so a changed runner gives a
new tag and an unchanged one is reused: a second `make image` is a no-op. The helpers here
(base image, wheelhouse, tar context, content tag) also build the compose stack's images.
"""
import hashlib
import io
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import docker
import docker.errors

ROOT = Path(__file__).resolve().parent.parent
SANDBOX_DIR = ROOT / "sandbox"
WIRE_FILE = Path(__file__).resolve().parent / "wire.py"
IMAGE_REPOSITORY = "cvjudge-sandbox"
NUMPY_VERSION = "2.4.6"
PIP_VERSION = "24.3.1"
DEFAULT_BASE_IMAGE = "python:3.11-slim-bookworm"
BOOTSTRAP_TAG = "cvjudge-base:bookworm"
DEBIAN_MIRROR = os.environ.get("CVJUDGE_DEBIAN_MIRROR", "http://deb.debian.org/debian")
WHEELHOUSE = Path(os.environ.get("CVJUDGE_WHEELHOUSE", ROOT / "build" / "wheelhouse"))
IMAGE_PYTHON = "3.11"  # the Python of both bases (python:3.11-slim, Debian bookworm)


def build_inputs() -> dict[str, bytes]:
    """The files that go into the build context, by their name in the context."""
    return {
        "sandbox/Dockerfile": (SANDBOX_DIR / "Dockerfile").read_bytes(),
        "sandbox/runner.py": (SANDBOX_DIR / "runner.py").read_bytes(),
        "judge/wire.py": WIRE_FILE.read_bytes(),
    }


def content_tag(repository: str, files: dict[str, bytes], *extra: str) -> str:
    """`repository:<hash>` of the named files and any extra strings (pins, say)."""
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + data + b"\0")
    for item in extra:
        digest.update(item.encode())
    return f"{repository}:{digest.hexdigest()[:12]}"


def image_tag() -> str:
    """The tag the current sources build to (env CVJUDGE_SANDBOX_IMAGE overrides it)."""
    override = os.environ.get("CVJUDGE_SANDBOX_IMAGE")
    if override:
        return override
    return content_tag(IMAGE_REPOSITORY, build_inputs(), f"numpy=={NUMPY_VERSION}")


def image_exists(client, tag: str) -> bool:
    try:
        client.images.get(tag)
        return True
    except docker.errors.ImageNotFound:
        return False


def download_wheels(directory: Path, requirements: list[str], python_full: str | None = None) -> Path:
    """Fetch binary wheels of `requirements` for the images' Python and CPU on the host.

    Containers need no access to a package index: the wheels travel in the build context.
    Files already in `directory` are not downloaded again. `python_full`, the image's exact
    Python version, adds what only that version needs (see `needed_only_by`).
    """
    arch = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}[
        platform.machine().lower()]
    platforms = [f"manylinux_2_{minor}_{arch}" for minor in range(36, 16, -1)]  # bookworm: glibc 2.36
    directory.mkdir(parents=True, exist_ok=True)
    while requirements:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--only-binary=:all:", "--python-version", IMAGE_PYTHON, "--implementation", "cp",
             "--abi", "cp" + IMAGE_PYTHON.replace(".", ""),
             *(f"--platform={name}" for name in [*platforms, f"manylinux2014_{arch}"]),
             "-d", str(directory), *requirements],
            check=True,
        )
        requirements = needed_only_by(python_full, directory) if python_full else []
    return directory


def needed_only_by(python_full: str, directory: Path) -> list[str]:
    """Dependencies the image's Python needs that the host's pip did not fetch.

    pip evaluates environment markers for the Python that runs it, whatever --python-version
    says: a dependency declared for `python_full_version < "3.11.3"` (redis wants
    async-timeout so) is skipped on a 3.11.7 host, yet Debian bookworm's Python is 3.11.2.
    """
    from email.parser import Parser

    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    host = default_environment()
    target = {**host, "python_full_version": python_full, "implementation_version": python_full,
              "python_version": ".".join(python_full.split(".")[:2])}
    wheels = sorted(directory.glob("*.whl"))
    have = {canonicalize_name(wheel.name.split("-")[0]) for wheel in wheels}
    wanted = set()
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = Parser().parsestr(archive.read(name).decode())
        extras = ["", *metadata.get_all("Provides-Extra", [])]
        for line in metadata.get_all("Requires-Dist", []):
            requirement = Requirement(line)
            if requirement.marker is None or canonicalize_name(requirement.name) in have:
                continue
            if any(requirement.marker.evaluate({**target, "extra": extra})
                   and not requirement.marker.evaluate({**host, "extra": extra}) for extra in extras):
                requirement.marker = None
                wanted.add(str(requirement))
    return sorted(wanted)


def python_version_of(client, image: str) -> str:
    """The exact Python version inside `image` (it decides which markers hold there)."""
    command = ["python3", "-c", "import platform; print(platform.python_version())"]
    output = client.containers.run(image, command, remove=True, network_mode="none")
    return output.decode().strip()


def ensure_wheelhouse() -> Path:
    """numpy and pip wheels for the sandbox image."""
    have = {p.name.split("-")[0] for p in WHEELHOUSE.glob("*.whl")}
    if {"numpy", "pip"} <= have:
        return WHEELHOUSE
    return download_wheels(WHEELHOUSE, [f"numpy=={NUMPY_VERSION}", f"pip=={PIP_VERSION}"])


def base_image(client, log) -> str:
    """The configured base image if it can be had, else a locally bootstrapped Debian."""
    wanted = os.environ.get("CVJUDGE_BASE_IMAGE", DEFAULT_BASE_IMAGE)
    if image_exists(client, wanted):
        return wanted
    if wanted not in _UNPULLABLE:  # one failed pull is enough for several images
        try:
            log(f"pulling {wanted}")
            client.images.pull(wanted)
            return wanted
        except docker.errors.APIError as exc:
            _UNPULLABLE.add(wanted)
            log(f"cannot pull {wanted} ({exc.explanation or exc}); using a bootstrapped Debian base")
    if not image_exists(client, BOOTSTRAP_TAG):
        bootstrap_debian(client, log)
    return BOOTSTRAP_TAG


_UNPULLABLE: set[str] = set()


def bootstrap_debian(client, log) -> None:
    """debootstrap a minimal bookworm with python3 and import it as BOOTSTRAP_TAG."""
    if shutil.which("debootstrap") is None:
        raise RuntimeError("no base image could be pulled and debootstrap is not installed "
                           "(apt-get install debootstrap)")
    with tempfile.TemporaryDirectory(prefix="cvjudge-rootfs-") as tmp:
        rootfs = Path(tmp) / "rootfs"
        log(f"debootstrap bookworm from {DEBIAN_MIRROR} (about a minute)")
        subprocess.run(["debootstrap", "--variant=minbase", "--include=python3", "bookworm",
                        str(rootfs), DEBIAN_MIRROR], check=True, stdout=subprocess.DEVNULL)
        for leftover in ("var/cache/apt/archives", "var/lib/apt/lists"):
            shutil.rmtree(rootfs / leftover, ignore_errors=True)
        archive = Path(tmp) / "rootfs.tar"
        subprocess.run(["tar", "-C", str(rootfs), "-cf", str(archive), "."], check=True)
        repository, tag = BOOTSTRAP_TAG.split(":")
        client.api.import_image_from_file(str(archive), repository=repository, tag=tag)


def tar_context(files: dict[str, bytes], wheelhouse: Path | None = None,
                wheels_at: str = "build/wheelhouse") -> io.BytesIO:
    """A build context holding exactly `files`, plus the wheels of `wheelhouse` under `wheels_at`."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
        for wheel in sorted(wheelhouse.glob("*.whl")) if wheelhouse else ():
            tar.add(wheel, arcname=f"{wheels_at}/{wheel.name}")
    buffer.seek(0)
    return buffer


def build_tagged(client, tag: str, context: io.BytesIO, dockerfile: str, base: str,
                 kind: str, log) -> str:
    """Build `context` as `tag` on top of `base`, labelled `cvjudge.image=<kind>`."""
    log(f"building {tag} from {base}")
    try:
        client.images.build(fileobj=context, custom_context=True, tag=tag, dockerfile=dockerfile,
                            buildargs={"BASE_IMAGE": base}, rm=True, forcerm=True,
                            labels={"cvjudge.image": kind})
    except docker.errors.BuildError as exc:  # its message hides what the build printed
        output = "".join(chunk.get("stream", "") for chunk in exc.build_log).splitlines()
        raise RuntimeError(f"building {tag} failed: {exc.msg}\n" + "\n".join(output[-25:])) from None
    log(f"built {tag}")
    return tag


def build_image(client=None, *, force: bool = False, log=print) -> str:
    """Build the sandbox image if its tag is missing; return the tag."""
    client = client or docker.from_env()
    tag = image_tag()
    if image_exists(client, tag) and not force:
        log(f"sandbox image {tag} is up to date")
        return tag
    wheelhouse = ensure_wheelhouse()
    return build_tagged(client, tag, tar_context(build_inputs(), wheelhouse), "sandbox/Dockerfile",
                        base_image(client, log), "sandbox", log)
