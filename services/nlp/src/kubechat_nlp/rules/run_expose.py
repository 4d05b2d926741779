"""Rules that make a pod or a Service from a workload: `kubectl run` and `kubectl expose`."""

from __future__ import annotations

from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules import create_slots as cs
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify, first_int, kv_tokens
from kubechat_nlp.targets import name_before, names_after


def build_run(c: Ctx) -> Result:
    u = c.u
    params: dict[str, ParamValue] = {}
    name = None
    m = u.search(r"\b(?:named|called) (\S+)")
    if m:
        name = u.group_text(m)
        u.mark_groups(m)
    image = None
    # A token shaped like an image is the image, wherever it sits ("a busybox:1.36 pod",
    # "using image busybox:1.36", "from busybox:1.36")
    typed = next(
        (i for i, t in enumerate(u.tokens) if i not in u.used and cs.IMAGE_REF.fullmatch(t.norm)),
        None,
    )
    if typed is not None:
        image = u.text_of(typed)
        u.used.add(typed)
    m = None if image else u.search(r"\(image (\S+)\)|\bimage (\S+)|\busing (\S+)")
    if m:
        g = next(i for i in (1, 2, 3) if m.group(i))
        image = u.text_of(u.index_at(m.start(g)))
        u.mark_groups(m)
    m = None if image else u.search(r"\b(?:with|from|off) (?:the |an? )?(\S+)(?: image)?\b")
    if m and u.is_name(u.group_index(m)):  # "a pod named debug with busybox": its image
        image = u.group_text(m)
        u.mark_groups(m)
    m = u.search(r"\b(?:an?|single instance of|one) (\S+) pod\b|\b(\S+) pod\b")
    word = None
    if m:
        g = 1 if m.group(1) else 2
        idx = u.index_at(m.start(g))
        if u.is_name(idx) or u.norms[idx] in ("nginx",):
            word = u.text_of(idx)
            u.used.add(idx)
    if not name:  # "run a pod tmp with busybox:1.36": the name after the word pod
        m = u.search(r"\bpod (\S+)")
        if m and u.is_name(u.group_index(m)) and u.group_index(m) not in u.used:
            name = u.group_text(m)
            u.mark_groups(m)
    name = name or word
    image = image or word
    if image and not name:
        name = cs.only_free_name(u, "pods")
    count = first_int(c, r"\b(\d+) (?:replicas?|pods|instances|copies)\b")
    if name and image and count is not None and count > 1:
        # a pod runs once: "stand up web - nginx:1.27, 3 pods" is a deployment
        params = {"image": image, "replicas": count}
        return [Draft("create.deployment", names=[name], slots=c.common(), params=params)]
    if image and not name:
        return clarify(f"What should the pod running {image} be called?")
    if not name or not image:
        return clarify("Which image should the pod run, and what should it be called?")
    params["image"] = image
    port = first_int(c, r"\bport (\d+)\b")
    if port is not None:
        params["port"] = port
    env = kv_tokens(c)
    m = u.search(r"\bsetting (?:the )?(\S+) (?:environment variable|env var|variable) to (\S+)")
    if m:
        env.append(f"{u.group_text(m, 1)}={u.group_text(m, 2)}")
    if env:
        params["env"] = env
    if u.search(r"\b(don't|do not|never) restart\b|\bno restarts?\b"):
        params["restart"] = "Never"
    if u.search(r"\b(interactive|shell|foreground|attach)\b"):
        params["stdin"] = True
        params["tty"] = True
    if u.search(r"\bshell\b"):
        params["argv"] = ["sh"]
    if u.search(r"\b(dry[- ]run|without creating|preview)\b"):
        params["dry_run"] = "client"
    s = c.common()
    return [Draft("run", names=[name], slots=s, params=params)]


_SERVICE_TYPES = {
    "nodeport": "NodePort",
    "node port": "NodePort",
    "loadbalancer": "LoadBalancer",
    "load balancer": "LoadBalancer",
    "load-balancer": "LoadBalancer",
    "clusterip": "ClusterIP",
    "cluster ip": "ClusterIP",
    "externalname": "ExternalName",
}


def build_expose(c: Ctx) -> Result:
    """`kubectl expose`: which object (a deployment unless another kind is said), the port,
    the container port, the Service type ('as a load balancer'), its name and protocol."""
    u = c.u
    # "a service on port 80 in front of web", "let other pods talk to web": web is the object
    for front in u.finditer(
        r"\bin front of\b|\blet (?:other )?(?:pods|services|apps|things) (?:talk|connect|get) to\b"
        r"|^front\b(?=.*\bservice\b)"  # "front web with a service on 8080": the verb
    ):
        u.mark(front)
    svc_name = None
    m = u.search(
        r"\bwith the name (\S+)|\bnamed (\S+)|\bcalled (\S+)|\bservice name (?:of )?(\S+)"
        # "… and call the service search", "name it web-svc"
        r"|\b(?:call|name) (?:the (?:new )?service|it) (\S+)"
    )
    if m:
        g = next(i for i in (1, 2, 3, 4, 5) if m.group(i))
        svc_name = u.text_of(u.index_at(m.start(g)))
        u.mark_groups(m)
    m = u.search(
        r"\b(?:as |of type |type )?(?:an? )?(node ?port|load[- ]?balancer|cluster ?ip"
        r"|externalname)(?: service)?\b"
    )
    service_type = _SERVICE_TYPES.get(m.group(1)) if m else None
    if m:
        u.mark(m)
    m = u.search(r"\bcontainer port (\d+)\b")
    container_port = None
    if m and not u.search(r"\bcontainer port \d+ as port\b"):
        container_port = m.group(1)
        u.mark(m)
    port, target = cs.ports(c)
    target = target or container_port
    m = u.search(r"\b(udp|tcp|sctp)\b")
    protocol = m.group(1).upper() if m else None
    s = c.common()
    params: dict[str, ParamValue] = {}
    if s.files:
        d = Draft("expose", slots=s)
        d.params["filename"] = s.files
    else:
        every = u.kind_mentions()
        mentions = [m2 for m2 in every if m2.info.ref.plural != "services"]
        # "a second service based on the nginx service": then a service is the object
        target_mention = mentions[0] if mentions else (every[1] if len(every) > 1 else None)
        for m2 in u.kind_mentions():
            u.used.update(range(m2.start, m2.end))
        names: list[str] = []
        if target_mention is not None:
            names = names_after(u, target_mention.end) or [
                n for n in [name_before(u, target_mention)] if n
            ]
        if not names:
            for i in range(len(u)):
                if u.is_name(i) and not u.norms[i].startswith("-"):
                    names = names_after(u, i)
                    break
        if not names:
            return clarify("Expose which deployment or pod?")
        if target_mention is not None:
            d = Draft("expose", [target_mention.info], names[:1], True, s)
        else:  # "expose web on port 80": a deployment unless the cluster says otherwise
            d = Draft("expose", [c.kind("deployments")], names[:1], False, s, guessed_kind=True)
    if port is not None:
        params["port"] = port
    if target:
        params["target_port"] = target
    if service_type:
        params["type"] = service_type
    if svc_name:
        params["service_name"] = svc_name
    if protocol:
        params["protocol"] = protocol
    d.params.update(params)
    return [d]
