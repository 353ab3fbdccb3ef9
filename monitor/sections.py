"""A section of a page that a column's address names by its fragment (pure).

Some colleges put several columns on one page: 财务信息 with a box for 收费项目, one for 预算决算, one for 受捐赠.
Each is a column of its own (a blank box is a blank column), configured as the page's address with the section's
name or anchor after ``#`` (``cwxx.htm#预算决算``, ``cwxx.htm#ysjs``). The list readers are given only that section:
the element the fragment names by its ``id`` (or an ``<a name>`` anchor), else the box whose heading is the
fragment (the heading's nearest ancestor holding no other heading of its kind), else, where the headings stand side
by side with their lists (``<h3>收费项目</h3><ul>…</ul><h3>预算决算</h3><ul>…</ul>``), the heading and what follows it
up to the next one. A tab's label (``<li onmouseover="setTab(…)">预算决算</li>`` among labels, Bootstrap's
``<a data-toggle="tab" href="#ysjs">``) names the pane it shows: the one it targets by id, else the pane in its place
among the panes after the labels (the second label's, the second pane).
"""

from __future__ import annotations

import copy
import functools
import itertools
import re
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

from lxml import etree

from monitor.htmlpage import (
    _HEADING_TAGS,
    _HIDING_CLASSES,
    _HIDING_STYLE_RE,
    _has_address,
    _nav_like,
    _placeholder,
    _text,
    _tree,
    decode_html,
)
from monitor.listpage import _column_markers

_MORE_RE = re.compile(r"(?:更多|more|MORE|More)?\s*(?:>>|&gt;&gt;|»|›|\+)?\s*$")
_TITLE_CLASS_RE = re.compile(r"tit|hd|head|bt|name|lm", re.I)  # title, tit, hd, head, bt (标题), lmmc (栏目名称)
_HEADING_CHARS = 30
_NAME_CHARS = 16  # a section's name, at most, where a page's headings are proposed as its columns
_MOST_SECTIONS = 60  # headings read as a page's sections, at most (the checklist has 50 items): each is cut out alone
_MORE_LINK_RE = re.compile(
    r"^(?:查看)?(?:更多|more)|^(?:>>|»|\+)$", re.I
)  # a section's heading, at most: a longer text is a sentence naming the section, not its heading
UTF8 = {"content-type": "text/html; charset=utf-8"}
_TARGET_ATTRS = ("data-target", "data-bs-target", "aria-controls", "href")  # where a tab's label names its pane
_TAB_TOGGLES = frozenset(("tab", "pill", "tabs", "pills"))
_SEPARATOR_CHARS = 2  # what may stand between two tabs' labels (|, ·)
_UNWRAPPED = frozenset(("script", "style"))


def as_utf8(headers: Mapping | None) -> dict:
    """A server's headers for a section cut out of its page: the same, but for the bytes' encoding (UTF-8 now)."""
    return {**{k: v for k, v in (headers or {}).items() if k.lower() != "content-type"}, **UTF8}


def section_of(url: str) -> str:
    """The section a column's address names after # (cwxx.htm#预算决算), or "": a script's route (``#/xxgk/list``,
    ``#!/news``) names none."""
    fragment = urlsplit(url).fragment
    return "" if fragment.startswith(("/", "!")) else fragment


def section_name(fragment: str) -> str:
    """The words an address's fragment gives (%E9%A2%84… as UTF-8; as GBK where a GBK site's link wrote it so)."""
    try:
        return unquote(fragment, errors="strict").strip()
    except UnicodeDecodeError:
        return unquote(fragment, encoding="gb18030", errors="replace").strip()


def section_page(body: bytes, headers: Mapping | None, fragment: str) -> bytes | None:
    """The page cut down to the section ``fragment`` names, as UTF-8 HTML (read it with ``UTF8`` as headers), its
    ``<head>`` kept (its title, its scripts); None where the page holds no such section."""
    name = section_name(fragment)
    text, _ = decode_html(body, headers)
    root = _tree(text)
    if root is None or not name:
        return None
    page = root.find("body") if root.find("body") is not None else root
    section = _anchored(page, name)
    if section is None:
        section = _headed(page, name)
    if section is None:
        section = _toggled(page, name)
    return None if section is None else _page_of(root, section)


def tab_page(body: bytes, headers: Mapping | None, name: str) -> bytes | None:
    """The page cut down to the pane of its tab labelled ``name``, as ``section_page`` cuts a section, where a
    script switches its tabs (收费项目 | 预算决算 | 受捐赠: each label targeting its pane by id, or the other panes
    hidden until their label is clicked or hovered): a column named as one of its page's tabs, its address naming no
    section. None where no such tab is so labelled (a site's menu, share links or a skip link are no tabs: see
    ``_switched``), or where the page is the column's own (``_own_page``)."""
    root = _tree(decode_html(body, headers)[0])
    if root is None or not name.strip():
        return None
    page = root.find("body") if root.find("body") is not None else root
    for el in _innermost(_reading(page, name)):
        labels = _label_run(el)
        if len(labels) < 2:
            continue
        found = _pane_in(page, labels, next(x for x in labels if x is el or x in el.iterancestors()))
        if (
            found
            and (_switched(labels, *found) if found[1] else _toggles(labels))
            and not _own_page(page, labels, name)
        ):
            return _page_of(root, _shown(found[0]))
    return None


def _own_page(page, labels: list, name: str) -> bool:
    """Whether the page is the column's own besides its tabs: a heading or a breadcrumb outside them names it (its
    list page, a widget of tabs in its sidebar naming it too: the page's list is the column, not the widget's)."""
    inside = {el for label in labels for el in label.iter()}
    return any(marker not in inside for marker in _column_markers(page, name))


_CURRENT_CLASSES = frozenset(("on", "cur", "current", "active", "hover", "sel", "selected", "now", "select"))
_HANDLERS = frozenset(("onclick", "onmouseover", "onmouseenter", "onmousemove"))
_TAB_WORD_RE = re.compile(r"tab(?!le)", re.I)  # tab, tabs, tab-pane, tab_con; not a table's class


def _tab_toggle(el) -> bool:
    """Whether ``el`` is marked up as a tab a script toggles (Bootstrap's data-toggle="tab", role="tab")."""
    return (el.get("data-toggle") or el.get("data-bs-toggle") or "").lower() in _TAB_TOGGLES or el.get("role") == "tab"


def _toggles(labels: list) -> bool:
    """Whether tabs' labels are marked up as tabs a script toggles, or name the pane they control."""
    return any(_tab_toggle(el) or el.get("aria-controls") for label in labels for el in label.iter(etree.Element))


def _switched(labels: list, pane, panes: list) -> bool:
    """Whether ``labels`` switch ``panes`` as tabs do, not a menu or a row of share links beside blocks that happen
    to be as many: the other panes hidden until their label is clicked, and the labels marked as tabs (a handler on
    each, Bootstrap's toggles; labels linking nowhere: also one marked as the tab shown, or a class saying tab)."""
    if not any(_placeholder(p) for p in panes if p is not pane):
        return False
    handled = all(any(_HANDLERS.intersection(el.attrib) for el in label.iter(etree.Element)) for label in labels)
    if handled or _toggles(labels):
        return True
    if any(_has_address(a) for label in labels for a in label.iter("a")):
        return False  # links to pages, the current one marked: a menu, unless each label switches a pane
    shown = [x for x in labels if _CURRENT_CLASSES.intersection((x.get("class") or "").lower().split())]
    around = [labels[0].getparent(), labels[0].getparent().getparent(), pane.getparent(), *panes]
    named = any(_TAB_WORD_RE.search(f"{el.get('class') or ''} {el.get('id') or ''}") for el in around if el is not None)
    return len(shown) == 1 or named


def _page_of(root, section) -> bytes:
    """A page of ``section`` alone, ``root``'s ``<head>`` kept, as UTF-8 HTML."""
    out = etree.Element("html")
    head = root.find("head")
    kept = copy.deepcopy(head) if head is not None else etree.Element("head")
    for meta in kept.findall("meta"):  # its bytes are UTF-8 now, whatever the page declared
        if meta.get("charset") or (meta.get("http-equiv") or "").lower() == "content-type":
            kept.remove(meta)
    etree.SubElement(kept, "meta", charset="utf-8")
    out.append(kept)
    etree.SubElement(out, "body").append(section)
    return etree.tostring(out, encoding="utf-8", method="html")


def _anchored(page, name: str):
    """The element whose id is ``name``; for an empty anchor (``<a name>``, ``<a id>``, ``<span id>`` before the
    box), what follows it up to the next such anchor."""
    found = next((el for el in page.iter(etree.Element) if el.get("id") == name), None)
    if found is None:
        found = next((a for a in page.iter("a") if a.get("name") == name and not a.get("href")), None)
    if found is None:
        return None
    if len(found) or _text(found):
        return copy.deepcopy(found)
    return _run_from(found, _anchor)


def _anchor(el) -> bool:
    """Whether ``el`` is an empty anchor marking where a section starts (``<a name="ysjs"></a>``)."""
    return not len(el) and not _text(el) and bool(el.get("id") or (el.tag == "a" and el.get("name")))


def _headed(page, name: str):
    """The box headed ``name``, or the heading and what follows it up to the next heading of its kind."""
    heading = _heading(page, name)
    if heading is None:
        return None
    labels = _label_run(heading)
    if len(labels) > 1:  # a tab's label: its pane, or None where the page does not tell which one
        return _pane(page, labels, next(el for el in labels if el is heading or el in heading.iterancestors()))
    kind = (heading.tag, heading.get("class"))
    others = [el for el in page.iter(heading.tag) if el is not heading and _of_kind(el, kind)]
    holding = _ancestors(others)  # the elements holding another heading of its kind: no box of this one alone
    node = heading
    while (up := node.getparent()) is not None and up is not page and up not in holding:
        node = up
    if node is not heading:
        return copy.deepcopy(node)
    return _run_from(heading, lambda el: _of_kind(el, kind) or el in holding)


def _heading(page, name: str):
    """The innermost element reading ``name`` outside the page's menus: a heading of its own words first, else one
    that links to the section's list (<h3><a href="ysjs.htm">预算决算</a></h3>), else a tab's label (in a bar a
    class names a menu, ``tab_menu``, only where no label links anywhere: a site's menu links to its pages)."""
    every = [el for el in _reading(page, name) if el.tag != "a"]
    menus = {el for el in every if _nav_like(el, page)}
    innermost = _innermost([el for el in every if el not in menus])
    plain = [el for el in innermost if not any(_text(a) == _text(el) for a in el.iter("a"))]
    linked = [el for el in innermost if el.tag in _HEADING_TAGS or _TITLE_CLASS_RE.search(el.get("class") or "")]
    tabs = (el for el in _innermost(every) if _tab_label(el, name, el in menus))
    return next(iter(plain or linked or tabs), None)


_TEXTS_WITH = etree.XPath(".//text()[contains(., $c)]")


def _reading(page, name: str) -> list:
    """Every element of ``page`` reading ``name`` (``_heads``), in the page's order: found from the text nodes
    holding its first character (an XPath, in C), not by reading every element's text."""
    wanted = heading_key(name)
    if not wanted:
        return []
    found: dict = {}
    seen: set = set()  # (each element judged once: a page's 20,000 lines of the name share one parent)
    for text in _TEXTS_WITH(page, c=wanted[0]):
        el = text.getparent()
        if el is not None and text.is_tail:
            el = el.getparent()
        while el is not None and el not in seen:
            seen.add(el)
            if not _heads(el, name):
                break
            found[el] = None
            el = el.getparent()
    if len(found) < 2:
        return list(found)
    order = {el: i for i, el in enumerate(page.iter(etree.Element))}
    return sorted(found, key=lambda el: order.get(el, -1))


def _innermost(elements: list) -> list:
    above = _ancestors(elements)
    return [el for el in elements if el not in above]


def _tab_label(el, name: str, in_menu: bool) -> bool:
    labels = _label_run(el)
    if len(labels) < 2 or _links_to_section(el, name):
        return False
    return not in_menu or not any(_has_address(a) for label in labels for a in label.iter("a"))


def _links_to_section(el, name: str) -> bool:
    """Whether ``el`` links to the section itself (a menu's ``cwxx.htm#预算决算``), not to a list of its own."""
    return any(
        heading_key(section_name(urlsplit(a.get("href") or "").fragment)) == heading_key(name) for a in el.iter("a")
    )


def _label_run(el) -> list:
    """The run of tabs' labels ``el`` is one of: it (or the item holding only it) and its like siblings next to it,
    each a few words, nothing but a separator between them (``<li>收费项目</li><li>预算决算</li>``); else [el]."""
    slot = el
    while (up := slot.getparent()) is not None and len(_elements(up)) == 1 and _text(up) == _text(slot):
        slot = up
    if up is None or not _short_heading(slot):
        return [slot]
    before = list(_like_siblings(slot, slot.itersiblings(preceding=True), preceding=True))
    return [*reversed(before), slot, *_like_siblings(slot, slot.itersiblings(), preceding=False)]


def _like_siblings(slot, siblings, preceding: bool):
    """The labels like ``slot`` next to it, walking one way, up to the first that is none or has more than a
    separator between it and the last."""
    last = slot
    for el in siblings:
        if not isinstance(el.tag, str) or el.tag in _UNWRAPPED:
            continue
        like = el.tag == slot.tag and _short_heading(el) and not _MORE_LINK_RE.match(_text(el))
        if not like or len(((el if preceding else last).tail or "").strip()) > _SEPARATOR_CHARS:
            return
        yield el
        last = el


def _elements(el) -> list:
    """``el``'s elements, its scripts and styles aside."""
    return [child for child in el if isinstance(child.tag, str) and child.tag not in _UNWRAPPED]


def _pane(page, labels: list, label):
    """The pane a tab's label shows: the element its label targets by id (``href="#ysjs"``, ``data-target``,
    ``aria-controls``), else the one in its place among the panes after the labels (each a child of the box after
    them, or the elements following them), a copy, unhidden; None where neither is there."""
    found = _pane_in(page, labels, label)
    return _shown(found[0]) if found else None


def _pane_in(page, labels: list, label) -> tuple | None:
    """The pane a tab's label shows and its fellow panes (none where the label targets it by id), or None."""
    targeted = _target(page, label)
    if targeted is not None:
        return targeted, []
    place, node = labels.index(label), labels[-1]
    while node is not None and node is not page:
        after = [el for el in _elements_after(node) if not _MORE_LINK_RE.match(_text(el))]
        if after:
            panes = _panes_after(after, len(labels))
            return (panes[place], panes) if len(panes) == len(labels) else None
        node = node.getparent()
    return None


def _panes_after(after: list, count: int) -> list:
    """The ``count`` panes among what follows a strip of labels: the children of the box right after it, else as
    many like elements following it, else the children under the box's lone child (a table's next row holding one
    cell holding the panes); [] where none are as many."""
    panes = _elements(after[0])
    if len(panes) == count:
        return panes
    if len(after) >= count and all(el.tag == after[0].tag for el in after[:count]):
        return after[:count]
    box = after[0]
    while len(kids := _elements(box)) == 1:
        box = kids[0]
    return kids if len(kids) == count else []


def _elements_after(el) -> list:
    return [sibling for sibling in el.itersiblings() if isinstance(sibling.tag, str) and sibling.tag not in _UNWRAPPED]


def _target(page, label):
    """The element a tab's label (or a link in it) names as its pane by id, or None."""
    for el in label.iter(etree.Element):
        for attr in _TARGET_ATTRS:
            value = (el.get(attr) or "").strip()
            wanted = value[1:] if value.startswith("#") else value if attr == "aria-controls" else ""
            found = next((x for x in page.iter(etree.Element) if x.get("id") == wanted), None) if wanted else None
            if found is not None and found is not label:
                return found
    return None


def _toggled(page, name: str):
    """The pane of a tab a script toggles (Bootstrap's ``<a data-toggle="tab" href="#ysjs">预算决算</a>``,
    ``role="tab"``), its label in a menu-like bar that ``_heading`` passes over."""
    for el in page.iter(etree.Element):
        if _tab_toggle(el) and _heads(el, name):
            pane = _target(page, el)
            if pane is not None:
                return _shown(pane)
    return None


def _shown(el):
    """A copy of a tab's pane, shown: a pane hidden until its label is clicked holds what the page shows then."""
    pane = copy.deepcopy(el)
    if _HIDING_STYLE_RE.search(pane.get("style") or ""):
        del pane.attrib["style"]
    pane.attrib.pop("hidden", None)
    kept = [c for c in (pane.get("class") or "").split() if c.lower() not in _HIDING_CLASSES]
    if pane.get("class") is not None:
        pane.set("class", " ".join(kept))
    return pane


def _ancestors(elements: list) -> set:
    """Every element holding one of ``elements`` (each ancestor walked once: linear in the page)."""
    found: set = set()
    for el in elements:
        for up in el.iterancestors():
            if up in found:
                break
            found.add(up)
    return found


def _of_kind(el, kind: tuple) -> bool:
    return (el.tag, el.get("class")) == kind and _short_heading(el)


def _heads(el, name: str) -> bool:
    """Whether ``el`` reads ``name`` as a heading writes it: 更多>> after it, 【】 or a bullet round it, a count
    (（3）), an English subtitle (预算决算 BUDGET), spaces between its characters (概 况) allowed."""
    if next(itertools.islice(el.iterchildren(), 3, None), None) is not None:
        return False  # more than three children (counted up to four: len() walks them all)
    wanted = heading_key(name)
    text = _text(el)
    return bool(wanted) and all(ch in text for ch in wanted) and heading_key(text) == wanted


# what a heading may have round its words: spaces, brackets, bullets, separators (预算决算 / Budget, 【预算决算】)
_DECORATION_RE = re.compile(r"[\s\W_]+")
_COUNT_RE = re.compile(r"[（(]\s*\d+\s*[)）]\s*$")  # 预算决算（3）: how many entries the box holds
_SUBTITLE_RE = re.compile(r"^[A-Za-z][A-Za-z\s&'.,-]*|[A-Za-z][A-Za-z\s&'.,-]*$")  # BUDGET beside 预算决算
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@functools.lru_cache(maxsize=4096)  # (a section's name, once per element of its page)
def heading_key(text: str) -> str:
    """The words a heading names its section by: without 更多>>, a count, an English subtitle beside Chinese
    words, spaces, brackets and bullets (【预算决算】, ■ 预算决算, 预算决算 BUDGET, 预 算 决 算: 预算决算)."""
    said = _COUNT_RE.sub("", _MORE_RE.sub("", text.strip()))
    if _CJK_RE.search(said):
        cut = _SUBTITLE_RE.sub("", _DECORATION_RE.sub(" ", said).strip())
        said = cut if len(_CJK_RE.findall(cut)) >= 2 else said
    return _DECORATION_RE.sub("", said)


def _short_heading(el) -> bool:
    return 0 < len(_text(el)) <= _HEADING_CHARS


def _run_from(start, stops) -> etree._Element | None:
    """``start`` and its following siblings up to the first that ``stops`` (a copy, in a ``<div>``); None where
    nothing follows it (a tab's label among labels: its pane is elsewhere)."""
    run = etree.Element("div")
    run.append(copy.deepcopy(start))
    for el in start.itersiblings():
        if isinstance(el.tag, str) and stops(el):
            break
        run.append(copy.deepcopy(el))
    if len(run) == 1:
        return None
    return run


def section_names(body: bytes, headers: Mapping | None) -> list[str]:
    """The headings a page shows outside its menus, each naming a section of it (收费项目, 预算决算): short words in
    an h2–h5 or a title bar, once each, in the page's order; not a link's words (an entry's title in a list of
    headings, or a box's heading linking to its own list: that list is the column); and tabs' labels that link
    nowhere (a script shows their panes). The first ``_MOST_SECTIONS`` of them."""
    root = _tree(decode_html(body, headers)[0])
    if root is None:
        return []
    names: dict[str, None] = {}
    labels: dict = {}  # a parent's children that are tabs' labels, worked out once per parent
    for el in root.iter("h2", "h3", "h4", "h5", "div", "span", "p", "strong", "li", "button", "a"):
        heading = el.tag not in ("li", "button", "a") and bool(
            el.tag in _HEADING_TAGS or _TITLE_CLASS_RE.search(el.get("class") or "")
        )
        up = el.getparent()
        if not heading and up is not None and up not in labels:
            labels[up] = _plain_labels(up)
        if not heading and (up is None or el not in labels[up]):
            continue
        said = heading_key(_text(el))
        linked = any(_has_address(a) and heading_key(_text(a)) == said for a in el.iter("a"))
        # (a tab's label in a bar a class names a menu, tab_menu, nav-tabs: its labels link nowhere)
        if 2 <= len(said) <= _NAME_CHARS and len(el) <= 3 and not linked and not (heading and _nav_like(el, root)):
            names.setdefault(said, None)
        if len(names) == _MOST_SECTIONS:
            break
    return list(names)


def _plain_labels(parent) -> set:
    """``parent``'s children that are tabs' labels a script switches (no link to go to): two or more alike in a run,
    each a few words (``<li>收费项目</li><li>预算决算</li>``)."""
    found: set = set()
    run: list = []
    for child in [*_elements(parent), None]:
        plain = child is not None and _short_heading(child) and not any(_has_address(a) for a in child.iter("a"))
        if plain and (not run or child.tag == run[0].tag):
            run.append(child)
            continue
        if len(run) > 1:
            found.update(run)
        run = [child] if plain else []
    return found


def offers_more(section: bytes) -> bool:
    """Whether a section's box links to more of it elsewhere (更多>>, more): its own list page is the column."""
    root = _tree(section.decode("utf-8", "replace"))
    return root is not None and any(_MORE_LINK_RE.match(" ".join(_text(a).split())) for a in root.iter("a"))
