"""Images the demo makes itself, so that it ships no file it did not draw: the EU emblem
from its official geometry (a blue field of 3:2; twelve gold five-pointed stars on a circle
whose radius is a third of the height, each star on a circle of one eighteenth of the height,
one point upwards), and the illustrations of events and news: clusters north and south of
the Danish-German border, linked as a network (no photograph or logo of anyone real)."""

import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

EU_BLUE, EU_GOLD = (0, 51, 153), (255, 204, 0)
STAR_INNER = math.sin(math.radians(18)) / math.sin(math.radians(126))  # of the outer radius


def eu_emblem_png(height=300):
    width = height * 3 // 2
    image = Image.new("RGB", (width, height), EU_BLUE)
    draw = ImageDraw.Draw(image)
    for k in range(12):
        angle = math.radians(-90 + 30 * k)
        x = width / 2 + height / 3 * math.cos(angle)
        y = height / 2 + height / 3 * math.sin(angle)
        draw.polygon(star(x, y, height / 18), fill=EU_GOLD)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def star(x, y, radius):
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * STAR_INNER
        angle = math.radians(-90 + 36 * i)
        points.append((x + r * math.cos(angle), y + r * math.sin(angle)))
    return points


def network_png(seed, width=1280, height=512):
    """Danish clusters (red, above) and German ones (dark, below) of a wavy border, each
    linked to its neighbours, a few of them across the border (gold). Drawn at twice the
    size and reduced, for smooth lines."""
    rng = random.Random(seed)  # noqa: S311 (a drawing, the same for each page every time)
    scale = 2
    w, h = width * scale, height * scale
    image = Image.new("RGB", (w, h), NORTH)
    draw = ImageDraw.Draw(image)
    phase = rng.uniform(0, 2 * math.pi)

    def border_y(x):
        return h * 0.48 + h * 0.05 * math.sin(phase + x / w * 3 * math.pi)

    draw.polygon([(0, h), *[(x, border_y(x)) for x in range(0, w + 1, 8)], (w, h)], fill=SOUTH)
    nodes = []
    for colour, count, low, high in ((DANISH, 9, 0.08, 0.38), (GERMAN, 11, 0.6, 0.92)):
        placed = 0
        for _ in range(1000):  # apart from one another, so that no circle hides another
            x, y = rng.uniform(0.06, 0.94) * w, rng.uniform(low, high) * h
            if all(math.dist((x, y), n[:2]) > 0.11 * w for n in nodes):
                nodes.append((x, y, colour))
                placed += 1
                if placed == count:
                    break
    across = 0
    for i, (x1, y1, c1) in enumerate(nodes):
        neighbours = sorted(
            (math.dist((x1, y1), (x2, y2)), j) for j, (x2, y2, _) in enumerate(nodes) if j != i
        )
        for _, j in neighbours[:2]:
            x2, y2, c2 = nodes[j]
            if c1 == c2:
                draw.line((x1, y1, x2, y2), fill=LINK, width=3 * scale)
        if c1 == DANISH and across < 4 and rng.random() < 0.5:
            x2, y2, _ = min(
                (node for node in nodes if node[2] == GERMAN),
                key=lambda node: math.dist((x1, y1), node[:2]),
            )
            draw.line((x1, y1, x2, y2), fill=ACROSS, width=5 * scale)
            across += 1
    for x, y, colour in nodes:
        r = rng.uniform(14, 26) * scale
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour, outline="white", width=3 * scale)
    image = image.resize((width, height), Image.LANCZOS)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


NORTH, SOUTH = (246, 236, 236), (236, 238, 242)
DANISH, GERMAN = (200, 16, 46), (45, 52, 64)
LINK, ACROSS = (190, 190, 198), (230, 170, 0)


def eu_emblem():
    """The emblem as a Wagtail image, made once."""
    return demo_image("EU emblem", "eu-emblem.png", eu_emblem_png)


def network_illustration(name):
    """An illustration of its own for the page ``name`` (a slug), made once."""
    return demo_image(f"Illustration: {name}", f"{name}.png", lambda: network_png(name))


def demo_image(title, filename, draw):
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    file = ImageFile(io.BytesIO(draw()), name=filename)
    return model.objects.create(title=title, file=file)
