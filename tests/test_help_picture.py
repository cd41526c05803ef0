"""The help picture: nodes do not overlap, arrows run giver to receiver, text is escaped."""

import re

from carefor.web.help_picture import ME, Edge, help_picture_svg


def _centres(svg: str) -> dict[str, tuple[float, float]]:
    found = re.findall(r'<g><title>([^<]+)</title><circle cx="([\d.]+)" cy="([\d.]+)"', svg)
    return {name: (float(x), float(y)) for name, x, y in found}


def test_no_help_no_picture():
    assert help_picture_svg("Ann", []) == ""


def test_nodes_never_overlap_whatever_the_number_of_people():
    for n in range(1, 12):
        edges = [Edge(ME, "Ann", "advice")] + [Edge(f"P{i}", "Ann", "time") for i in range(n)]
        centres = list(_centres(help_picture_svg("Ann", edges)).values())
        assert len(centres) == n + 2
        for i, (x1, y1) in enumerate(centres):
            for x2, y2 in centres[i + 1 :]:
                assert (x1 - x2) ** 2 + (y1 - y2) ** 2 >= (2 * 26) ** 2, (n, (x1, y1), (x2, y2))


def test_titles_say_who_helped_whom_and_are_escaped():
    svg = help_picture_svg("Ann <b>", [Edge("Bo & Co", "Ann <b>", "advice: <script>")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "Bo &amp; Co → Ann &lt;b&gt;: advice: &lt;script&gt;" in svg
    assert ME not in _centres(svg)  # "you" appear only when you are part of the help


def test_everyone_fits_inside_the_picture():
    from carefor.web.help_picture import HEIGHT, NODE_R, WIDTH

    for n in range(1, 12):
        edges = [Edge(ME, "Ann", "advice")] + [Edge(f"P{i}", "Ann", "time") for i in range(n)]
        for x, y in _centres(help_picture_svg("Ann", edges)).values():
            assert NODE_R <= x <= WIDTH - NODE_R and NODE_R <= y <= HEIGHT - NODE_R - 14, (n, x, y)
