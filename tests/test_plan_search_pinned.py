"""The plan search's results pinned on a small generated corpus: regions,
scores, snippet pages and passages stay the same whatever the index schema or
the query plan (the figures were taken before the search was made faster)."""

import hashlib
import random

import pytest
from django.core.files.base import ContentFile

from plans.models import Regiobeeld
from plans.search import index, query
from regions import services
from regions.models import Region, RegioplanStatus
from tests.plan_pdfs import make_pdf

pytestmark = pytest.mark.django_db

WORDS = (
    "huisartsenpost huisartsenposten Huisartsenpost zorg ouderenzorg wijk wijken "
    "acute Coöperatie cooperatie samenwerking samenwerken de in het regio regio's "
    "12 2025 praktijk praktijken spoedzorg dementie <b>vet</b> & en"
).split()


def pages(rng: random.Random, n: int) -> list[str]:
    return [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(40, 80)))
        for _ in range(n)
    ]


@pytest.fixture
def corpus():
    rng = random.Random(2026)
    shared = pages(rng, 4)  # two regions with the same plan: equal scores
    plans = {
        "alfa": [*pages(rng, 6), "De zorg in de wijk, en de huisartsenposten."],
        "bravo": shared,
        "charlie": shared,
        "delta": pages(rng, 3),
        "echo": pages(rng, 5),  # not public
    }
    for name, plan in plans.items():
        status = RegioplanStatus.NIET_OPENBAAR if name == "echo" else "openbaar"
        region = Region(name=name.title(), slug=name, status=status)
        region.plan_document.save("plan.pdf", ContentFile(make_pdf(plan)), save=False)
        region.save()
        services.documents_changed(region)
    delta = Region.objects.get(slug="delta")
    beeld = Regiobeeld(region=delta, document_public=True)
    beeld.document.save("rb.pdf", ContentFile(make_pdf(pages(rng, 4))))
    index.index_document(delta, index.Kind.REGIOBEELD)


def pinned(q: str, **kw) -> list:
    return [
        (
            hit.region.slug,
            round(hit.score, 6),
            [
                (
                    s.kind,
                    s.page,
                    hashlib.sha256(str(s.html).encode()).hexdigest()[:8],
                )
                for s in hit.snippets
            ],
        )
        for hit in query.search(query.parse(q), **kw)
    ]


QUERIES = [
    "huisartsenpost",
    "huisartsenposten zorg",
    "coöperatie",
    "regio's",
    "2025",
    "12",
    "praktijken samenwerking wijk",
    "vet",
    '"acute zorg"',
    '"zorg in de wijk"',
    'wijken "acute zorg"',
    '"de regio"',
    '"huisartsenposten dementie"',
    "onbestaandwoord",
]

EXPECTED: dict = {
    '"acute zorg"': [
        (
            "bravo",
            4.595186,
            [("regioplan", 4, "e116d50c"), ("regioplan", 3, "220b1249")],
        ),
        (
            "charlie",
            4.595186,
            [("regioplan", 4, "e116d50c"), ("regioplan", 3, "220b1249")],
        ),
        ("delta", 3.307552, [("regiobeeld", 4, "9889a529")]),
    ],
    '"de regio"': [
        ("delta", 3.788285, [("regiobeeld", 1, "33fb8b0f")]),
        ("bravo", 3.273737, [("regioplan", 2, "f3945909")]),
        ("charlie", 3.273737, [("regioplan", 2, "f3945909")]),
    ],
    '"huisartsenposten dementie"': [
        ("bravo", 3.339184, [("regioplan", 2, "7fa82fe7")]),
        ("charlie", 3.339184, [("regioplan", 2, "7fa82fe7")]),
    ],
    '"zorg in de wijk"': [("alfa", 3.498978, [("regioplan", 7, "fb929f55")])],
    "12": [],
    "2025": [
        (
            "alfa",
            8.538341,
            [
                ("regioplan", 3, "30d9e11a"),
                ("regioplan", 1, "5bdc86ab"),
                ("regioplan", 5, "0cb63a79"),
            ],
        ),
        (
            "delta",
            6.509124,
            [
                ("regiobeeld", 4, "276dd412"),
                ("regiobeeld", 3, "78c77587"),
                ("regioplan", 1, "3ee80b59"),
            ],
        ),
        (
            "bravo",
            5.14115,
            [
                ("regioplan", 2, "ac7846f6"),
                ("regioplan", 4, "cdce05cf"),
                ("regioplan", 1, "7c34bb38"),
            ],
        ),
        (
            "charlie",
            5.14115,
            [
                ("regioplan", 2, "ac7846f6"),
                ("regioplan", 4, "cdce05cf"),
                ("regioplan", 1, "7c34bb38"),
            ],
        ),
    ],
    "coöperatie": [
        (
            "alfa",
            10.005044,
            [
                ("regioplan", 3, "c9873d71"),
                ("regioplan", 2, "c3d3bf15"),
                ("regioplan", 4, "57873628"),
            ],
        ),
        (
            "delta",
            6.828291,
            [
                ("regioplan", 1, "3656d7e3"),
                ("regiobeeld", 2, "0733bca6"),
                ("regioplan", 3, "907e6d89"),
            ],
        ),
        (
            "bravo",
            6.702603,
            [
                ("regioplan", 3, "75f0ed5a"),
                ("regioplan", 2, "91202667"),
                ("regioplan", 1, "cb2b2efe"),
            ],
        ),
        (
            "charlie",
            6.702603,
            [
                ("regioplan", 3, "75f0ed5a"),
                ("regioplan", 2, "91202667"),
                ("regioplan", 1, "cb2b2efe"),
            ],
        ),
    ],
    "filtered": [
        (
            "delta",
            9.836316,
            [
                ("regiobeeld", 2, "ce309e85"),
                ("regioplan", 1, "dae5646f"),
                ("regiobeeld", 4, "83f8d320"),
            ],
        ),
        (
            "bravo",
            7.621284,
            [
                ("regioplan", 3, "14eadefa"),
                ("regioplan", 4, "cc4ddea1"),
                ("regioplan", 1, "d5f139f8"),
            ],
        ),
    ],
    "huisartsenpost": [
        (
            "alfa",
            11.487174,
            [
                ("regioplan", 1, "783227c1"),
                ("regioplan", 5, "a5d6003d"),
                ("regioplan", 3, "73deb086"),
            ],
        ),
        (
            "delta",
            8.097475,
            [
                ("regiobeeld", 2, "d6bdc40d"),
                ("regiobeeld", 3, "f3c4f537"),
                ("regiobeeld", 1, "eeb3e52b"),
            ],
        ),
        (
            "bravo",
            6.995371,
            [
                ("regioplan", 4, "f6a25385"),
                ("regioplan", 1, "d91eba74"),
                ("regioplan", 2, "2762eb5f"),
            ],
        ),
        (
            "charlie",
            6.995371,
            [
                ("regioplan", 4, "f6a25385"),
                ("regioplan", 1, "d91eba74"),
                ("regioplan", 2, "2762eb5f"),
            ],
        ),
    ],
    "huisartsenposten zorg": [
        (
            "alfa",
            14.267948,
            [
                ("regioplan", 3, "f8c17b7c"),
                ("regioplan", 4, "3aca068d"),
                ("regioplan", 1, "783227c1"),
            ],
        ),
        (
            "delta",
            10.606599,
            [
                ("regiobeeld", 2, "20b6bf6e"),
                ("regiobeeld", 4, "02f308ce"),
                ("regiobeeld", 1, "e1fd3bfb"),
            ],
        ),
        (
            "bravo",
            9.131282,
            [
                ("regioplan", 1, "83c429a8"),
                ("regioplan", 4, "8359b037"),
                ("regioplan", 3, "14eadefa"),
            ],
        ),
        (
            "charlie",
            9.131282,
            [
                ("regioplan", 1, "83c429a8"),
                ("regioplan", 4, "8359b037"),
                ("regioplan", 3, "14eadefa"),
            ],
        ),
    ],
    "limited": [
        (
            "alfa",
            13.696206,
            [
                ("regioplan", 2, "34d84249"),
                ("regioplan", 3, "7f382e0b"),
                ("regioplan", 4, "6f41d014"),
            ],
        ),
        (
            "delta",
            9.836316,
            [
                ("regiobeeld", 2, "ce309e85"),
                ("regioplan", 1, "dae5646f"),
                ("regiobeeld", 4, "83f8d320"),
            ],
        ),
    ],
    "onbestaandwoord": [],
    "praktijken samenwerking wijk": [
        (
            "alfa",
            18.345503,
            [
                ("regioplan", 2, "c1c2c405"),
                ("regioplan", 1, "749ce773"),
                ("regioplan", 4, "5438c418"),
            ],
        ),
        (
            "delta",
            13.196168,
            [
                ("regioplan", 1, "9651e594"),
                ("regiobeeld", 2, "86688c03"),
                ("regiobeeld", 3, "c6ea5733"),
            ],
        ),
        (
            "bravo",
            10.876834,
            [
                ("regioplan", 3, "9eea3149"),
                ("regioplan", 1, "16b0b208"),
                ("regioplan", 4, "99621fc7"),
            ],
        ),
        (
            "charlie",
            10.876834,
            [
                ("regioplan", 3, "9eea3149"),
                ("regioplan", 1, "16b0b208"),
                ("regioplan", 4, "99621fc7"),
            ],
        ),
    ],
    "regio's": [
        (
            "alfa",
            12.494452,
            [
                ("regioplan", 2, "c956846d"),
                ("regioplan", 1, "b3b0149f"),
                ("regioplan", 5, "8b07b354"),
            ],
        ),
        (
            "delta",
            10.396616,
            [
                ("regiobeeld", 1, "3e5b3a1d"),
                ("regiobeeld", 3, "3023749d"),
                ("regiobeeld", 2, "764f4bc2"),
            ],
        ),
        (
            "bravo",
            9.45716,
            [
                ("regioplan", 3, "4f2a38ee"),
                ("regioplan", 2, "08e1ccb3"),
                ("regioplan", 1, "782cdddd"),
            ],
        ),
        (
            "charlie",
            9.45716,
            [
                ("regioplan", 3, "4f2a38ee"),
                ("regioplan", 2, "08e1ccb3"),
                ("regioplan", 1, "782cdddd"),
            ],
        ),
    ],
    "vet": [
        (
            "alfa",
            6.135911,
            [
                ("regioplan", 4, "a8c99cd9"),
                ("regioplan", 6, "ff7b19ad"),
                ("regioplan", 3, "9e285608"),
            ],
        ),
        (
            "delta",
            5.000627,
            [
                ("regioplan", 1, "1baf9eaf"),
                ("regiobeeld", 1, "912a73a3"),
                ("regiobeeld", 4, "a74e361d"),
            ],
        ),
        (
            "bravo",
            4.660697,
            [
                ("regioplan", 1, "27daa275"),
                ("regioplan", 4, "3ff77653"),
                ("regioplan", 3, "d6366979"),
            ],
        ),
        (
            "charlie",
            4.660697,
            [
                ("regioplan", 1, "27daa275"),
                ("regioplan", 4, "3ff77653"),
                ("regioplan", 3, "d6366979"),
            ],
        ),
    ],
    'wijken "acute zorg"': [
        (
            "bravo",
            6.112606,
            [("regioplan", 3, "220b1249"), ("regioplan", 4, "cc4ddea1")],
        ),
        (
            "charlie",
            6.112606,
            [("regioplan", 3, "220b1249"), ("regioplan", 4, "cc4ddea1")],
        ),
        ("delta", 4.336143, [("regiobeeld", 4, "e59c8bea")]),
    ],
}


@pytest.mark.parametrize("q", QUERIES)
def test_results_stay_the_same(corpus, q):
    assert pinned(q) == EXPECTED[q]


def test_results_with_filter_and_limit_stay_the_same(corpus):
    some = Region.objects.filter(slug__in=["bravo", "delta"])
    assert pinned("zorg wijk", regions=some) == EXPECTED["filtered"]
    assert pinned("zorg wijk", limit=2) == EXPECTED["limited"]
