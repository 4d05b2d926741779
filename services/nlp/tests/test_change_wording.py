"""Everyday wordings of the change and tool operations, written from how people ask (never
an evaluation set's sentences): each reads as the one command it means, and the verb that
opens the request is never taken for the object."""

from __future__ import annotations

import pytest

from kubechat_nlp import RulesEngine
from kubechat_nlp.evaluation.equivalence import equivalent


def assert_reads_as(text: str, expected: str) -> None:
    """One command, equivalent to `expected` as kubectl would run it."""
    plan = RulesEngine().parse(text)
    assert len(plan.kubectl) == 1 and equivalent(plan.kubectl[0], expected), plan.kubectl


ENGINE = RulesEngine()

CASES = [
    ("can we get 4 replicas for web", "kubectl scale deployment/web --replicas=4"),
    ("can we get 3 replicas for the api deployment", "kubectl scale deployment/api --replicas=3"),
    ("could we get 2 instances of billing", "kubectl scale deployment/billing --replicas=2"),
    ("web should have 3 replicas", "kubectl scale deployment/web --replicas=3"),
    ("the api deployment should run 4 pods", "kubectl scale deployment/api --replicas=4"),
    ("shut down worker by scaling it to 0", "kubectl scale deployment/worker --replicas=0"),
    ("turn off frontend by scaling it to zero", "kubectl scale deployment/frontend --replicas=0"),
    (
        "run one copy of replicaset web-8rnchg44dq",
        "kubectl scale replicaset/web-8rnchg44dq --replicas=1",
    ),
    ("cart needs 5 replicas", "kubectl scale deployment/cart --replicas=5"),
    ("can i get pods", "kubectl auth can-i get pods"),
    (
        "set up autoscaling for ledger: two-eight replicas at 80% cpu",
        "kubectl autoscale deployments ledger --min=2 --max=8 --cpu=80%",
    ),
    (
        "set up autoscaling for admin-portal: 2-8 replicas at 60% cpu",
        "kubectl autoscale deployments admin-portal --min=2 --max=8 --cpu=60%",
    ),
    (
        "let queue-consumer scale between 2 and 8 replicas",
        "kubectl autoscale deployments queue-consumer --min=2 --max=8",
    ),
    (
        "give web an autoscaler, 3 to 12 replicas, 65% cpu",
        "kubectl autoscale deployments web --min=3 --max=12 --cpu=65%",
    ),
    (
        "make web autoscale with at least 2 and at most 10 replicas",
        "kubectl autoscale deployments web --min=2 --max=10",
    ),
    (
        "create an hpa for payments with 1-4 replicas targeting 75% cpu",
        "kubectl autoscale deployments payments --min=1 --max=4 --cpu=75%",
    ),
    ("autoscale worker 2..10 replicas", "kubectl autoscale deployments worker --min=2 --max=10"),
    (
        "web should scale between 2 and 10 pods at 70% cpu",
        "kubectl autoscale deployments web --min=2 --max=10 --cpu=70%",
    ),
    (
        "what versions of the calico-node ds were deployed?",
        "kubectl rollout history daemonset/calico-node",
    ),
    ("did the rollout of the redis statefulset finish", "kubectl rollout status statefulset/redis"),
    ("has deployment web rolled out", "kubectl rollout status deployment/web"),
    ("revert the last deploy of mysql statefulset", "kubectl rollout undo statefulset/mysql"),
    ("carry on rolling out api", "kubectl rollout resume deployment/api"),
    ("resume deploying orders", "kubectl rollout resume deployment/orders"),
    ("unfreeze the payments rollout", "kubectl rollout resume deployment/payments"),
    ("take cart back to revision 2", "kubectl rollout undo deployment/cart --to-revision=2"),
    ("hold cart's rollout", "kubectl rollout pause deployment/cart"),
    (
        "change the nginx image in the pricing deployment to postgres:16",
        "kubectl set image deployment/pricing nginx=postgres:16",
    ),
    (
        "change the sidecar image in mongo statefulset to nginx:1.26-alpine",
        "kubectl set image statefulset/mongo sidecar=nginx:1.26-alpine",
    ),
    (
        "deploy ghcr.io/acme/api:v2.3.1 to log-agent daemonset",
        "kubectl set image daemonset/log-agent '*=ghcr.io/acme/api:v2.3.1'",
    ),
    (
        "switch the payments-worker deploy to image quay.io/org/tool:3.1",
        "kubectl set image deployment/payments-worker '*=quay.io/org/tool:3.1'",
    ),
    (
        "make the api container in web use redis:7.2",
        "kubectl set image deployment/web api=redis:7.2",
    ),
    (
        "configure the mongo statefulset with env REGION=eu",
        "kubectl set env statefulset/mongo REGION=eu",
    ),
    (
        "define a role log-reader that may delete pods",
        "kubectl create role log-reader --verb=delete --resource=pods",
    ),
    (
        "bind service account ci to role viewer in the edge namespace as ci-view",
        "kubectl create rolebinding ci-view -n edge --role=viewer --serviceaccount=edge:ci",
    ),
    (
        "give user erin the log-reader role in ns apps via a rolebinding named erin-reads",
        "kubectl create rolebinding erin-reads -n apps --role=log-reader --user=erin",
    ),
    (
        "kick off cronjob hourly-sync now, naming the job hourly-sync-adhoc",
        "kubectl create job hourly-sync-adhoc --from=cronjob/hourly-sync",
    ),
    (
        "make configmap limits from literal timeout=30s",
        "kubectl create configmap limits --from-literal=timeout=30s",
    ),
    (
        "make a secret called tls-cert with username=admin",
        "kubectl create secret generic tls-cert --from-literal=username=admin",
    ),
    ("drain node-3 and leave the daemonsets alone", "kubectl drain node-3 --ignore-daemonsets"),
    ("empty node-4 ignoring daemon sets", "kubectl drain node-4 --ignore-daemonsets"),
    ("prevent new pods on node-1", "kubectl cordon node-1"),
    ("keep pods off node-6", "kubectl cordon node-6"),
    ("re-enable scheduling on node-2", "kubectl uncordon node-2"),
    (
        "reserve node-3 for gpu workloads with gpu=true:NoSchedule",
        "kubectl taint nodes node-3 gpu=true:NoSchedule",
    ),
    ("forward port 8080 on my machine to pod web-1 port 80", "kubectl port-forward web-1 8080:80"),
    ("forward 8443 to 443 on svc gateway", "kubectl port-forward service/gateway 8443:443"),
    ("open port 5432 of postgres-0 locally", "kubectl port-forward postgres-0 5432"),
    ("hop onto db-0 with sh", "kubectl exec db-0 -i -t -- sh"),
    ("work in context kind-dev", "kubectl config use-context kind-dev"),
    (
        "set the namespace of my current context to shop",
        "kubectl config set-context --current --namespace=shop",
    ),
    (
        "expose port 443 of deployment recommender, forwarding to 5000",
        "kubectl expose deployments recommender --port=443 --target-port=5000",
    ),
    (
        "make a load balancer service for admin-portal on port 443",
        "kubectl expose deployments admin-portal --port=443 --type=LoadBalancer",
    ),
    (
        "make a nodeport service for scale-tester on port 9090",
        "kubectl expose deployments scale-tester --port=9090 --type=NodePort",
    ),
    ("show me the cluster endpoints", "kubectl cluster-info"),
    (
        "change the tier label on deployment web from backend to api",
        "kubectl label deployments web tier=api --overwrite",
    ),
    ("could you please prevent new pods on gke-pool-1-abc?", "kubectl cordon gke-pool-1-abc"),
    (
        "go back to revision one of the notifications deployment",
        "kubectl rollout undo deployment/notifications --to-revision=1",
    ),
    (
        "change my default namespace to default",
        "kubectl config set-context --current --namespace=default",
    ),
    (
        "change the replica count of the web-7d4 replica set in the qa namespace to 12",
        "kubectl scale replicaset/web-7d4 -n qa --replicas=12",
    ),
    ("create the namespace deploys", "kubectl create namespace deploys"),
    ("drop worker to a single replica", "kubectl scale deployment/worker --replicas=1"),
    ("pump api up to ten replicas", "kubectl scale deployment/api --replicas=10"),
    (
        "change the DB_HOST variable on api to db.internal",
        "kubectl set env deployment/api DB_HOST=db.internal",
    ),
    ("run env in the api-0 pod", "kubectl exec api-0 -- env"),
    ("drain worker-4 and force it", "kubectl drain worker-4 --force"),
    ("take worker-7 out of the pool", "kubectl cordon worker-7"),
    ("let worker-7 take pods again", "kubectl uncordon worker-7"),
    ("unlabel web-1 tier", "kubectl label pods web-1 tier-"),
    ("bring web down to 2 pods", "kubectl scale deployment/web --replicas=2"),
    ("I'd like 3 copies of the frontend", "kubectl scale deployment/frontend --replicas=3"),
    ("redeploy orders", "kubectl rollout restart deployment/orders"),
    ("stop the rollout of checkout", "kubectl rollout pause deployment/checkout"),
    (
        "bump api's image to ghcr.io/acme/api:v2",
        "kubectl set image deployment/api '*=ghcr.io/acme/api:v2'",
    ),
    (
        "upgrade the frontend container in web to node:20",
        "kubectl set image deployment/web frontend=node:20",
    ),
    ("can I restart the web deployment", "kubectl auth can-i patch deployments/web"),
    ("halt new workloads from arriving on worker-9", "kubectl cordon worker-9"),
    ("allow pods to schedule on worker-9 again", "kubectl uncordon worker-9"),
    ("lift the cordon on worker-9", "kubectl uncordon worker-9"),
    ("set cart back to revision 3", "kubectl rollout undo deployment/cart --to-revision=3"),
    (
        "relabel the web deployment with tier=edge",
        "kubectl label deployments web tier=edge --overwrite",
    ),
    (
        "make a role auditor with permission to get and list secrets",
        "kubectl create role auditor --verb=get,list --resource=secrets",
    ),
    ("do I have permission to delete pods", "kubectl auth can-i delete pods"),
    ("beef up checkout to 6 replicas", "kubectl scale deployment/checkout --replicas=6"),
    ("tone down api to 1 replica", "kubectl scale deployment/api --replicas=1"),
    ("nudge api along with a restart", "kubectl rollout restart deployment/api"),
    ("refresh the web pods", "kubectl rollout restart deployment/web"),
    ("retag web to nginx:1.28", "kubectl set image deployment/web '*=nginx:1.28'"),
    (
        "give api the image ghcr.io/acme/api:v3",
        "kubectl set image deployment/api '*=ghcr.io/acme/api:v3'",
    ),
    ("hpa for checkout, 2 to 8 replicas", "kubectl autoscale deployments checkout --min=2 --max=8"),
    ("have cart run 5 replicas", "kubectl scale deployment/cart --replicas=5"),
    ("size the orders deployment to 4 pods", "kubectl scale deployment/orders --replicas=4"),
    ("turn the web deployment back the way it was", "kubectl rollout undo deployment/web"),
    ("pick the rollout of mailer back up", "kubectl rollout resume deployment/mailer"),
    ("do a quick restart of the cart deployment", "kubectl rollout restart deployment/cart"),
    ("run nginx:1.27 on the web deployment", "kubectl set image deployment/web '*=nginx:1.27'"),
    (
        "lift the cordon from worker-3 by opening it up for scheduling again",
        "kubectl uncordon worker-3",
    ),
    ("get rid of the REGION variable on web", "kubectl set env deployment/web REGION-"),
    (
        "expose web on 8080 with target port 3000",
        "kubectl expose deployments web --port=8080 --target-port=3000",
    ),
    ("put a service on port 3000 in front of cart", "kubectl expose deployments cart --port=3000"),
    ("tunnel my local 9000 to port 80 of pod web-1", "kubectl port-forward web-1 9000:80"),
    (
        "bind the viewer role to user dana, name the binding dana-view",
        "kubectl create rolebinding dana-view --role=viewer --user=dana",
    ),
    (
        "grant role viewer to service account ci with a rolebinding called ci-view",
        "kubectl create rolebinding ci-view --role=viewer --serviceaccount=default:ci",
    ),
    ("point kubectl at the staging context please", "kubectl config use-context staging"),
    (
        "run the command `uptime` inside pod sessions-7f9c-abcde",
        "kubectl exec sessions-7f9c-abcde -- uptime",
    ),
    ("did the rollout of status-page finish", "kubectl rollout status deployment/status-page"),
    ("cordon stop-1", "kubectl cordon stop-1"),
    (
        "set up a cronjob nightly running busybox:1.36 on the schedule '0 3 * * *'",
        "kubectl create cronjob nightly --image=busybox:1.36 --schedule='0 3 * * *'",
    ),
    ("roll the redis stateful set back", "kubectl rollout undo statefulset/redis"),
    (
        "push app.log into pod api-0 at /var/log/app.log",
        "kubectl cp app.log api-0:/var/log/app.log",
    ),
    (
        "can the ci service account list secrets in build",
        "kubectl auth can-i list secrets -n build --as=system:serviceaccount:build:ci",
    ),
    (
        "add a note owner=alice to configmap app-config",
        "kubectl annotate configmaps app-config owner=alice",
    ),
    (
        "let me hit the grafana service on localhost:3000",
        "kubectl port-forward service/grafana 3000",
    ),
    (
        "create a pdb for the api with min available 1 and selector app=api",
        "kubectl create poddisruptionbudget api --selector=app=api --min-available=1",
    ),
    ("i want to open a sh session in ratings-1", "kubectl exec ratings-1 -i -t -- sh"),
    ("get a prompt in web-1", "kubectl exec web-1 -i -t -- /bin/sh"),
    ("thaw the web rollout", "kubectl rollout resume deployment/web"),
    ("unfreeze web", "kubectl rollout resume deployment/web"),
    (
        "would you have the cart deployment in shop run 3 replicas",
        "kubectl scale deployment/cart -n shop --replicas=3",
    ),
    ("which versions of the cart deployment were there", "kubectl rollout history deployment/cart"),
    (
        "kindly have the ledger deployment inside the shop namespace run one replica",
        "kubectl scale deployment/ledger -n shop --replicas=1",
    ),
    (
        "forward localhost 8080 to the web service port 80",
        "kubectl port-forward service/web 8080:80",
    ),
    (
        "map port 9090 on my laptop to prometheus-0 port 9090",
        "kubectl port-forward prometheus-0 9090",
    ),
    (
        "I want to reach svc grafana on my machine at 3000",
        "kubectl port-forward service/grafana 3000",
    ),
    ("start using context kind-local", "kubectl config use-context kind-local"),
    (
        "default to namespace shop from now on",
        "kubectl config set-context --current --namespace=shop",
    ),
    (
        "add a NoExecute taint maintenance=true to worker-5",
        "kubectl taint nodes worker-5 maintenance=true:NoExecute",
    ),
    (
        "store the password s3cr3t in a secret named db-pass",
        "kubectl create secret generic db-pass --from-literal=password=s3cr3t",
    ),
    (
        "schedule nightly-report with image reporter:1.0 at midnight every day",
        "kubectl create cronjob nightly-report --image=reporter:1.0 --schedule='0 0 * * *'",
    ),
    ("mint a token for the ci-runner service account", "kubectl create token ci-runner"),
    (
        "give bob the view clusterrole via a clusterrolebinding named bob-view",
        "kubectl create clusterrolebinding bob-view --clusterrole=view --user=bob",
    ),
    (
        "create a clusterip service called internal-api with tcp 8080:80",
        "kubectl create service clusterip internal-api --tcp=8080:80",
    ),
    (
        "keep scale-tester between 4 and 20 pods automatically in the analytics namespace",
        "kubectl autoscale deployments scale-tester -n analytics --min=4 --max=20",
    ),
    (
        "use default as my default namespace",
        "kubectl config set-context --current --namespace=default",
    ),
    (
        "move the rabbitmq statefulset in ops to httpd:2.4",
        "kubectl set image statefulset/rabbitmq '*=httpd:2.4' -n ops",
    ),
    ("untaint worker-3: dedicated", "kubectl taint nodes worker-3 dedicated-"),
    ("web needs at least 250m cpu", "kubectl set resources deployments web --requests=cpu=250m"),
    (
        "run the api deployment as service account api-sa",
        "kubectl set serviceaccount deployments api api-sa",
    ),
    (
        "import the env from configmap app-config into web",
        "kubectl set env deployment/web --from=configmap/app-config",
    ),
    (
        "load env from secret db-creds into api",
        "kubectl set env deployment/api --from=secret/db-creds",
    ),
    (
        "guarantee the cart deployment 1Gi of memory",
        "kubectl set resources deployments cart --requests=memory=1Gi",
    ),
    ("toss the temp-1 job", "kubectl delete jobs temp-1"),
    ("throw out configmap stale-1", "kubectl delete configmaps stale-1"),
    (
        "remove every batch job labelled stage=beta in internal",
        "kubectl delete jobs -n internal -l stage=beta",
    ),
    (
        "may i delete batch jobs inside the sandbox namespace",
        "kubectl auth can-i delete jobs -n sandbox",
    ),
    ("delete job batch", "kubectl delete jobs batch"),
    ("cordon workerb", "kubectl cordon workerb"),
    ("evacuate the node nodeb", "kubectl drain nodeb"),
    ("untaint worker-3 by removing gpu", "kubectl taint nodes worker-3 gpu-"),
    ("is carol able to delete pods in qa", "kubectl auth can-i delete pods -n qa --as=carol"),
    ("run `date` in the cron container of pod audit-7", "kubectl exec audit-7 -c cron -- date"),
    ("open worker-3 for scheduling again", "kubectl uncordon worker-3"),
    ("scale quotes to 2", "kubectl scale deployment/quotes --replicas=2"),
    ("deploy redis:7.2 as quotes", "kubectl create deployment quotes --image=redis:7.2"),
    (
        "change the ring label of node worker-3 to 1",
        "kubectl label nodes worker-3 ring=1 --overwrite",
    ),
    ("make my default namespace lab", "kubectl config set-context --current --namespace=lab"),
    (
        "make a rolebinding rb-1 that gives judy the reader role",
        "kubectl create rolebinding rb-1 --role=reader --user=judy",
    ),
    (
        "set the cron container of chat to memcached:1.6",
        "kubectl set image deployment/chat cron=memcached:1.6",
    ),
    (
        "delete all ingress objects labeled team=payments in prod",
        "kubectl delete ingresses -n prod -l team=payments",
    ),  # statements of need and indirect requests (fourth probe round)
    ("checkout needs more replicas, make it 6", "kubectl scale deployment/checkout --replicas=6"),
    ("worker-3 shouldn't take any new workloads", "kubectl cordon worker-3"),
    ("node-5 can accept pods again", "kubectl uncordon node-5"),
    ("let the scheduler place pods on node-5 again", "kubectl uncordon node-5"),
    (
        "apply the taint gpu=true:NoSchedule to node-2",
        "kubectl taint nodes node-2 gpu=true:NoSchedule",
    ),
    ("node-2 doesn't need the gpu taint anymore", "kubectl taint nodes node-2 gpu-"),
    ("get the gpu taint off node-2", "kubectl taint nodes node-2 gpu-"),
    ("empty out node-1 except for daemonsets", "kubectl drain node-1 --ignore-daemonsets"),
    ("web should run nginx:1.27 now", "kubectl set image deployment/web '*=nginx:1.27'"),
    (
        "can we get redis:7.2 on the cache deployment",
        "kubectl set image deployment/cache '*=redis:7.2'",
    ),
    ("set WORKERS to 8 on api", "kubectl set env deployment/api WORKERS=8"),
    ("take TZ out of api's environment", "kubectl set env deployment/api TZ-"),
    ("web needs DEBUG=1 in its environment", "kubectl set env deployment/web DEBUG=1"),
    ("put the web rollout on hold", "kubectl rollout pause deployment/web"),
    ("the api rollout can continue now", "kubectl rollout resume deployment/api"),
    ("revert web to version 4", "kubectl rollout undo deployment/web --to-revision=4"),
    ("pod web-1 shouldn't have the tier label", "kubectl label pods web-1 tier-"),
    ("pod redis-2 needs the label team=core", "kubectl label pods redis-2 team=core"),
    ("in prod, kick the web deployment", "kubectl rollout restart deployment/web -n prod"),
    (
        "the tier label of pod web-1 should be cache",
        "kubectl label pods web-1 tier=cache --overwrite",
    ),
    (
        "configmap settings doesn't need the owner annotation",
        "kubectl annotate configmaps settings owner-",
    ),
    ("delete pods web-1 as well as web-2", "kubectl delete pods web-1 web-2"),
    ("the secrets labelled env=dev can all be deleted", "kubectl delete secrets -l env=dev"),
    ("wipe out all pods that have app=web", "kubectl delete pods -l app=web"),
    (
        "autoscale api on cpu, keep it at 70% between 2 and 10 replicas",
        "kubectl autoscale deployments api --min=2 --max=10 --cpu=70%",
    ),
    (
        "let web grow to 10 pods and shrink to 2",
        "kubectl autoscale deployments web --min=2 --max=10",
    ),
    ("api needs a service on port 8080", "kubectl expose deployments api --port=8080"),
    (
        "can web get a load balancer on 443",
        "kubectl expose deployments web --port=443 --type=LoadBalancer",
    ),
    ("can bob get secrets", "kubectl auth can-i get secrets --as=bob"),
    ("expose web: 80 -> 8080", "kubectl expose deployments web --port=80 --target-port=8080"),
    ("default me to namespace qa", "kubectl config set-context --current --namespace=qa"),
    ("default me to namespace default", "kubectl config set-context --current --namespace=default"),
    (
        "i want shop as my default namespace",
        "kubectl config set-context --current --namespace=shop",
    ),
    ("i'd like to be on the prod-eu context", "kubectl config use-context prod-eu"),
    (
        "fire nightly-backup by hand, job name nightly-1",
        "kubectl create job nightly-1 --from=cronjob/nightly-backup",
    ),
    (
        "we need a role pod-killer to delete pods",
        "kubectl create role pod-killer --verb=delete --resource=pods",
    ),
    ("go ahead and drop me into web-1 with sh", "kubectl exec web-1 -i -t -- sh"),
    ("`ls /tmp` on pod web-1", "kubectl exec web-1 -- ls /tmp"),
    (
        "3 pods of redis:7.2 as deployment cache",
        "kubectl create deployment cache --image=redis:7.2 --replicas=3",
    ),
    # an object that "needs to go", verbs of throwing away, lists with "plus"
    (
        "secret tls-cert -n cert-manager needs to go.",
        "kubectl delete secrets tls-cert -n cert-manager",
    ),
    ("toss namespace qa-3", "kubectl delete namespaces qa-3"),
    (
        "clean out the secrets tagged team=pay in ns dev",
        "kubectl delete secrets -n dev -l team=pay",
    ),
    (
        "delete svc pod-janitor plus webhooks in ns infra",
        "kubectl delete services pod-janitor webhooks -n infra",
    ),
    # counts asked for, whatever the opening
    (
        "Sorry to bug you, redis statefulset runs 6 pods: give it three more.",
        "kubectl scale statefulset/redis --replicas=9",
    ),
    (
        "um, can we get rate-limiter to 10 replicas pls",
        "kubectl scale deployment/rate-limiter --replicas=10",
    ),
    ("zero out deployment invoice-svc", "kubectl scale deployment/invoice-svc --replicas=0"),
    (
        "can web deployment scale itself between 2 and 5 pods",
        "kubectl autoscale deployments web --min=2 --max=5",
    ),
    # a context by name alone, a namespace made "mine"
    ("do me a favour and use prod-ap.", "kubectl config use-context prod-ap"),
    (
        "always use argocd as my namespace",
        "kubectl config set-context --current --namespace=argocd",
    ),
    ("scale the events deployment to 4", "kubectl scale deployment/events --replicas=4"),
    ("scael deploy jobs to three", "kubectl scale deployment/jobs --replicas=3"),
    ("restart the jobs deployment pls, its stuck", "kubectl rollout restart deployment/jobs"),
    ("Pods with team=ml: delete them.", "kubectl delete pods -l team=ml"),
    ("change mailer so there are 10 copies", "kubectl scale deployment/mailer --replicas=10"),
    ("can we restart web?", "kubectl rollout restart deployment/web"),
    ("can we delete pod x in dev", "kubectl auth can-i delete pods/x -n dev"),
    (
        "daemonset log-agent was fine before the update, put it back.",
        "kubectl rollout undo daemonset/log-agent",
    ),
    (
        "remove deploy job-board's tier label in ns sre",
        "kubectl label deployments job-board tier- -n sre",
    ),
    ("stop sending traffic to worker-10 pls", "kubectl drain worker-10"),
    ("fence off pool-b-3 so nothing new lands there", "kubectl cordon pool-b-3"),
    (
        "can you get chat running on busybox:1.36 in team-a",
        "kubectl create deployment chat -n team-a --image=busybox:1.36",
    ),
    (
        "fire off db-vacuum manually, job db-vacuum-now inside tools",
        "kubectl create job db-vacuum-now -n tools --from=cronjob/db-vacuum",
    ),
    ("autoscale chat 2-10", "kubectl autoscale deployments chat --min=2 --max=10"),
    ("turn web off", "kubectl scale deployment/web --replicas=0"),
    ("what does `cat /etc/hosts` say in web-1", "kubectl exec web-1 -- cat /etc/hosts"),
    (
        "pull /etc/nginx/nginx.conf out of nats-2 in ns hotfix into nginx.conf",
        "kubectl cp nats-2:/etc/nginx/nginx.conf nginx.conf -n hotfix",
    ),
    (
        "shut down the worker deployment in batch",
        "kubectl scale deployment/worker -n batch --replicas=0",
    ),
    ("turn the chat deployment off and on again", "kubectl rollout restart deployment/chat"),
    ("turn chat off and on again", "kubectl rollout restart deployment/chat"),
    ("take statefulset timescale back one release", "kubectl rollout undo statefulset/timescale"),
    ("cheers mate, scale api to 2", "kubectl scale deployment/api --replicas=2"),
    ("take me to eks-prod", "kubectl config use-context eks-prod"),
    (
        "put a service on checkout inside finance: 3000 goes to 5000",
        "kubectl expose deployments checkout -n finance --port=3000 --target-port=5000",
    ),
    (
        "web doesnt need LOG_LEVEL anymore, remove it",
        "kubectl set env deployment/web LOG_LEVEL-",
    ),
    (
        "change nginx on image-resizer in shop to nginx:1.27.1",
        "kubectl set image deployment/image-resizer nginx=nginx:1.27.1 -n shop",
    ),
]


@pytest.mark.parametrize(("text", "kubectl"), CASES)
def test_everyday_change_wording(text: str, kubectl: str) -> None:
    plan = ENGINE.parse(text)
    assert " && ".join(plan.kubectl) == kubectl, plan.clarification


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rollouts said by people who do not say "rollout"
        (
            "undo queue statefulset in ns etl till revision 3",
            "kubectl rollout undo statefulset/queue --to-revision=3 -n etl",
        ),
        (
            "the cart deployment should be on revision 2",
            "kubectl rollout undo deployment/cart --to-revision=2",
        ),
        (
            "what all versions did the cart deployment have before",
            "kubectl rollout history deployment/cart",
        ),
        ("how many rollouts has deployment cart had", "kubectl rollout history deployment/cart"),
        ("is the cart deployment updated fully", "kubectl rollout status deployment/cart"),
        ("put the brakes on rolling out cart", "kubectl rollout pause deployment/cart"),
        ("pause cart mid-rollout", "kubectl rollout pause deployment/cart"),
        ("give cart a fresh set of pods", "kubectl rollout restart deployment/cart"),
        (
            "follow the rollout of cart in shop till it completes",
            "kubectl rollout status deployment/cart -n shop",
        ),
        # counts and places said loosely
        ("scale cart upto 7", "kubectl scale deployment/cart --replicas=7"),
        (
            "make cart on web-ns six replicas",
            "kubectl scale deployment/cart --replicas=6 -n web-ns",
        ),
        (
            "make deploy cart from shop 4 replicas",
            "kubectl scale deployment/cart --replicas=4 -n shop",
        ),
        (
            "deployment cart out in shop - 2 replicas please",
            "kubectl scale deployment/cart --replicas=2 -n shop",
        ),
        ("were gonna need 5 of cart", "kubectl scale deployment/cart --replicas=5"),
    ],
)
def test_rollouts_and_counts_said_loosely(text: str, expected: str) -> None:
    assert_reads_as(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "can you clean up configmap stale-conf in ops, nobody uses it",
            "kubectl delete configmaps stale-conf -n ops",
        ),
        ("tidy up the jobs a-1 and b-2", "kubectl delete jobs a-1 b-2"),
        ("point me at kind-dev", "kubectl config use-context kind-dev"),
        ("i need to be on gke-eu now", "kubectl config use-context gke-eu"),
        ("am i pointed at staging?", "kubectl config current-context"),
        ("which clusters do we have", "kubectl config get-contexts"),
    ],
)
def test_specific_clean_ups_and_contexts(text: str, expected: str) -> None:
    assert_reads_as(text, expected)


@pytest.mark.parametrize(
    "text", ["clean up the qa namespace", "clean up pods in prod", "tidy up namespace dev-2"]
)
def test_a_clean_up_naming_no_object_stays_a_question(text: str) -> None:
    plan = RulesEngine().parse(text)
    assert not plan.kubectl and plan.clarification is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "need deployment shop, image is nginx:1.27",
            "kubectl create deployment shop --image=nginx:1.27",
        ),
        (
            "create a secret tokens on qa containing key=abc",
            "kubectl create secret generic tokens --from-literal=key=abc -n qa",
        ),
        (
            "configmap flags in ns web, data beta=on",
            "kubectl create configmap flags --from-literal=beta=on -n web",
        ),
        (
            "store pass=hunter2 into secret login",
            "kubectl create secret generic login --from-literal=pass=hunter2",
        ),
        ("need sa deployer from ci", "kubectl create serviceaccount deployer -n ci"),
        (
            "create cronjob tidy from ops image busybox:1.36 daily at 3am",
            "kubectl create cronjob tidy --image=busybox:1.36 --schedule='0 3 * * *' -n ops",
        ),
    ],
)
def test_new_objects_said_tersely(text: str, expected: str) -> None:
    assert_reads_as(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label or variable said to be wrong or unneeded is changed, never the object deleted
        ("tier label not needed on pod web-2, remove pls", "kubectl label pods web-2 tier-"),
        (
            "owner label wrong on node n-4, make it infra",
            "kubectl label nodes n-4 owner=infra --overwrite",
        ),
        (
            "deployment cart has a stale note annotation, remove it",
            "kubectl annotate deployments cart note-",
        ),
        ("can we lose the team label on service edge?", "kubectl label services edge team-"),
        ("pod db-0 shouldn't carry pci as a label anymore", "kubectl label pods db-0 pci-"),
        ("drop env variable DEBUG on cart", "kubectl set env deployment/cart DEBUG-"),
        ("env MODE = fast on statefulset queue", "kubectl set env statefulset/queue MODE=fast"),
        ("TZ shouldnt be set on daemonset agent anymore", "kubectl set env daemonset/agent TZ-"),
        ("strip DEBUG out of the env of cart", "kubectl set env deployment/cart DEBUG-"),
        (
            "service edge of web-ns namespace put label team=core",
            "kubectl label services edge team=core -n web-ns",
        ),
    ],
)
def test_labels_and_variables_said_wrong_or_unneeded(text: str, expected: str) -> None:
    assert_reads_as(text, expected)
