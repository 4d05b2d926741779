from __future__ import annotations

from kubechat.config import ServiceSettings


class ExecutorSettings(ServiceSettings):
    grpc_port: int = 50052
    # The cluster to use when a request names none. Empty: $KUBECONFIG, then ~/.kube/config.
    kubeconfig: str = ""
    kube_context: str = ""
    request_timeout: float = 15.0
    page_size: int = 500
