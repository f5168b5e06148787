/** Tiny spec sets for the Action tests: each solves in well under a second. */

/** Two arithmetic functions. */
export const ARITH = `def add(a: int, b: int) -> int:
    """Add two numbers.

    >>> add(1, 2)
    3
    >>> add(5, 7)
    12
    """


def double(x: int) -> int:
    """Double a number.

    >>> double(2)
    4
    >>> double(7)
    14
    """
`;

/** ARITH with double's examples changed so that no small program fits: double is no longer solved. */
export const ARITH_BROKEN = ARITH.replace(">>> double(2)\n    4", ">>> double(2)\n    17").replace(">>> double(7)\n    14", ">>> double(7)\n    3\n    >>> double(5)\n    101\n    >>> double(1)\n    -40");

/** Two string functions. */
export const STRINGS = `def shout(s: str) -> str:
    """Upper-case the text.

    >>> shout("hi")
    'HI'
    >>> shout("abc")
    'ABC'
    """


def first(s: str) -> str:
    """The first character.

    >>> first("hello")
    'h'
    >>> first("xyz")
    'x'
    """
`;

/** One list function. */
export const LISTS = `from typing import List


def total(xs: List[int]) -> int:
    """Sum of the numbers.

    >>> total([1, 2, 3])
    6
    >>> total([10])
    10
    """
`;

/** Rules for the `rules` input: timing differences between test runs on a busy machine never count. */
export const QUIET_TIME = "time.warn.absolute=60000\ntime.fail.absolute=60000";
