from citecheck.fix.records import apply_to_references
from citecheck.model import Fix, Name, Reference, Span, Target, Url

SPAN = Span("f.md", 1, 1, 0, 10)


def ref(**kw) -> Reference:
    base = dict(raw="", span=SPAN, key="k", title="Human Trafficking", year=2012)
    base.update(kw)
    return Reference(**base)


def test_reference_name_fix_changes_the_author_and_the_key():
    (out,) = apply_to_references(
        [ref(key="haeransHuman2012", authors=(Name(family="Haerans", given="Margaret"),))],
        [Fix(Target.REFERENCE, "author", "Haerans", "Haerens", (SPAN,), reference="haeransHuman2012")],
    )
    assert out.authors[0].family == "Haerens"
    assert out.key == "haerensHuman2012"


def test_citation_fixes_leave_references_alone():
    r = ref(authors=(Name(family="Zaugg"),))
    assert apply_to_references([r], [Fix(Target.CITATION, "author", "Zuagg", "Zaugg", (SPAN,))]) == (r,)


def test_moved_url_is_replaced():
    r = ref(urls=(Url("http://old.example/a"),))
    (out,) = apply_to_references([r], [Fix(Target.REFERENCE, "url", "http://old.example/a", "https://new.example/a", reference="k")])
    assert out.urls[0].url == "https://new.example/a"


def test_dead_url_keeps_its_address_and_gains_the_archived_copy():
    r = ref(urls=(Url("http://dead.example/a"),))
    wayback = "http://web.archive.org/web/20190614191603/http://dead.example/a"
    (out,) = apply_to_references([r], [Fix(Target.REFERENCE, "archive", "http://dead.example/a", wayback, reference="k")])
    assert out.urls[0].url == "http://dead.example/a"
    assert out.urls[0].snapshot.url == wayback
    assert out.urls[0].snapshot.timestamp == "20190614191603"


def test_entry_rebuilt_from_the_matched_record_keeps_the_users_key():
    r = ref(key="mine2019", authors=(Name(family="Wrong"),), year=2018)
    after = "@article{other,\n  author = {Right, Ann},\n  title = {Human Trafficking},\n  journaltitle = {J},\n  date = {2019},\n}\n"
    (out,) = apply_to_references([r], [Fix(Target.REFERENCE, "entry", "raw", after, reference="mine2019")])
    assert out.key == "mine2019" and out.authors[0].family == "Right" and out.year == 2019 and out.span == SPAN
