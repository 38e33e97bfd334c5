"""LiDAR (LAS/LAZ) import: terrain, surface, canopy and building height rasters plus a display cloud."""

from importers.lidar.load import LidarImporter

__all__ = ["LidarImporter"]
