from __future__ import annotations

import pytest

from kubechat.catalogue.bounds import INT_PARAM_MAX, bounded_param
from kubechat.errors import InvalidArgument


def test_numbers_beyond_int32_are_the_users_mistake_named_with_the_parameter() -> None:
    with pytest.raises(InvalidArgument, match="too large for 'replicas'") as caught:
        bounded_param("replicas", 99999999999999999999999)
    assert caught.value.status.name == "INVALID_ARGUMENT"
    with pytest.raises(InvalidArgument):
        bounded_param("grace_period", -(INT_PARAM_MAX + 1))


def test_everything_else_passes_unchanged() -> None:
    assert bounded_param("replicas", INT_PARAM_MAX) == INT_PARAM_MAX
    assert bounded_param("grace_period", -1) == -1
    assert bounded_param("force", True) is True
    assert bounded_param("image", "9" * 40) == "9" * 40
    assert bounded_param("names", ["a"]) == ["a"]
