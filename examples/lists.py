"""List utilities."""
from typing import List


def sum_of_squares(numbers: List[int]) -> int:
    """Return the sum of the squares of the numbers.

    >>> sum_of_squares([1, 2, 3])
    14
    >>> sum_of_squares([])
    0
    >>> sum_of_squares([-4, 5])
    41
    """


def only_evens(numbers: List[int]) -> List[int]:
    """Keep only the even numbers, in their original order.

    >>> only_evens([1, 2, 3, 4, 6])
    [2, 4, 6]
    >>> only_evens([7, 9])
    []
    >>> only_evens([10, -2, 5])
    [10, -2]
    """


def largest_gap(numbers: List[int]) -> int:
    """Difference between the largest and the smallest number.

    >>> largest_gap([3, 9, 1])
    8
    >>> largest_gap([5])
    0
    >>> largest_gap([-2, 4, 10, 7])
    12
    """
