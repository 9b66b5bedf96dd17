"""Demo pictures drawn with Pillow: no downloads, no fonts, no third-party photos.

Flat shapes (buildings, trees, a notice board…) are enough to show how images sit in
notices and on the home page, and they carry no copyright or privacy questions.
Drawing is deterministic, and images are looked up by title, so reruns reuse them.
"""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images.models import Image

SIZE = (960, 640)
SKY = (198, 226, 240)
GRASS = (142, 190, 120)
GROUND = (222, 214, 196)


def _canvas(sky=SKY, ground=GROUND, horizon=520):
    image = PillowImage.new("RGB", SIZE, sky)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, horizon, SIZE[0], SIZE[1]), fill=ground)
    return image, draw


def _tree(draw, x, base, size):
    draw.rectangle((x - size // 10, base - size, x + size // 10, base), fill=(120, 86, 60))
    draw.ellipse((x - size // 2, base - size * 2, x + size // 2, base - size), fill=(70, 140, 80))


def _block(draw, x, width, height, colour, horizon=520):
    """A residential block with a grid of windows."""
    top = horizon - height
    draw.rectangle((x, top, x + width, horizon), fill=colour)
    for wy in range(top + 20, horizon - 30, 36):
        for wx in range(x + 14, x + width - 24, 32):
            draw.rectangle((wx, wy, wx + 16, wy + 20), fill=(250, 240, 200))


def draw_skyline():
    image, draw = _canvas(ground=GRASS)
    draw.ellipse((780, 60, 870, 150), fill=(252, 214, 120))
    colours = [(214, 170, 150), (190, 196, 210), (226, 200, 160), (170, 186, 200)]
    for i, (x, height) in enumerate([(40, 300), (220, 380), (420, 260), (600, 340), (770, 280)]):
        _block(draw, x, 150, height, colours[i % len(colours)])
    for x in range(30, SIZE[0], 120):
        _tree(draw, x, 600, 50)
    return image


def draw_green_space():
    image, draw = _canvas(ground=GRASS, horizon=380)
    draw.polygon([(420, 640), (540, 640), (500, 380), (460, 380)], fill=GROUND)
    for i, x in enumerate(range(60, SIZE[0], 140)):
        _tree(draw, x, 460 + (i % 2) * 60, 70 + (i % 3) * 15)
    draw.rectangle((620, 520, 760, 540), fill=(150, 110, 80))
    draw.rectangle((630, 540, 640, 570), fill=(110, 80, 60))
    draw.rectangle((740, 540, 750, 570), fill=(110, 80, 60))
    return image


def draw_notice_board():
    image, draw = _canvas(sky=(230, 236, 240))
    draw.rectangle((140, 80, 820, 470), fill=(170, 40, 40))
    draw.rectangle((170, 110, 790, 440), fill=(245, 240, 228))
    for i, x in enumerate((195, 400, 605)):
        draw.rectangle((x, 140, x + 165, 400), fill=(255, 255, 255), outline=(200, 190, 170))
        draw.rectangle((x + 20, 160, x + 145, 180), fill=(200, 60, 50) if i == 0 else (90, 90, 90))
        for y in range(200, 380, 22):
            draw.line((x + 20, y, x + 145, y), fill=(150, 150, 150), width=4)
    for x in (200, 760):
        draw.rectangle((x, 470, x + 20, 600), fill=(110, 110, 110))
    return image


def draw_charging_shed():
    image, draw = _canvas()
    draw.polygon([(80, 200), (880, 200), (840, 150), (120, 150)], fill=(60, 120, 170))
    for x in range(110, 860, 150):
        draw.rectangle((x, 200, x + 12, 520), fill=(120, 120, 120))
    for x in range(150, 820, 75):
        draw.rectangle((x, 300, x + 30, 350), fill=(240, 240, 240), outline=(90, 90, 90))
        draw.ellipse((x + 10, 310, x + 20, 320), fill=(40, 180, 80))
    for x in range(140, 800, 150):
        draw.ellipse((x, 450, x + 44, 494), outline=(40, 40, 40), width=6)
        draw.ellipse((x + 70, 450, x + 114, 494), outline=(40, 40, 40), width=6)
        draw.line((x + 22, 472, x + 50, 430, x + 92, 472), fill=(200, 80, 60), width=6)
    return image


def draw_fire_safety():
    image, draw = _canvas(sky=(250, 236, 226))
    draw.rounded_rectangle((380, 200, 500, 520), radius=40, fill=(210, 40, 40))
    draw.rectangle((420, 160, 460, 200), fill=(60, 60, 60))
    draw.line((460, 175, 560, 175, 600, 260), fill=(40, 40, 40), width=10)
    draw.rectangle((395, 300, 485, 380), fill=(255, 255, 255))
    draw.polygon([(640, 520), (700, 360), (730, 430), (760, 330), (820, 520)], fill=(245, 150, 40))
    draw.polygon([(680, 520), (720, 430), (760, 520)], fill=(252, 214, 90))
    return image


def draw_gathering():
    image, draw = _canvas(ground=(214, 200, 170))
    draw.line((0, 120, SIZE[0], 160), fill=(120, 120, 120), width=3)
    flag_colours = [(220, 60, 60), (250, 200, 60), (60, 150, 200), (80, 170, 100)]
    for i, x in enumerate(range(20, SIZE[0], 60)):
        y = 120 + x * 40 // SIZE[0]
        draw.polygon([(x, y), (x + 40, y + 2), (x + 20, y + 45)], fill=flag_colours[i % 4])
    draw.rectangle((260, 430, 700, 450), fill=(150, 100, 70))
    for i, x in enumerate(range(230, 760, 90)):
        colour = flag_colours[(i + 1) % 4]
        draw.ellipse((x, 300, x + 50, 350), fill=(240, 200, 170))
        draw.rounded_rectangle((x - 10, 355, x + 60, 470), radius=20, fill=colour)
    return image


# title -> (file name, drawing function)
DRAWINGS = {
    "青梧社区楼群": ("demo-skyline.jpg", draw_skyline),
    "中心绿地": ("demo-green-space.jpg", draw_green_space),
    "社区公告栏": ("demo-notice-board.jpg", draw_notice_board),
    "电动车集中充电棚": ("demo-charging-shed.jpg", draw_charging_shed),
    "消防安全": ("demo-fire-safety.jpg", draw_fire_safety),
    "邻里活动": ("demo-gathering.jpg", draw_gathering),
}


def get_or_create_images():
    """Return {title: Image}, drawing and saving only the ones not stored yet."""
    images = {}
    for title, (filename, draw) in DRAWINGS.items():
        image = Image.objects.filter(title=title).order_by("pk").first()
        if image is None:
            buffer = BytesIO()
            draw().save(buffer, "JPEG", quality=85)
            image = Image(title=title, file=ImageFile(buffer, name=filename))
            # What the admin's upload form does, so file size and hash are filled in.
            image._set_image_file_metadata()
            image.save()
        images[title] = image
    return images
