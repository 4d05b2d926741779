"""A Job made from a CronJob's template ("run cronjob backup now as job backup-1",
"--from=cronjob/x", "trigger cj/x now as job y"): `kubectl create job NAME --from=cronjob/X`."""

from __future__ import annotations

from kubechat_nlp.model import ParamValue
from kubechat_nlp.rules.common import Ctx, Draft, Result, clarify


def job_from_cronjob(c: Ctx) -> Result | None:
    """'run cronjob backup now as job backup-1', 'trigger the backup cronjob manually, call
    the job backup-now': a Job made from a CronJob's template."""
    u = c.u
    m = u.search(
        r"\b(?:run|trigger|kick off|fire|start|execute|launch)\b (?:off )?(?:the |a )?(?:"
        r"(?:cron ?jobs?|cj) (?:named |called )?(\S+)|(?!of )(\S+) cron ?jobs?"
        r"|(\S+) (?=manually|by hand))\b"
        r"|\brun of (?:the )?(?:cron ?job|cj) (\S+)"  # "a manual run of cronjob x"
    ) or u.search(
        r"\b(?:from|out of|off(?: of)?) (?:the |a )?cron ?jobs? (?:named |called )?(\S+)"
        r"|\b(?:from|out of|off(?: of)?) (?:the )?(\S+) cron ?jobs?\b"
    )
    # kubectl's own spelling: "--from=cronjob/x", "trigger cj/x now as job y"
    flagged = u.search(r"(?:^| )--from[= ]cron ?jobs?/([a-z0-9][\w.-]*)")
    slashed = next(
        (k.name for k in u.kind_mentions() if k.name and k.info.ref.plural == "cronjobs"), None
    )
    # "can you run invoice-run now, job name invoice-run-now": a job named, so the thing
    # run now is a CronJob ("run nginx now" alone stays a pod to run)
    named = u.search(
        r"\bjob (?:named|called|name) \S+|\bas (?:a |the )?(?:new )?job \S+"
        r"|\b(?:name|call) (?:the job|it) \S+"
    )
    if m is None and named is not None:
        m = u.search(
            r"\b(?:run|trigger|kick off|fire|start|execute|launch) (?:the )?(\S+)"
            r" (?:now|off-schedule|off schedule|outside (?:of )?(?:its |the )?schedule|ad-?hoc)\b"
        )
    unnamed = m is None or not u.is_name(u.group_index(m))
    if flagged is not None or (unnamed and slashed is not None and named is not None):
        source = flagged.group(1) if flagged is not None else str(slashed)
        if flagged is not None:
            u.mark(flagged)
        u.used.update(k.start for k in u.kind_mentions() if k.name == source)
    elif m is None or not u.is_name(u.group_index(m)):
        return None
    else:
        source = u.group_text(m)
        u.mark(m)
    n = u.search(
        r"\bas (?:a |the )?(?:new )?job (?:named |called )?(\S+)|\bcall (?:the job|it) (\S+)"
        r"|\bjob (?:named|called|name) (\S+)|\bjobs? (\S+) from\b"
        r"|\bnam(?:e|ing) (?:the job|it) (\S+)"
        # "create job x from …", "make job x out of the y cronjob"
        r"|\b(?:create|make|new|start) (?:a |the )?job (?!from\b|out\b)(\S+) (?:from|out of|off)\b"
    ) or u.search(r"\bas (\S+)|\bjob (?!from\b|out\b|name\b)(\S+)")  # "… now as backup-now"
    if n is None or not u.is_name(u.group_index(n)):
        return clarify(f"What should the job made from cronjob {source} be called?")
    name = u.group_text(n)
    u.mark(n)
    params: dict[str, ParamValue] = {"from": f"cronjob/{source}"}
    return [Draft("create.job", names=[name], slots=c.common(), params=params)]
