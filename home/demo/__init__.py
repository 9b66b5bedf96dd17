"""Demo content for ``manage.py load_demo_community``.

A fictional community (青梧社区, 澜江市) with enough notices, pages and pictures that
the site can be shown, searched and tested by hand without any real resident's data.
The texts live here as data; the command only arranges them into pages.
"""
