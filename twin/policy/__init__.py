"""The role policy: declarative (policy.toml), checked against the layers, enforced when reading."""

from twin.policy.load import DEFAULT_POLICY, POLICY_FILE, load_policy, parse_policy
from twin.policy.model import RELEASED_FOR, ROLE_TITLES, ROLES, Aggregation, LayerRule, Policy, RoleRule, RowRule
from twin.policy.session import RoleSession, run_aggregation

__all__ = ["DEFAULT_POLICY", "POLICY_FILE", "RELEASED_FOR", "ROLES", "ROLE_TITLES", "Aggregation", "LayerRule",
           "Policy", "RoleRule", "RoleSession", "RowRule", "load_policy", "parse_policy", "run_aggregation"]
