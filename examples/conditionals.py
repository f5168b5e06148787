"""A conditional: the search combines a test with two branches."""


def age_group(age: int) -> str:
    """Return 'adult' for ages of 18 or more, otherwise 'minor'.

    >>> age_group(30)
    'adult'
    >>> age_group(12)
    'minor'
    >>> age_group(18)
    'adult'
    >>> age_group(17)
    'minor'
    >>> age_group(65)
    'adult'
    >>> age_group(3)
    'minor'
    """


def clamp_percent(value: int) -> int:
    """Clamp a value to the range 0 to 100.

    >>> clamp_percent(42)
    42
    >>> clamp_percent(-7)
    0
    >>> clamp_percent(150)
    100
    >>> clamp_percent(100)
    100
    >>> clamp_percent(0)
    0
    >>> clamp_percent(99)
    99
    """
