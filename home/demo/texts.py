"""English demo strings that carry their Danish and German translations."""

TRANSLATIONS = {}


class T(str):
    """An English string; ``T("Food", da="Fødevarer", de="Lebensmittel")``.

    Every T registers its translations, which the loader hands to wagtail-localize as the
    translations of the matching source segments.
    """

    def __new__(cls, en, da, de):
        text = super().__new__(cls, en)
        TRANSLATIONS[en] = {"da": da, "de": de}
        return text
