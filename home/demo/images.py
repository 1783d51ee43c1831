"""Images the demo makes itself, so that it ships no file it did not draw: the EU emblem
from its official geometry (a blue field of 3:2; twelve gold five-pointed stars on a circle
whose radius is a third of the height, each star on a circle of one eighteenth of the height,
one point upwards)."""

import io
import math

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


def eu_emblem():
    """The emblem as a Wagtail image, made once."""
    model = get_image_model()
    title = "EU emblem"
    existing = model.objects.filter(title=title).first()
    if existing:
        return existing
    file = ImageFile(io.BytesIO(eu_emblem_png()), name="eu-emblem.png")
    return model.objects.create(title=title, file=file)
