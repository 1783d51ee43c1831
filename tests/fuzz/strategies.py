"""Hypothesis strategies for what visitors (and attackers) type into forms and URLs."""

from hypothesis import strategies as st

HOSTILE_SNIPPETS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1'; DROP TABLE clusterdirectory_clusterregistration; --",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "%(name)s %s %d",
    "\u202eevil\u202c",  # right-to-left override
    "Ærø Straße 1 – Åbenrå",
    "x" * 300,
    "🙂" * 20,
    "\x00",
    "\r\n\t",
    '=HYPERLINK("http://evil.example")',
    "../../etc/passwd",
    "",
    " ",
]

# Any unicode text (hypothesis leaves out surrogates), control characters included.
any_text = st.text(max_size=400)
long_text = st.text(min_size=1000, max_size=6000)
hostile_text = st.one_of(
    st.sampled_from(HOSTILE_SNIPPETS),
    any_text,
    st.builds(lambda a, b: a + b, st.sampled_from(HOSTILE_SNIPPETS), any_text),
)


def visible_text(max_size):
    """Text a valid submission may carry: any characters but NUL, with some letters in it,
    HTML and SQL-looking parts included."""
    letters = st.text(
        alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=min(30, max_size)
    )
    noise = st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=["Cs"]),
        max_size=max_size,
    )
    return st.builds(
        lambda word, extra, snippet: (word + " " + snippet + " " + extra)[:max_size],
        letters,
        noise,
        st.sampled_from(
            [s for s in HOSTILE_SNIPPETS if s.strip() and "\x00" not in s and len(s) < 60]
        ),
    )


def wrong_value():
    """A value of the wrong kind for any field: hostile text, a list, or nothing at all."""
    return st.one_of(
        hostile_text,
        long_text,
        st.lists(hostile_text, min_size=2, max_size=3),
        st.just(None),  # the field is missing from the POST
    )
