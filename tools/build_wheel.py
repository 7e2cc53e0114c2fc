"""Builds the pure-Python wheel of ``cip_core`` that the calculator's worker loads in Pyodide.

Standard library only (zipfile), no network, deterministic: the same sources give the same bytes
(fixed timestamps, sorted entries). Only the ``cip_core`` package goes in — not site_plugins,
not the tests. The file name carries a hash of the package's content as a local version label,
``cip_core-0.1.0+h1a2b3c4d-py3-none-any.whl``, so a browser cache can never serve a stale core
under a current name.

    python -m tools.build_wheel [OUT_DIR]
"""

from __future__ import annotations

import base64
import hashlib
import io
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "cip_core"
DIST_NAME = "cip-core"  # the distribution's name in pyproject.toml
WHEEL_NAME = "cip_core"  # its normalised form in file names (PEP 427)
TAG = "py3-none-any"
# Zip entries get this timestamp whatever the files' mtimes: the build is reproducible.
FIXED_DATE = (2020, 1, 1, 0, 0, 0)
# What the package ships: code, its TOML data and the typing marker. Anything else (editor
# backups, caches) stays out.
SHIPPED_SUFFIXES = (".py", ".toml", ".typed")


def package_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """Files of the package that go into the wheel, sorted by their path in the wheel."""
    files = [
        path
        for path in package_dir.rglob("*")
        if path.is_file()
        and path.suffix in SHIPPED_SUFFIXES
        and "__pycache__" not in path.relative_to(package_dir).parts
    ]
    return sorted(files, key=lambda p: p.relative_to(package_dir).as_posix())


def content_hash(package_dir: Path = PACKAGE_DIR) -> str:
    """First 8 hex digits of a sha256 over every shipped file's path and bytes."""
    digest = hashlib.sha256()
    for path in package_files(package_dir):
        name = path.relative_to(package_dir).as_posix().encode()
        data = path.read_bytes()
        # Length-prefixed, so moving bytes between a name and a file changes the hash.
        for part in (name, data):
            digest.update(len(part).to_bytes(8, "big"))
            digest.update(part)
    return digest.hexdigest()[:8]


def base_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return str(tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"])


def wheel_version(package_dir: Path = PACKAGE_DIR, version: str | None = None) -> str:
    """``0.1.0+h1a2b3c4d``: a valid PEP 440 version with a local label made of the hash."""
    return f"{version or base_version()}+h{content_hash(package_dir)}"


def wheel_filename(package_dir: Path = PACKAGE_DIR, version: str | None = None) -> str:
    return f"{WHEEL_NAME}-{wheel_version(package_dir, version)}-{TAG}.whl"


def _record_hash(data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
    return "sha256=" + digest.decode()


def _metadata(version: str) -> str:
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {DIST_NAME}\n"
        f"Version: {version}\n"
        "Summary: Rules core of the Belgian convention d'immersion professionnelle (CIP / BIO)\n"
        "License: EUPL-1.2\n"
        "Requires-Python: >=3.11\n"
    )


def _wheel_info() -> str:
    return (
        "Wheel-Version: 1.0\n"
        "Generator: cip-guide tools/build_wheel.py\n"
        "Root-Is-Purelib: true\n"
        f"Tag: {TAG}\n"
    )


def _zip_entry(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
    # Deflated, measured: 83 KB whether or not the host gzips .whl, against 63 KB when it does
    # and 174 KB when it does not if stored. Bytes must not depend on the host.
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16  # rw-r--r--, same on every machine
    archive.writestr(info, data, compresslevel=9)


def wheel_bytes(
    package_dir: Path = PACKAGE_DIR,
    version: str | None = None,
    compiled: dict[str, bytes] | None = None,
) -> bytes:
    """The wheel's bytes: package files, then METADATA, WHEEL and RECORD (last, as PEP 427 asks).

    ``compiled`` adds bytecode (``cip_core/__pycache__/x.cpython-314.pyc``: bytes) compiled for
    Pyodide by tools/trim_stdlib.py, so the browser does not compile the core at every start.
    """
    full_version = wheel_version(package_dir, version)
    dist_info = f"{WHEEL_NAME}-{full_version}.dist-info"
    entries = [
        (f"{WHEEL_NAME}/{path.relative_to(package_dir).as_posix()}", path.read_bytes())
        for path in package_files(package_dir)
    ]
    entries += sorted((compiled or {}).items())
    entries.append((f"{dist_info}/METADATA", _metadata(full_version).encode()))
    entries.append((f"{dist_info}/WHEEL", _wheel_info().encode()))
    record = "".join(f"{name},{_record_hash(data)},{len(data)}\n" for name, data in entries)
    record += f"{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            _zip_entry(archive, name, data)
    return buffer.getvalue()


def build_wheel(
    out_dir: Path,
    package_dir: Path = PACKAGE_DIR,
    version: str | None = None,
    compiled: dict[str, bytes] | None = None,
) -> Path:
    """Writes the wheel into ``out_dir`` (created if needed) and returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / wheel_filename(package_dir, version)
    target.write_bytes(wheel_bytes(package_dir, version, compiled))
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out_dir = Path(args[0]) if args else ROOT / "dist"
    print(build_wheel(out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main())
