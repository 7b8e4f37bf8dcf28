"""The report's two matrices: how outlets relate to each other over the claims both cover,
and how each outlet's own voice stands to the parties quoted in contested claims."""

from __future__ import annotations

from comparator.corpus import Corpus
from comparator.render.escape import markdown as md
from comparator.render.markdown import table
from comparator.report.content import Report, Stance, Tally
from comparator.report.links import claim_list, section


def _tally_cell(tally: Tally | None) -> str:
    if tally is None:
        return "—"
    parts = [
        (len(tally.agree), "agree"),
        (len(tally.compatible), "compatible"),
        (len(tally.contradict), "contradict"),
    ]
    return ", ".join(f"{n} {word}" for n, word in parts if n)


def outlet_matrix(corpus: Corpus, report: Report) -> str:
    out = [
        section("outlets"),
        "",
        "For each pair of outlets, the claims both report on, by how their assertions relate:"
        " *agree* (the same values), *compatible* (values that can all be true, including a"
        " figure later superseded), *contradict* (at least one assertion of one outlet cannot be"
        " true with one of the other's). Attributed assertions count: an outlet that quotes both"
        " parties of a dispute contradicts whoever reports only one of them. — means no claim in common.",
    ]
    outlets = report.outlets
    if len(outlets) < 2:
        return "\n".join([*out, "", "Fewer than two outlets: nothing to compare."])
    names = [md(corpus.outlet_name(o)) for o in outlets]
    rows = [
        [
            f"**{names[n]}**",
            *("" if x == y else _tally_cell(report.outlet_pairs.get((x, y))) for y in outlets),
        ]
        for n, x in enumerate(outlets)
    ]
    out += ["", table(["outlet", *names], rows)]
    disagreements = []
    for n, x in enumerate(outlets):
        for y in outlets[n + 1 :]:
            tally = report.outlet_pairs.get((x, y))
            if tally and tally.contradict:
                disagreements.append(
                    f"- {md(corpus.outlet_name(x))} × {md(corpus.outlet_name(y))}: "
                    + claim_list(tally.contradict)
                )
    if disagreements:
        out += ["", "Where they contradict each other:", "", *disagreements]
    return "\n".join(out)


def _stance_cell(stance: Stance | None) -> str:
    if stance is None:
        return "—"
    parts = [(len(stance.sides), "with"), (len(stance.opposes), "against"), (len(stance.mixed), "mixed")]
    return ", ".join(f"{n} {word}" for n, word in parts if n)


def party_matrix(corpus: Corpus, report: Report) -> str:
    out = [
        section("parties"),
        "",
        "Over the contested claims, counted once per claim by sides (however many articles"
        " repeat a side): how often each outlet's own voice (not a party it quotes) stands *with*"
        " a party (only on sides the party holds), *against* it (on no side the party holds), or"
        " is *mixed*. — means the outlet did not speak in its own voice on any contested claim"
        " where that party is quoted.",
    ]
    if not report.parties or not report.stance_outlets:
        return "\n".join([*out, "", "No contested claim has both an outlet's own voice and a quoted party."])
    names = [md(corpus.actor_name(p)) for p in report.parties]
    rows = [
        [
            f"**{md(corpus.outlet_name(o))}**",
            *(_stance_cell(report.stances.get((o, p))) for p in report.parties),
        ]
        for o in report.stance_outlets
    ]
    out += ["", table(["outlet's own voice", *names], rows)]
    details = []
    for o in report.stance_outlets:
        for p in report.parties:
            stance = report.stances.get((o, p))
            if stance is None:
                continue
            for ids, verb in (
                (stance.sides, "with"),
                (stance.opposes, "against"),
                (stance.mixed, "mixed towards"),
            ):
                if ids:
                    who = f"{md(corpus.outlet_name(o))} {verb} {md(corpus.actor_name(p))}"
                    details.append(f"- {who}: {claim_list(ids)}")
    out += ["", "The claims behind each cell:", "", *details]
    return "\n".join(out)
