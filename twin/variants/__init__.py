"""Planning variants (Planungsvarianten): named sets of changes on top of the base data, with a release state.

Design: variants live in the project store as two ordinary layers, ``variants`` and ``variant_changes``
(see :mod:`twin.variants.model`), so they work on both backends, travel with the GeoPackage and get the
store's audit history (who created, changed or released what, when) without extra tables. A variant never
writes into the base layers: :func:`features_in_variant` and :class:`VariantStore` apply its changes on read.

Typical use::

    v = new_variant(project, "marktplatz", "Marktplatz entsiegeln und begrünen", actor="stadtplanung")
    deseal_surface(v, square, "Rasen")
    plant_tree(v, 690362.0, 5335490.0, "Tilia cordata", 6.0, 3.0, 2026)
    release(v, "rat")
    trees = features_in_variant(project.store, "trees", "marktplatz")
"""

from twin.variants.manage import (
    VariantEditor, batch, changes, delete_variant, edit_variant, get_variant, list_variants, new_variant, release,
    remove_change, set_change, slugify,
)
from twin.variants.model import (
    ACTION_LABELS, ADD, INTERN, MODIFY, OEFFENTLICH, RAT, REMOVE, STATE_LABELS, VARIANT_CHANGES, VARIANTS, Change,
    Variant, VariantError, parse_state, states_for,
)
from twin.variants.planning import add_building, change_closure, deseal_surface, plant_tree, remove_building
from twin.variants.read import VariantStore, changed_keys, features_in_variant, project_in_variant

__all__ = [
    "ACTION_LABELS", "ADD", "INTERN", "MODIFY", "OEFFENTLICH", "RAT", "REMOVE", "STATE_LABELS", "VARIANTS",
    "VARIANT_CHANGES", "Change", "Variant", "VariantEditor", "VariantError", "VariantStore", "add_building", "batch",
    "change_closure", "changed_keys", "changes", "delete_variant", "deseal_surface", "edit_variant",
    "features_in_variant", "get_variant", "list_variants", "new_variant", "parse_state", "plant_tree",
    "project_in_variant", "release", "remove_building", "remove_change", "set_change", "slugify", "states_for",
]
