"""Numeric helpers."""


def celsius_to_fahrenheit(celsius: float) -> float:
    """Convert a temperature from Celsius to Fahrenheit.

    >>> celsius_to_fahrenheit(0.0)
    32.0
    >>> celsius_to_fahrenheit(100.0)
    212.0
    >>> celsius_to_fahrenheit(-40.0)
    -40.0
    >>> celsius_to_fahrenheit(37.5)
    99.5
    """


def digit_sum(n: int) -> int:
    """Sum of the decimal digits of a non-negative integer.

    >>> digit_sum(123)
    6
    >>> digit_sum(9)
    9
    >>> digit_sum(4005)
    9
    """
