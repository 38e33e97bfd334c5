"""A twin project on disk: twin.toml, twin.gpkg (or a PostGIS schema), rasters/, pointclouds/."""

from __future__ import annotations

import shutil
from pathlib import Path

from pyproj import CRS

from twin.config import ProjectSection, StoreSection, TwinConfig, default_layers, load_config, save_config
from twin.crs import project_crs
from twin.errors import ExtentError, ProjectError
from twin.policy import DEFAULT_POLICY, POLICY_FILE, Policy, RoleSession, load_policy
from twin.store.base import BBox, Store

CONFIG_NAME = "twin.toml"
GPKG_NAME = "twin.gpkg"


class Project:
    """An open twin project."""

    def __init__(self, root: Path, config: TwinConfig, store: Store) -> None:
        self.root = root
        self.config = config
        self.store = store
        self._policy: Policy | None = None

    # ----------------------------------------------------------------- lifecycle
    @classmethod
    def create(
        cls,
        root: str | Path,
        *,
        crs: int = 25832,
        name: str | None = None,
        extent: BBox | None = None,
        vertical_crs: int | None = 7837,
        store: StoreSection | None = None,
    ) -> Project:
        """Create a new project folder; fails if it already holds a project."""
        root = Path(root)
        if (root / CONFIG_NAME).exists() or (root / GPKG_NAME).exists():
            raise ProjectError(f"Im Ordner '{root}' gibt es bereits ein Projekt.")
        config = TwinConfig(
            project=ProjectSection(name=name or root.name, crs=crs, vertical_crs=vertical_crs, extent=extent),
            store=store or StoreSection(),
            layers=default_layers(),
        )
        root.mkdir(parents=True, exist_ok=True)
        for sub in ("rasters", "pointclouds"):
            (root / sub).mkdir(exist_ok=True)
        st = _open_store(root, config, create=True)
        save_config(config, root / CONFIG_NAME)
        shutil.copyfile(DEFAULT_POLICY, root / POLICY_FILE)  # the municipality edits its copy
        return cls(root, config, st)

    @classmethod
    def open(cls, root: str | Path) -> Project:
        """Open an existing project folder."""
        root = Path(root)
        if not (root / CONFIG_NAME).exists():
            raise ProjectError(f"Im Ordner '{root}' ist kein Stadtzwilling-Projekt ({CONFIG_NAME} fehlt).")
        config = load_config(root / CONFIG_NAME)
        return cls(root, config, _open_store(root, config, create=False))

    def close(self) -> None:
        self.store.close()

    # ----------------------------------------------------------------- roles
    @property
    def policy(self) -> Policy:
        """The project's role policy (``policy.toml``, else the built-in one), checked against its layers."""
        if self._policy is None:
            path = self.root / POLICY_FILE
            layers = [self.store.schema(n) for n in self.store.layer_names()]
            self._policy = load_policy(path if path.exists() else None, layers=layers)
        return self._policy

    def reload_policy(self) -> Policy:
        """Read ``policy.toml`` again (after the municipality edited it)."""
        self._policy = None
        return self.policy

    def session(self, role: str) -> RoleSession:
        """Read access as ``role`` (verwaltung, rat, buerger), enforced in the store's queries."""
        return RoleSession(self.store, self.policy, role)

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def save_config(self) -> None:
        save_config(self.config, self.root / CONFIG_NAME)

    # ----------------------------------------------------------------- properties
    @property
    def name(self) -> str:
        return self.config.project.name

    @property
    def crs(self) -> CRS:
        return project_crs(self.config.project.crs, self.config.project.vertical_crs)

    @property
    def rasters_dir(self) -> Path:
        return self.root / "rasters"

    @property
    def pointclouds_dir(self) -> Path:
        return self.root / "pointclouds"

    @property
    def project_id(self) -> str:
        """The project's identity (a UUID in twin.toml; created and saved on first use)."""
        if not self.config.project.id:
            import uuid

            self.config.project.id = uuid.uuid4().hex
            self.save_config()
        return self.config.project.id

    def check_extent(self, bounds: BBox, *, path: str | Path | None = None) -> None:
        """Raise ExtentError if data bounds do not touch the project extent (plus tolerance)."""
        if not self.overlaps_extent(bounds):
            ext = self.config.project.extent
            raise ExtentError(
                f"Die Daten liegen außerhalb des Projektgebiets: {_fmt(bounds)} statt {_fmt(ext)} "
                f"(EPSG:{self.config.project.crs}). Falsches Koordinatensystem in der Datei?", path=path)

    def overlaps_extent(self, bounds: BBox) -> bool:
        ext = self.config.project.extent
        if ext is None:
            return True
        tol = self.config.project.extent_tolerance
        return not (bounds[2] < ext[0] - tol or bounds[0] > ext[2] + tol
                    or bounds[3] < ext[1] - tol or bounds[1] > ext[3] + tol)


def _fmt(b) -> str:
    return "[" + ", ".join(f"{v:.0f}" for v in b) + "]"


def _open_store(root: Path, config: TwinConfig, *, create: bool) -> Store:
    crs = project_crs(config.project.crs, config.project.vertical_crs)
    if config.store.backend == "postgis":
        from twin.store.postgis import PostGISStore

        return PostGISStore(config.store.dsn, crs, schema=config.store.schema_name, create=create)
    from twin.store.gpkg import GeoPackageStore

    return GeoPackageStore(root / GPKG_NAME, crs, create=create)
