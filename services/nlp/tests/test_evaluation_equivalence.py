"""The equivalence scorer accepts what kubectl treats as the same command, and nothing else."""

from __future__ import annotations

import pytest

from kubechat_nlp.evaluation import equivalent


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # Resource spellings the REST mapper resolves, and TYPE NAME vs TYPE/NAME.
        ("kubectl get po -n x", "kubectl get pods --namespace=x"),
        ("kubectl get deploy -l app=x", "kubectl get deployments.apps --selector app=x"),
        ("kubectl get deployment.v1.apps web", "kubectl get deploy/web"),
        ("kubectl -n ns delete pod,svc --all", "kubectl delete services,pods --all -n ns"),
        ("kubectl scale --replicas=5 rc/foo rc/bar", "kubectl scale rc foo bar --replicas 5"),
        ("kubectl get -oyaml deploy x", "kubectl get deployment x -o yaml"),
        # Bare names are pods for logs/exec/port-forward; `logs POD C` is `-c C`.
        ("kubectl logs my-pod", "kubectl logs pod/my-pod"),
        ("kubectl logs jobs", "kubectl logs pod/jobs"),
        ("kubectl logs web c1", "kubectl logs web -c c1"),
        ("kubectl exec p -it -- bash", "kubectl exec --stdin --tty p -- bash"),
        ("kubectl port-forward svc/my 5000", "kubectl port-forward service/my 5000:5000"),
        ("kubectl cp ns1/p:/a b", "kubectl cp p:/a ./b -n ns1"),
        # Defaults kubectl applies.
        ("kubectl rollout status deploy/x -w", "kubectl rollout status deployment/x"),
        ("kubectl rollout undo deploy/x --to-revision=0", "kubectl rollout undo deployment/x"),
        (
            "kubectl expose deploy web --port=80 --target-port=80",
            "kubectl expose deploy web --port 80",
        ),
        (
            "kubectl create deploy x --image=n -r 3",
            "kubectl create deployment x --image=n --replicas=3",
        ),
        ("kubectl delete pod x --dry-run", "kubectl delete pod x --dry-run=client"),
        ("kubectl get pods --all-namespaces=false", "kubectl get pods"),
        # Values kubectl parses.
        ("kubectl logs web --since=1h", "kubectl logs web --since=60m"),
        ("kubectl get pods -l 'app=a,tier==b'", "kubectl get pods -l tier=b,app=a"),
        ("kubectl get pods -l 'env in (b, a)'", "kubectl get pods -l 'env in (a,b)'"),
        (
            "kubectl create cj x --image=b --schedule=@daily",
            "kubectl create cronjob x --image=b --schedule='0 0 * * *'",
        ),
        (
            "kubectl autoscale deployment checkout --max 10 --cpu-percent 75",
            "kubectl autoscale deploy/checkout --max=10 --cpu=75%",
        ),
        (
            "kubectl get pods -o custom-columns=NAME:metadata.name",
            "kubectl get pods -o custom-columns=NAME:{.metadata.name}",
        ),
        ("kubectl set env deploy/x -e A=1 B=2", "kubectl set env deployment/x B=2 A=1"),
        ("kubectl label pod x a=b c-", "kubectl label pods x c- a=b"),
        ("kubectl taint nodes n1 a=b:NoSchedule", "kubectl taint node/n1 a=b:NoSchedule"),
        ("kubectl auth can-i delete po -n prod", "kubectl auth can-i delete pods --namespace prod"),
        # can-i reads `pods/log` as resource pods, subresource log
        ("kubectl auth can-i get pods/log", "kubectl auth can-i get pods --subresource=log"),
        # kubectl ignores the namespace of cluster-scoped objects, and -n next to -A.
        ("kubectl get nodes -n prod", "kubectl get nodes"),
        ("kubectl describe node node-9 -A", "kubectl describe no node-9"),
        ("kubectl get pods -A -n x", "kubectl get pods -A"),
    ],
)
def test_what_kubectl_treats_alike_is_equivalent(a: str, b: str) -> None:
    assert equivalent(a, b)
    assert equivalent(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kubectl get pods -n prod", "kubectl get pods -n staging"),
        ("kubectl get pods -n prod", "kubectl get pods"),
        # The kubeconfig context decides the namespace when none is given.
        ("kubectl get pods -n default", "kubectl get pods"),
        ("kubectl get pods", "kubectl get pods -A"),
        ("kubectl get pods -n prod", "kubectl get pods -A"),
        ("kubectl scale deploy/a --replicas=3", "kubectl scale deploy/a --replicas=4"),
        (
            "kubectl delete pods,jobs -l tier=cache -n jobs",
            "kubectl delete pods -l tier=cache -n jobs",
        ),
        ("kubectl delete pods -l tier=cache -n jobs", "kubectl delete pods -l tier=cache"),
        ("kubectl get pods,services", "kubectl get pods"),
        ("kubectl get pods,namespaces", "kubectl get pods -A"),
        ("kubectl delete pod a", "kubectl delete pod b"),
        ("kubectl delete pod a", "kubectl delete pod a b"),
        ("kubectl logs -f p", "kubectl logs p"),
        ("kubectl logs p --previous", "kubectl logs p"),
        ("kubectl logs p --tail=50", "kubectl logs p --tail=100"),
        # A name that is spelled like a kind stays a name.
        ("kubectl get deploy deploy", "kubectl get deploy"),
        ("kubectl delete pod svc", "kubectl delete pod services"),
        ("kubectl get deploy jobs", "kubectl get deploy,jobs"),
        # Different commands that read the same data are still different commands.
        ("kubectl describe pod web", "kubectl get pod web"),
        ("kubectl events -n prod", "kubectl get events -n prod"),
        ("kubectl set image deploy/web web=nginx", "kubectl set image deploy/web web=nginx:latest"),
        (
            "kubectl set image deploy/web '*=nginx:1.25'",
            "kubectl set image deploy/web web=nginx:1.25",
        ),
        ("kubectl drain n1", "kubectl drain n1 --ignore-daemonsets"),
        ("kubectl label pod x a=b", "kubectl label pod x a=b --overwrite"),
        ("kubectl label pod x a-", "kubectl label pod x a=b"),
        ("kubectl rollout undo deploy/x", "kubectl rollout undo deploy/x --to-revision=2"),
        ("kubectl exec p -- sh", "kubectl exec p -- /bin/sh"),
        ("kubectl auth can-i delete pods -n prod", "kubectl delete pods -n prod"),
        ("kubectl api-resources --namespaced=true", "kubectl api-resources"),
        # Column headers are printed: they are part of what was asked.
        (
            "kubectl get pods -o custom-columns=NAME:.metadata.name",
            "kubectl get pods -o custom-columns=N:.metadata.name",
        ),
        ("kubectl get pods -o 'jsonpath={.a} {.b}'", "kubectl get pods -o 'jsonpath={.a}{.b}'"),
        # set-context's own --namespace has no -n shorthand.
        (
            "kubectl config set-context --current --namespace=x",
            "kubectl config set-context --current -n x",
        ),
        ("kubectl cp p:/a b", "kubectl cp b p:/a"),
        ("kubectl auth can-i get pods/log", "kubectl auth can-i get pods/exec"),
        ("kubectl auth can-i get pods/log", "kubectl auth can-i get pods"),
    ],
)
def test_what_kubectl_treats_differently_is_not_equivalent(a: str, b: str) -> None:
    assert not equivalent(a, b)
    assert not equivalent(b, a)
