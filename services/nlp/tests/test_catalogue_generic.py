"""An operation added to the catalogue alone is understood: its phrasings select it and the
generic builder reads target, namespace and typed parameters from its declaration."""

from __future__ import annotations

from kubechat.catalogue import (
    ENTRIES,
    Catalogue,
    CatalogueEntry,
    Param,
    ParamType,
    Risk,
    Target,
    Verification,
)
from kubechat_nlp import RulesEngine

RESTART_JOBS = CatalogueEntry(
    name="certificate.renew",
    description="Renew a certificate now",
    command=("cert-manager", "renew"),
    target=Target.NAMES,
    risk=Risk.WRITE,
    params=(Param("grace_seconds", ParamType.INT, "seconds to wait", "--grace"),),
    default_kinds=("secrets",),
    kinds=("secrets",),
    verification=Verification.ACCEPTED,
    phrasings=("renew the certificate", "renew", "reissue"),
)


def test_a_new_entry_is_parsed_from_its_declaration() -> None:
    engine = RulesEngine(catalogue=Catalogue((*ENTRIES, RESTART_JOBS)))
    plan = engine.parse("please reissue shop-tls in prod with a grace seconds of 30")
    assert plan.clarification is None, plan.clarification
    (op,) = plan.operations
    assert op.verb == "certificate.renew"
    assert op.name == "shop-tls" and op.namespace == "prod"
    assert op.params == {"grace_seconds": 30}
    assert plan.risk is Risk.WRITE


def test_the_default_catalogue_has_no_entry_only_the_generic_builder_reads() -> None:
    plan = RulesEngine().parse("please reissue shop-tls in prod")
    assert not any(op.verb == "certificate.renew" for op in plan.operations)
