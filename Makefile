# KubeChat developer commands. `make dev` runs KubeChat; `make test` runs every test.
SHELL := /bin/bash
export PATH := $(HOME)/.local/bin:$(PATH)
UV := uv run --frozen

.PHONY: dev test test-deps web keycloak helm bootstrap lint typecheck protos protos-check proto-lint unit e2e eval eval-data bench \
        cluster-up cluster-down testbed

dev: bootstrap testbed web keycloak
	$(UV) kubechat-devstack dev $(ARGS)

test: bootstrap testbed web test-deps helm lint typecheck protos-check proto-lint
	KUBECHAT_REQUIRE_TESTBED=1 KUBECHAT_REQUIRE_IDENTITY=1 KUBECHAT_REQUIRE_HELM=1 $(UV) pytest -q

bootstrap:
	@bash scripts/bootstrap.sh

testbed:
	@bash testbed/build.sh

# The web UI (React, built with Vite into web/dist; skipped when nothing changed).
web:
	@bash scripts/build-web.sh

# Servers and tools only the tests need: Keycloak, OpenLDAP, Chromium.
# helm (chart lint and render tests), built from the Go module proxy, cached by version.
helm:
	@bash scripts/install-helm.sh >/dev/null

# Keycloak's distribution from Maven Central, built once (`kc.sh build`), cached by version.
keycloak:
	@bash scripts/install-keycloak.sh >/dev/null

# install-llm runs after bootstrap: `uv sync` removes the llama.cpp wheel, which is not in
# the lock (it is built from source once and cached), and this puts it back in seconds.
test-deps: bootstrap keycloak
	@bash scripts/install-identity-deps.sh
	@bash scripts/install-audit-deps.sh
	@bash scripts/install-llm.sh >/dev/null

lint:
	$(UV) ruff check .
	$(UV) ruff format --check .

# mypy's incremental cache lives outside the checkout, like the other build caches: a fresh
# clone re-checks only what changed since the last run instead of everything (30 s on two
# cores). Sharing it is safe: mypy re-validates every entry against the source file's hash.
MYPY_CACHE_DIR ?= $(or $(KUBECHAT_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/kubechat)/mypy

typecheck:
	$(UV) mypy --cache-dir "$(MYPY_CACHE_DIR)" libs/kubechat/src libs/devstack/src services/gateway/src services/nlp/src \
	    services/executor/src services/audit/src services/identity/src

protos:
	$(UV) python scripts/gen_protos.py

protos-check:
	$(UV) python scripts/gen_protos.py --check

proto-lint:
	@BUF=$$(bash scripts/install-buf.sh) && $$BUF lint

unit:
	$(UV) pytest -q -m "not e2e"

e2e:
	$(UV) pytest -q -m e2e

# The public dev set, the generated dev and blind splits (blind: aggregates only), the
# hand-written conversations and the safety count. EVAL_ARGS="--sets dev --failures" to debug.
ENGINE ?= rules
eval:
	$(UV) python -m kubechat_nlp.evaluation --engine $(ENGINE) $(EVAL_ARGS)

# Rewrites the committed generated sets (seeded: same code, same bytes; a unit test checks).
eval-data:
	$(UV) python -m kubechat_nlp.evaluation.generator

bench:
	$(UV) python bench/skeleton.py
	$(UV) python bench/nlp.py
	$(UV) python bench/identity.py
	$(UV) python bench/executor.py
	$(UV) python bench/audit_ingest.py
	$(UV) python bench/audit_export.py
	$(UV) python bench/gateway.py

cluster-up: bootstrap testbed
	$(UV) kubechat-devstack cluster-up

cluster-down:
	$(UV) kubechat-devstack cluster-down
