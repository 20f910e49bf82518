"""Build the sandbox image locally, without needing a container registry.

The image tag is derived from the content of the build inputs, so a changed runner gives a
new tag and an unchanged one is reused: a second `make image` is a no-op.
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


def build_inputs() -> dict[str, bytes]:
    """The files that go into the build context, by their name in the context."""
    return {
        "sandbox/Dockerfile": (SANDBOX_DIR / "Dockerfile").read_bytes(),
        "sandbox/runner.py": (SANDBOX_DIR / "runner.py").read_bytes(),
        "judge/wire.py": WIRE_FILE.read_bytes(),
    }


def image_tag() -> str:
    """The tag the current sources build to (env CVJUDGE_SANDBOX_IMAGE overrides it)."""
    override = os.environ.get("CVJUDGE_SANDBOX_IMAGE")
    if override:
        return override
    digest = hashlib.sha256()
    for name, data in sorted(build_inputs().items()):
        digest.update(name.encode() + b"\0" + data + b"\0")
    digest.update(f"numpy=={NUMPY_VERSION}".encode())
    return f"{IMAGE_REPOSITORY}:{digest.hexdigest()[:12]}"


def image_exists(client, tag: str) -> bool:
    try:
        client.images.get(tag)
        return True
    except docker.errors.ImageNotFound:
        return False


def ensure_wheelhouse() -> Path:
    """Download numpy and pip wheels for the image's Python (3.11) on the host."""
    arch = {"x86_64": "x86_64", "amd64": "x86_64", "aarch64": "aarch64", "arm64": "aarch64"}[
        platform.machine().lower()]
    WHEELHOUSE.mkdir(parents=True, exist_ok=True)
    have = {p.name.split("-")[0] for p in WHEELHOUSE.glob("*.whl")}
    if {"numpy", "pip"} <= have:
        return WHEELHOUSE
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
         "--python-version", "3.11", "--implementation", "cp", "--abi", "cp311",
         "--platform", f"manylinux_2_28_{arch}", "--platform", f"manylinux2014_{arch}",
         "-d", str(WHEELHOUSE), f"numpy=={NUMPY_VERSION}", f"pip=={PIP_VERSION}"],
        check=True,
    )
    return WHEELHOUSE


def base_image(client, log) -> str:
    """The configured base image if it can be had, else a locally bootstrapped Debian."""
    wanted = os.environ.get("CVJUDGE_BASE_IMAGE", DEFAULT_BASE_IMAGE)
    if image_exists(client, wanted):
        return wanted
    try:
        log(f"pulling {wanted}")
        client.images.pull(wanted)
        return wanted
    except docker.errors.APIError as exc:
        log(f"cannot pull {wanted} ({exc.explanation or exc}); using a bootstrapped Debian base")
    if not image_exists(client, BOOTSTRAP_TAG):
        bootstrap_debian(client, log)
    return BOOTSTRAP_TAG


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


def build_context(wheelhouse: Path) -> io.BytesIO:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for name, data in build_inputs().items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o644
            tar.addfile(info, io.BytesIO(data))
        for wheel in sorted(wheelhouse.glob("*.whl")):
            tar.add(wheel, arcname=f"build/wheelhouse/{wheel.name}")
    buffer.seek(0)
    return buffer


def build_image(client=None, *, force: bool = False, log=print) -> str:
    """Build the sandbox image if its tag is missing; return the tag."""
    client = client or docker.from_env()
    tag = image_tag()
    if image_exists(client, tag) and not force:
        log(f"sandbox image {tag} is up to date")
        return tag
    wheelhouse = ensure_wheelhouse()
    base = base_image(client, log)
    log(f"building {tag} from {base}")
    client.images.build(fileobj=build_context(wheelhouse), custom_context=True, tag=tag,
                        dockerfile="sandbox/Dockerfile", buildargs={"BASE_IMAGE": base}, rm=True, forcerm=True,
                        labels={"cvjudge.image": "sandbox"})
    log(f"built {tag}")
    return tag
